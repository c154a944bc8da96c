import { chainAuditEvent, auditHeadOf, GENESIS_HEAD, type AuditEvent } from '../audit/audit-event';
import { toVietnamDate } from '../calendar/vietnam-time';
import { unitCalendarOf } from '../calendar/work-calendar';
import { acceptanceRuleId, extensionRuleFor, resolutionRuleId } from '../cases/case-deadline-rules';
import {
  CASE_TRANSITIONS,
  mayReadIdentity,
  nextCaseStatus,
  type CaseTransition,
} from '../cases/case-lifecycle';
import { caseStats, formatCaseNumber, type CaseStats } from '../cases/case-rules';
import type {
  TAssignCaseInput,
  TDecideCaseAcceptanceInput,
  TExtendCaseInput,
  TIntakeCaseInput,
  TResolveCaseInput,
} from '../cases/case-schemas';
import { CASE_NUMBER_PREFIX, type CitizenCase, type CitizenIdentity } from '../cases/citizen-case';
import { deadlineFrom, resolveDeadlineRule } from '../cases/deadline-rule-registry';
import { DEADLINE_RULES } from '../cases/deadline-settings';
import { DomainError } from '../errors/domain-error';
import type { Actor } from '../permissions/actor';
import { assertCan } from '../permissions/permission-table';
import type { CaseRepository } from '../ports/case-repository';
import {
  assertNotBefore,
  assertNotFuture,
  assertRecordVersion,
  isCaseReplay,
  loadCase,
  nextAudited,
  readEvent,
  required,
  vietnamToday,
  type LoadedCase,
} from './case-change';
import type { UseCaseDeps } from './deps';
import { retryOnWriteRace } from './meeting-change';
import { resolveActorInBody } from './resolve-actor-roles';

type CaseDeps = Pick<UseCaseDeps, 'bodies' | 'cases' | 'clock' | 'ids' | 'calendars'>;

/** Enough for a reception desk's burst of simultaneous intakes in one unit. */
const INTAKE_ATTEMPTS = 25;

/** A case as one of its parties sees it, with what they are to it. */
export interface CaseView {
  case: CitizenCase;
  parties: string[];
}

/**
 * Takes in a petition, complaint or denunciation. The deadlines come from the rules in force on the
 * received date; the number (KN-2026-0007) is the unit's next for the kind and year, taken in the
 * same atomic write as the case, so two intakes never share one and none is skipped. The citizen's
 * identity goes to its own row; the audit trail records the number and kind, never names or content.
 */
