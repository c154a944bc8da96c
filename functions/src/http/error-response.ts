import type { HttpResponseInit } from '@azure/functions';
import {
  errorMessage,
  isDomainError,
  type ErrorCode,
  type Locale,
  type Assignment,
  type Meeting,
  type MinutesSection,
} from '@qcdc/core';
import { ZodError } from 'zod';
import { assignmentDto } from './assignment-dto';
import { meetingDto, sectionDto } from './dto';
import { ERROR_STATUS } from './error-status';

export interface ErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    messages: Record<Locale, string>;
    issues?: { path: string; message: string }[];
    current?: unknown;
  };
}

/** Turns anything thrown into a stable, bilingual error answer. Unknown errors become INTERNAL. */
export function errorResponse(error: unknown, locale: Locale): HttpResponseInit {
  if (error instanceof ZodError) {
    const issues = error.issues.slice(0, 20).map((issue) => ({
      path: issue.path.join('.') || '(body)',
      message: issue.message,
    }));
    const summary = issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
    return build('VALIDATION.FAILED', { issues: summary }, locale, { issues });
  }
  if (isDomainError(error)) {
    const extra: Partial<ErrorBody['error']> = {};
    const details = error.details as
      | { current?: Meeting; currentSection?: MinutesSection; currentAssignment?: Assignment }
      | undefined;
    if (details?.current) extra.current = meetingDto(details.current);
    if (details?.currentSection) extra.current = sectionDto(details.currentSection);
    if (details?.currentAssignment) {
      extra.current = assignmentDto(details.currentAssignment, new Date());
    }
    return build(error.code, error.params, locale, extra);
  }
  return build('INTERNAL', {}, locale, {});
}

function build(
  code: ErrorCode,
  params: Record<string, string | number>,
  locale: Locale,
  extra: Partial<ErrorBody['error']>,
): HttpResponseInit {
  const messages = { vi: errorMessage('vi', code, params), en: errorMessage('en', code, params) };
  const body: ErrorBody = { error: { code, message: messages[locale], messages, ...extra } };
  return { status: ERROR_STATUS[code], jsonBody: body };
}
