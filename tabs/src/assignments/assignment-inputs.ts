import {
  ASSIGNMENT_LIMITS,
  ZAssignmentTransitionInput,
  ZCreateAssignmentInput,
  ZDecideExtensionInput,
  ZProgressInput,
  ZRequestExtensionInput,
  type AssignmentPriority,
} from '@qcdc/core';
import type {
  AssignmentTransitionBody,
  CreateAssignmentBody,
  DecideExtensionBody,
  ProgressBody,
  RequestExtensionBody,
} from '../api/api-types';
import type { Message } from '../i18n';
import type { FieldErrors } from '../meeting-form/field-errors';
import { civilDateFromInput, formatCivilDate, vietnamToday } from './assignment-dates';

/*
 * Every assignment form is checked with the API's own zod schema before anything is sent; our
 * messages (in the user's language) replace zod's English ones field by field.
 */

export type InputResult<T> = { ok: true; body: T } | { ok: false; errors: FieldErrors };

interface Issue {
  code: string;
  path: readonly PropertyKey[];
  maximum?: unknown;
}

/** Words for a schema issue on an assignment field. */
function messageOf(issue: Issue): Message {
  const field = String(issue.path[0] ?? '');
  const max = typeof issue.maximum === 'number' ? issue.maximum : undefined;
  if (field === 'ownerId') return { key: 'validation.choosePerson' };
  if (field === 'coOwnerIds') {
    return { key: 'validation.tooManyPeople', params: { max: ASSIGNMENT_LIMITS.coOwnersMax } };
  }
  if (field === 'deadline' || field === 'requestedDeadline') return { key: 'validation.date' };
  if (field === 'percent') return { key: 'validation.percent' };
  if (field === 'evidenceUrls') {
    return issue.path.length > 1
      ? { key: 'validation.httpsUrl' }
      : { key: 'validation.tooManyLinks', params: { max: ASSIGNMENT_LIMITS.evidenceMax } };
  }
  if (issue.code === 'too_small') return { key: 'validation.required' };
  if (issue.code === 'too_big' && max !== undefined) {
    return { key: 'validation.tooLong', params: { max } };
  }
  return { key: 'validation.invalid' };
}

function check<T>(
  schema: {
    safeParse(value: unknown): { success: true } | { success: false; error: { issues: Issue[] } };
  },
  body: T,
  errors: FieldErrors,
): InputResult<T> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? '');
      errors[field] ??= messageOf(issue);
    }
  }
  return Object.keys(errors).length === 0 ? { ok: true, body } : { ok: false, errors };
}

/** The create form as typed. */
export interface AssignmentFormValues {
  title: string;
  description: string;
  ownerId: string;
  coOwnerIds: string[];
  /** dd/MM/yyyy, a Vietnam civil date */
  deadline: string;
  priority: AssignmentPriority;
}

export function emptyAssignmentValues(title = ''): AssignmentFormValues {
  return { title, description: '', ownerId: '', coOwnerIds: [], deadline: '', priority: 'normal' };
}

/**
 * What POST `/assignments` gets: the deadline turned from dd/MM/yyyy into yyyy-MM-dd (not before
 * today in Vietnam: the API refuses that too), co-owners without the owner.
 */
export function toCreateAssignmentBody(
  values: AssignmentFormValues,
  now: Date,
  meetingId?: string,
): InputResult<CreateAssignmentBody> {
  const errors: FieldErrors = {};
  const deadline = civilDateFromInput(values.deadline);
  if (!deadline) {
    errors['deadline'] = values.deadline.trim()
      ? { key: 'validation.date' }
      : { key: 'validation.required' };
  } else if (deadline < vietnamToday(now)) {
    errors['deadline'] = { key: 'validation.deadlinePast' };
  }
  const body: CreateAssignmentBody = {
    title: values.title,
    description: values.description,
    ownerId: values.ownerId,
    coOwnerIds: values.coOwnerIds.filter((id) => id !== values.ownerId),
    deadline: deadline ?? '',
    priority: values.priority,
    ...(meetingId ? { meetingId } : {}),
  };
  return check(ZCreateAssignmentInput, body, errors);
}

/** The progress form as typed: evidence links one per line. */
export interface ProgressValues {
  note: string;
  percent: string;
  evidence: string;
}

export function toProgressBody(values: ProgressValues, version: number): InputResult<ProgressBody> {
  const errors: FieldErrors = {};
  const percentText = values.percent.trim().replace(/%$/, '').trim();
  let percent: number | undefined;
  if (percentText) {
    percent = /^\d{1,3}$/.test(percentText) ? Number(percentText) : Number.NaN;
  }
  const evidenceUrls = values.evidence
    .split(/\s+/)
    .map((line) => line.trim())
    .filter(Boolean);
  const body: ProgressBody = {
    version,
    note: values.note,
    ...(percent === undefined ? {} : { percent }),
    evidenceUrls,
  };
  return check(ZProgressInput, body, errors);
}

/** The extension request as typed: a later date (dd/MM/yyyy) and why. */
export interface ExtensionValues {
  date: string;
  reason: string;
}

export function toExtensionBody(
  values: ExtensionValues,
  version: number,
  currentDeadline: string,
): InputResult<RequestExtensionBody> {
  const errors: FieldErrors = {};
  const requested = civilDateFromInput(values.date);
  if (!requested) {
    errors['requestedDeadline'] = values.date.trim()
      ? { key: 'validation.date' }
      : { key: 'validation.required' };
  } else if (requested <= currentDeadline) {
    errors['requestedDeadline'] = {
      key: 'validation.extensionLater',
      params: { date: formatCivilDate(currentDeadline) },
    };
  }
  const body = { version, requestedDeadline: requested ?? '', reason: values.reason };
  return check(ZRequestExtensionInput, body, errors);
}

/** Return, cancel: the reason is required. */
export function toReasonTransitionBody(
  transition: 'returnCompletion' | 'cancel',
  reason: string,
  version: number,
): InputResult<AssignmentTransitionBody> {
  const errors: FieldErrors = {};
  if (!reason.trim()) errors['reason'] = { key: 'validation.required' };
  return check(ZAssignmentTransitionInput, { transition, version, reason }, errors);
}

/** Approve (reason optional) or reject (reason required) a pending extension request. */
export function toDecisionBody(
  decision: 'approve' | 'reject',
  reason: string,
  version: number,
): InputResult<DecideExtensionBody> {
  const errors: FieldErrors = {};
  if (decision === 'reject' && !reason.trim()) errors['reason'] = { key: 'validation.required' };
  const body: DecideExtensionBody = {
    version,
    decision,
    ...(reason.trim() ? { reason } : {}),
  };
  return check(ZDecideExtensionInput, body, errors);
}