export async function intakeCase(
  deps: CaseDeps,
  actor: Actor,
  bodyId: string,
  input: TIntakeCaseInput,
): Promise<CitizenCase> {
  const cases = required(deps.cases, 'cases');
  const { body, roles } = await resolveActorInBody(deps.bodies, actor, bodyId);
  assertCan(roles, 'case.intake');
  const now = deps.clock.now();
  const today = vietnamToday(now);
  const receivedOn = input.receivedOn ?? today;
  assertNotFuture('receivedOn', receivedOn, today);
  const complaint = input.kind === 'complaint';
  if (complaint && input.decisionKnownOn) {
    assertNotBefore('receivedOn', receivedOn, input.decisionKnownOn);
  }
  if (input.sessionId) {
    const session = await cases.getSession(actor.tenantId, body.unitId, bodyId, input.sessionId);
    if (!session) throw new DomainError('RECEPTION.NOT_FOUND');
  }
  // The unit's own days off count: a working-day limit skips them as it skips public holidays.
  const [stored, calendar] = await Promise.all([
    cases.getDeadlineSettings(actor.tenantId, body.unitId),
    unitCalendarOf(deps.calendars, actor.tenantId, body.unitId),
  ]);
  const settings = stored?.value;
  const acceptanceRule = resolveDeadlineRule(
    DEADLINE_RULES,
    acceptanceRuleId(input.kind),
    receivedOn,
    settings,
  );
  const instance = complaint ? (input.instance ?? 'first') : input.instance;
  // The resolution rule must exist too, or the case could never be accepted: refuse it now.
  resolveDeadlineRule(
    DEADLINE_RULES,
    resolutionRuleId(input.kind, {
      instance,
      complexity: input.complexity,
      remote: input.remoteArea,
    }),
    receivedOn,
    settings,
  );
  let filing: CitizenCase['filing'];
  if (complaint && input.decisionKnownOn) {
    const rule = resolveDeadlineRule(DEADLINE_RULES, 'complaint.filing', input.decisionKnownOn);
    const deadline = deadlineFrom(input.decisionKnownOn, rule, calendar);
    filing = { rule, deadline, late: receivedOn > deadline };
  }
  const id = deps.ids.next();
  const at = now.toISOString();
  const year = toVietnamDate(now).year;
  const prefix = CASE_NUMBER_PREFIX[input.kind];
  const identity: CitizenIdentity | undefined = input.citizen;
  // Intakes in one unit contend for its counter row: each retry re-reads it and takes the next.
  return retryOnWriteRace(async () => {
    const counter = await cases.getCounter(actor.tenantId, body.unitId, prefix, year);
    const number = formatCaseNumber(input.kind, year, counter.value + 1);
    const event = chainAuditEvent(GENESIS_HEAD, {
      tenantId: actor.tenantId,
      aggregateType: 'case',
      aggregateId: id,
      action: 'case.received',
      actorId: actor.userId,
      actorName: actor.displayName,
      at,
      changes: {
        number: [null, number],
        kind: [null, input.kind],
        receivedOn: [null, receivedOn],
        status: [null, 'received'],
      },
    });
    const created: CitizenCase = {
      tenantId: actor.tenantId,
      unitId: body.unitId,
      bodyId,
      id,
      number,
      kind: input.kind,
      channel: input.sessionId ? 'receptionSession' : input.channel,
      sessionId: input.sessionId,
      summary: input.summary,
      receivedOn,
      instance,
      remoteArea: input.remoteArea,
      complexity: input.complexity,
      decisionKnownOn: complaint ? input.decisionKnownOn : undefined,
      filing,
      status: 'received',
      recordedBy: actor.userId,
      handlerIds: [],
      hasIdentity: identity !== undefined,
      acceptance: {
        rule: acceptanceRule,
        deadline: deadlineFrom(receivedOn, acceptanceRule, calendar),
      },
      createdAt: at,
      updatedAt: at,
      version: 1,
      audit: auditHeadOf(event),
    };
    await cases.createCase({
      case: created,
      identity,
      counter: { ...counter, value: counter.value + 1 },
      event,
    });
    return created;
  }, INTAKE_ATTEMPTS);
}

