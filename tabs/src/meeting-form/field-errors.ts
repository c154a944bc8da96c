import { MEETING_LIMITS } from '@qcdc/core';
import type { Message } from '../i18n';

/**
 * Field errors keyed by form field ("title", "startTime", "agenda.2.title"…), kept as messages
 * rather than words so they follow a language switch.
 */
export type FieldErrors = Partial<Record<string, Message>>;

/** Where an API/schema path shows up in the form (instants are typed as date + time fields). */
export function fieldOfPath(path: readonly PropertyKey[]): string {
  const [head, ...rest] = path.map(String);
  if (head === 'startsAt') return 'startTime';
  if (head === 'endsAt') return 'endTime';
  return [head ?? '', ...rest].join('.');
}

interface IssueLike {
  code: string;
  path: readonly PropertyKey[];
  maximum?: unknown;
}

/** Words for a schema issue, chosen by the field it is on (zod's own text is English-only). */
export function messageOfIssue(issue: IssueLike): Message {
  const field = String(issue.path[issue.path.length - 1] ?? '');
  const max =
    typeof issue.maximum === 'number' || typeof issue.maximum === 'bigint'
      ? Number(issue.maximum)
      : undefined;
  if (field === 'durationMinutes') {
    return { key: 'validation.duration', params: { max: MEETING_LIMITS.durationMinutesMax } };
  }
  if (field === 'chairId' || field === 'secretaryId' || field === 'presenterId') {
    return { key: 'validation.choosePerson' };
  }
  if (field === 'startsAt' || field === 'endsAt') return { key: 'validation.time' };
  if (field === 'agenda' && issue.code === 'too_big') {
    return {
      key: 'validation.tooManyItems',
      params: { max: max ?? MEETING_LIMITS.agendaItemsMax },
    };
  }
  switch (issue.code) {
    case 'too_small':
      return { key: 'validation.required' };
    case 'too_big':
      return max === undefined
        ? { key: 'validation.invalid' }
        : { key: 'validation.tooLong', params: { max } };
    case 'custom':
      return { key: 'validation.controlChars' };
    default:
      return { key: 'validation.invalid' };
  }
}
