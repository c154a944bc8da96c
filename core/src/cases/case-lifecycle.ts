import { DomainError } from '../errors/domain-error';
import type { CaseStatus, CitizenCase } from './citizen-case';

/** head = the body's head; handler = assigned to the case; recorder = who took it in. */
export type CaseParty = 'head' | 'handler' | 'recorder';

/**
 * Who may move a case and where. The head decides acceptance, assigns and extends (the person
 * competent to resolve it); the handler or the head records the resolution.
 */
export const CASE_TRANSITIONS = {
  accept: { from: ['received'], to: 'accepted', by: ['head'], reason: false },
  reject: { from: ['received'], to: 'rejected', by: ['head'], reason: true },
  assign: { from: ['received', 'accepted'], to: null, by: ['head'], reason: false },
  extend: { from: ['accepted'], to: null, by: ['head'], reason: true },
  resolve: { from: ['accepted'], to: 'resolved', by: ['head', 'handler'], reason: false },
} as const satisfies Record<
  string,
  {
    from: readonly CaseStatus[];
    /** null: the status stays. */
    to: CaseStatus | null;
    by: readonly CaseParty[];
    reason: boolean;
  }
>;

export type CaseTransition = keyof typeof CASE_TRANSITIONS;

export const OPEN_CASE_STATUSES: readonly CaseStatus[] = ['received', 'accepted'];

/** The status after `transition`, or CASE.TRANSITION_NOT_ALLOWED from where the case stands. */
export function nextCaseStatus(status: CaseStatus, transition: CaseTransition): CaseStatus {
  const rule: { from: readonly CaseStatus[]; to: CaseStatus | null } = CASE_TRANSITIONS[transition];
  if (!rule.from.includes(status)) {
    throw new DomainError('CASE.TRANSITION_NOT_ALLOWED', { transition, status });
  }
  return rule.to ?? status;
}

/** Which parties a person is for a case. Anyone else does not see it at all. */
export function casePartiesOf(c: CitizenCase, userId: string, isHead: boolean): Set<CaseParty> {
  const parties = new Set<CaseParty>();
  if (isHead) parties.add('head');
  if (c.handlerIds.includes(userId)) parties.add('handler');
  if (c.recordedBy === userId) parties.add('recorder');
  return parties;
}

/**
 * Who may read the citizen's identity: the head and the handlers; for a complaint or feedback also
 * the recorder, who took it down. A denouncer's identity stays with the head and the handlers
 * (Law 25/2018 protects denouncers; the article is to confirm).
 */
export function mayReadIdentity(c: CitizenCase, parties: ReadonlySet<CaseParty>): boolean {
  if (parties.has('head') || parties.has('handler')) return true;
  return c.kind !== 'denunciation' && parties.has('recorder');
}