/** Thụ lý or không thụ lý, by the head. Accepting starts the resolution limit from the decision day. */
export async function decideCaseAcceptance(
  deps: CaseDeps,
  actor: Actor,
  bodyId: string,
  caseId: string,
  input: TDecideCaseAcceptanceInput,
): Promise<CitizenCase> {
  const transition: CaseTransition = input.decision;
  return changeCase(
    deps,
    actor,
    bodyId,
    caseId,
    input.version,
    transition,
    async (loaded, today): Promise<CaseDecision> => {
      const current = loaded.stored.value;
      const decidedOn = input.decidedOn ?? today;
      assertNotFuture('decidedOn', decidedOn, today);
      assertNotBefore('decidedOn', decidedOn, current.receivedOn);
      if (input.decision === 'reject') {
        if (!input.reason) throw new DomainError('CASE.REASON_REQUIRED', { transition });
        return {
          next: {
            ...current,
            status: nextCaseStatus(current.status, 'reject'),
            acceptance: {
              ...current.acceptance,
              decidedOn,
              decidedBy: actor.userId,
              reason: input.reason,
            },
          },
          changes: { status: [current.status, 'rejected'], decidedOn: [null, decidedOn] },
        };
      }
      const complexity = input.complexity ?? current.complexity;
      const settings = (await loaded.cases.getDeadlineSettings(current.tenantId, current.unitId))
        ?.value;
      const rule = resolveDeadlineRule(
        DEADLINE_RULES,
        resolutionRuleId(current.kind, {
          instance: current.instance,
          complexity,
          remote: current.remoteArea,
        }),
        current.receivedOn,
        settings,
      );
      const calendar = await unitCalendarOf(deps.calendars, current.tenantId, current.unitId);
      const deadline = deadlineFrom(decidedOn, rule, calendar);
      return {
        next: {
          ...current,
          status: nextCaseStatus(current.status, 'accept'),
          complexity,
          acceptance: {
            ...current.acceptance,
            decidedOn,
            decidedBy: actor.userId,
            reason: input.reason,
          },
          resolution: { rule, deadline, originalDeadline: deadline, extensions: [] },
        },
        changes: {
          status: [current.status, 'accepted'],
          decidedOn: [null, decidedOn],
          complexity: [current.complexity, complexity],
          resolutionDeadline: [null, deadline],
        },
      };
    },
  );
}

/** The head assigns handlers (body members); they then see the case and find it in their list. */
export async function assignCase(
  deps: CaseDeps,
  actor: Actor,
  bodyId: string,
  caseId: string,
  input: TAssignCaseInput,
): Promise<CitizenCase> {
  const handlerIds = [...new Set(input.handlerIds)];
  return changeCase(deps, actor, bodyId, caseId, input.version, 'assign', async (loaded) => {
    const current = loaded.stored.value;
    nextCaseStatus(current.status, 'assign');
    const members = new Set(
      (await deps.bodies.listMembers(actor.tenantId, bodyId)).map((member) => member.userId),
    );
    if (handlerIds.some((userId) => !members.has(userId))) {
      throw new DomainError('CASE.HANDLER_NOT_MEMBER');
    }
    return {
      next: { ...current, handlerIds },
      changes: { handlerIds: [current.handlerIds, handlerIds] },
      indexUserIds: handlerIds,
    };
  });
}

/**
 * Gia hạn: denunciations only, once when complex and twice when especially complex, each time at
 * most 30 days past the deadline in force (Law 25/2018 Art. 30(1)); each extension is recorded.
 */
export async function extendCase(
  deps: CaseDeps,
  actor: Actor,
  bodyId: string,
  caseId: string,
  input: TExtendCaseInput,
): Promise<CitizenCase> {
  return changeCase(
    deps,
    actor,
    bodyId,
    caseId,
    input.version,
    'extend',
    async (_loaded, today, current) => {
      nextCaseStatus(current.status, 'extend');
      const resolution = resolutionOf(current, 'extend');
      const decidedOn = input.decidedOn ?? today;
      assertNotFuture('decidedOn', decidedOn, today);
      const complexity = input.complexity ?? current.complexity;
      const rule = extensionRuleFor(current.kind, current.receivedOn);
      if (!rule) {
        throw new DomainError('DEADLINE.RULE_NOT_FOUND', {
          rule: `${current.kind}.extension`,
          date: current.receivedOn,
        });
      }
      const max = rule.maxExtensions[complexity];
      if (resolution.extensions.length >= max) {
        throw new DomainError('CASE.EXTENSION_NOT_ALLOWED', { max, basis: rule.basis });
      }
      const calendar = await unitCalendarOf(deps.calendars, current.tenantId, current.unitId);
      const toDeadline = deadlineFrom(resolution.deadline, rule.perExtension, calendar);
      const extension = {
        number: resolution.extensions.length + 1,
        fromDeadline: resolution.deadline,
        toDeadline,
        reason: input.reason,
        decidedOn,
        decidedBy: actor.userId,
      };
      return {
        next: {
          ...current,
          complexity,
          resolution: {
            ...resolution,
            deadline: toDeadline,
            extensions: [...resolution.extensions, extension],
          },
        },
        changes: {
          resolutionDeadline: [resolution.deadline, toDeadline],
          extension: [null, extension.number],
          ...(complexity !== current.complexity
            ? { complexity: [current.complexity, complexity] }
            : {}),
        },
      };
    },
  );
}

