import { ZCreateMeetingInput, ZUpdateMeetingInput } from '@qcdc/core';
import type { CreateMeetingBody, UpdateMeetingBody } from '../api/api-types';
import { fieldOfPath, messageOfIssue, type FieldErrors } from './field-errors';
import type { MeetingFormValues } from './form-values';
import { parseLocalDate, parseLocalTime, toVietnamIso } from './vietnam-time';

export type FormResult<T> = { ok: true; body: T } | { ok: false; errors: FieldErrors };

/** Checks the form with the API's own schema before anything is sent. */
export function toCreateBody(values: MeetingFormValues): FormResult<CreateMeetingBody> {
  const { fields, errors } = commonFields(values);
  return check(ZCreateMeetingInput, fields, errors);
}

/** Sends every field with the version the form was loaded at, so a stale form is a conflict. */
export function toUpdateBody(
  values: MeetingFormValues,
  version: number,
): FormResult<UpdateMeetingBody> {
  const { fields, errors } = commonFields(values);
  return check(ZUpdateMeetingInput, { ...fields, version, endsAt: fields.endsAt ?? null }, errors);
}

function commonFields(values: MeetingFormValues) {
  const errors: FieldErrors = {};
  const date = parseLocalDate(values.date);
  if (!date) {
    errors['date'] = values.date.trim()
      ? { key: 'validation.date' }
      : { key: 'validation.required' };
  }
  const start = parseLocalTime(values.startTime);
  if (!start) {
    errors['startTime'] = values.startTime.trim()
      ? { key: 'validation.time' }
      : { key: 'validation.required' };
  }
  const end = values.endTime.trim() ? parseLocalTime(values.endTime) : null;
  if (values.endTime.trim() && !end) errors['endTime'] = { key: 'validation.time' };

  const startsAt = date && start ? toVietnamIso(date, start) : '';
  const endsAt = date && end ? toVietnamIso(date, end) : undefined;
  if (startsAt && endsAt && Date.parse(endsAt) <= Date.parse(startsAt)) {
    errors['endTime'] = { key: 'validation.endAfterStart' };
  }

  const fields = {
    kind: values.kind,
    title: values.title,
    startsAt,
    endsAt,
    location: values.location,
    chairId: values.chairId,
    secretaryId: values.secretaryId,
    agenda: values.agenda.map((row) => ({
      title: row.title,
      presenterId: row.presenterId || undefined,
      durationMinutes: row.duration.trim() ? Number(row.duration) : undefined,
    })),
  };
  return { fields, errors };
}

interface Schema {
  safeParse(
    value: unknown,
  ): { success: true } | { success: false; error: { issues: readonly IssueOf[] } };
}
type IssueOf = Parameters<typeof messageOfIssue>[0];

/**
 * Our own date/time messages win over the schema's for the same field; on success the unparsed
 * fields are sent (instants keep their +07:00; the API normalises to UTC).
 */
function check<T>(schema: Schema, body: T, errors: FieldErrors): FormResult<T> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = fieldOfPath(issue.path);
      errors[field] ??= messageOfIssue(issue);
    }
  }
  return Object.keys(errors).length === 0 ? { ok: true, body } : { ok: false, errors };
}