/** The handler or the head records the resolution (the decision itself is signed on paper). */
export async function resolveCase(
  deps: CaseDeps,
  actor: Actor,
  bodyId: string,
  caseId: string,
  input: TResolveCaseInput,
): Promise<CitizenCase> {
  return changeCase(
    deps,
    actor,
    bodyId,
    caseId,
    input.version,
    'resolve',
    async (_loaded, today, current) => {
      const status = nextCaseStatus(current.status, 'resolve');
      const resolution = resolutionOf(current, 'resolve');
      const resolvedOn = input.resolvedOn ?? today;
      assertNotFuture('resolvedOn', resolvedOn, today);
      assertNotBefore('resolvedOn', resolvedOn, current.acceptance.decidedOn ?? current.receivedOn);
      return {
        next: {
          ...current,
          status,
          resolution: {
            ...resolution,
            resolvedOn,
            resolvedBy: actor.userId,
            outcome: input.outcome,
            text: input.text,
          },
        },
        changes: {
          status: [current.status, status],
          resolvedOn: [null, resolvedOn],
          outcome: [null, input.outcome],
        },
      };
    },
  );
}

/** One case, for its parties only; every such view is written to the case's audit trail. */
export async function viewCase(
  deps: CaseDeps,
  actor: Actor,
  bodyId: string,
  caseId: string,
): Promise<CaseView> {
  return retryOnWriteRace(async () => {
    const loaded = await loadCase(deps, actor, bodyId, caseId);
    const at = deps.clock.now().toISOString();
    const read = readEvent(loaded.stored.value, actor, at, 'case.viewed');
    await loaded.cases.commitCase({
      case: read.value,
      etag: loaded.stored.etag,
      event: read.event,
    });
    return { case: read.value, parties: [...loaded.parties] };
  });
}

/** The citizen's identity, for the head and the handlers (and the recorder, except denunciations). */
export async function viewCaseIdentity(
  deps: CaseDeps,
  actor: Actor,
  bodyId: string,
  caseId: string,
): Promise<CitizenIdentity | null> {
  return retryOnWriteRace(async () => {
    const loaded = await loadCase(deps, actor, bodyId, caseId);
    const current = loaded.stored.value;
    if (!mayReadIdentity(current, loaded.parties)) {
      throw new DomainError('PERMISSION.DENIED', { action: 'case.readIdentity' });
    }
    if (!current.hasIdentity) return null;
    const at = deps.clock.now().toISOString();
    const read = readEvent(current, actor, at, 'case.identityViewed');
    await loaded.cases.commitCase({
      case: read.value,
      etag: loaded.stored.etag,
      event: read.event,
    });
    return loaded.cases.getIdentity(current.tenantId, current.unitId, current.id);
  });
}

/** The case's audit trail, views included: for the head. */
export async function listCaseAudit(
  deps: CaseDeps,
  actor: Actor,
  bodyId: string,
  caseId: string,
): Promise<AuditEvent[]> {
  const loaded = await loadCase(deps, actor, bodyId, caseId);
  if (!loaded.parties.has('head')) {
    throw new DomainError('PERMISSION.DENIED', { action: 'case.audit' });
  }
  const current = loaded.stored.value;
  return loaded.cases.listCaseAudit(current.tenantId, current.unitId, current.id);
}

/**
 * The body's cases the caller may see: all of them for the head, otherwise those they handle or
 * recorded. A list never shows identity or content (the route maps it to an allow-list).
 */
export async function listBodyCases(
  deps: CaseDeps,
  actor: Actor,
  bodyId: string,
): Promise<CitizenCase[]> {
  const cases = required(deps.cases, 'cases');
  const { body, roles } = await resolveActorInBody(deps.bodies, actor, bodyId);
  assertCan(roles, 'body.read');
  const isHead = roles.bodyRoles.includes('head');
  const all = await cases.listBodyCases(actor.tenantId, body.unitId, bodyId);
  return all
    .filter((c) => isHead || c.recordedBy === actor.userId || c.handlerIds.includes(actor.userId))
    .sort(byNumber);
}

/** "Hồ sơ của tôi": cases the caller handles or recorded, across bodies. */
export async function listMyCases(deps: CaseDeps, actor: Actor): Promise<CitizenCase[]> {
  const cases = required(deps.cases, 'cases');
  return (await cases.listUserCases(actor.tenantId, actor.userId)).sort(byNumber);
}

/** Counts for the channel dashboard: any member of the body, no names, no content, no numbers. */
export async function bodyCaseStats(
  deps: CaseDeps,
  actor: Actor,
  bodyId: string,
): Promise<CaseStats> {
  const cases = required(deps.cases, 'cases');
  const { body, roles } = await resolveActorInBody(deps.bodies, actor, bodyId);
  assertCan(roles, 'body.read');
  const all = await cases.listBodyCases(actor.tenantId, body.unitId, bodyId);
  return caseStats(all, deps.clock.now());
}

/** An accepted case always has its resolution limit; anything else cannot be extended or resolved. */
function resolutionOf(c: CitizenCase, transition: CaseTransition) {
  if (!c.resolution) {
    throw new DomainError('CASE.TRANSITION_NOT_ALLOWED', { transition, status: c.status });
  }
  return c.resolution;
}

function byNumber(a: CitizenCase, b: CitizenCase): number {
  return a.receivedOn.localeCompare(b.receivedOn) || a.number.localeCompare(b.number);
}

const CASE_ACTIONS: Record<CaseTransition, string> = {
  accept: 'case.accepted',
  reject: 'case.rejected',
  assign: 'case.assigned',
  extend: 'case.extended',
  resolve: 'case.resolved',
};

interface CaseDecision {
  next: CitizenCase;
  changes: AuditEvent['changes'];
  indexUserIds?: readonly string[];
}

/**
 * Load, check party and version (a retried request answers the stored result), decide, and write the
 * change with its audit event, rerun when the row moved meanwhile.
 */
async function changeCase(
  deps: CaseDeps,
  actor: Actor,
  bodyId: string,
  caseId: string,
  version: number,
  transition: CaseTransition,
  decide: (loaded: LoadedCase, today: string, current: CitizenCase) => Promise<CaseDecision>,
): Promise<CitizenCase> {
  const action = CASE_ACTIONS[transition];
  return retryOnWriteRace(async () => {
    const loaded = await loadCase(deps, actor, bodyId, caseId);
    const current = loaded.stored.value;
    if (await isCaseReplay(loaded.cases, current, actor, version, action)) return current;
    const allowed: readonly string[] = CASE_TRANSITIONS[transition].by;
    if (![...loaded.parties].some((party) => allowed.includes(party))) {
      throw new DomainError('PERMISSION.DENIED', { action: `case.${transition}` });
    }
    assertRecordVersion(current, version);
    const now = deps.clock.now();
    const decision = await decide(loaded, vietnamToday(now), current);
    const change = nextAudited(
      'case',
      current,
      decision.next,
      actor,
      now.toISOString(),
      action,
      decision.changes,
    );
    await commit(loaded.cases, change, loaded.stored.etag, decision.indexUserIds);
    return change.value;
  });
}

function commit(
  cases: CaseRepository,
  change: { value: CitizenCase; event: AuditEvent },
  etag: string,
  indexUserIds: readonly string[] | undefined,
): Promise<void> {
  return cases.commitCase({ case: change.value, etag, event: change.event, indexUserIds });
}
