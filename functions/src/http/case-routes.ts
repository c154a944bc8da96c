import type { HttpResponseInit } from '@azure/functions';
import {
  assignCase,
  bodyCaseStats,
  caseLateness,
  currentCaseDeadline,
  decideCaseAcceptance,
  extendCase,
  getDeadlineRules,
  intakeCase,
  isDomainError,
  listBodyCases,
  listCaseAudit,
  listMyCases,
  listReceptionSessions,
  resolveCase,
  scheduleReceptionSession,
  setDeadlineOverride,
  transitionReceptionSession,
  verifyAuditChain,
  viewCase,
  viewCaseIdentity,
  ZAssignCaseInput,
  ZDecideCaseAcceptanceInput,
  ZExtendCaseInput,
  ZIntakeCaseInput,
  ZReceptionRangeQuery,
  ZReceptionTransitionInput,
  ZResolveCaseInput,
  ZScheduleReceptionInput,
  ZSetDeadlineOverrideInput,
  type CitizenCase,
  type CitizenIdentity,
  type ReceptionSession,
} from '@qcdc/core';
import { z } from 'zod';
import type { HttpRoute } from '../app';
import type { Services } from '../services';
import { authenticated, type ApiRequest } from './api-handler';
import { auditEventDto } from './dto';
import { errorResponse, type ErrorBody } from './error-response';
import { readJson } from './read-json';
import { ZBodyParams } from './route-params';

const ZId = z.string().regex(/^[0-9A-Za-z-]{1,64}$/, 'not a valid id');
const ZCaseParams = ZBodyParams.extend({ caseId: ZId });
const ZSessionParams = ZBodyParams.extend({ sessionId: ZId });

/**
 * A lost race answers 409 with the fresh record, mapped by the record's own allow-list (the shared
 * error mapper only knows meetings and assignments).
 */
export async function withFreshRecord<T>(
  call: ApiRequest,
  map: (record: T) => unknown,
  work: () => Promise<HttpResponseInit>,
): Promise<HttpResponseInit> {
  try {
    return await work();
  } catch (error) {
    const record = isDomainError(error)
      ? (error.details as { currentRecord?: T } | undefined)?.currentRecord
      : undefined;
    if (!isDomainError(error) || error.code !== 'CONCURRENCY.CONFLICT' || !record) throw error;
    const response = errorResponse(error, call.locale);
    (response.jsonBody as ErrorBody).error.current = map(record);
    return response;
  }
}

/**
 * A case row for lists, stats and reminders: number, kind, status and deadlines. Never the citizen's
 * name, never the content.
 */
export function caseListItemDto(c: CitizenCase, now: Date, userId: string) {
  const current = currentCaseDeadline(c);
  const mine: string[] = [];
  if (c.recordedBy === userId) mine.push('recorder');
  if (c.handlerIds.includes(userId)) mine.push('handler');
  return {
    id: c.id,
    bodyId: c.bodyId,
    number: c.number,
    kind: c.kind,
    channel: c.channel,
    status: c.status,
    instance: c.instance,
    complexity: c.complexity,
    receivedOn: c.receivedOn,
    stage: current?.stage ?? null,
    deadline: current?.deadline ?? null,
    acceptanceDeadline: c.acceptance.deadline,
    resolutionDeadline: c.resolution?.deadline ?? null,
    extensions: c.resolution?.extensions.length ?? 0,
    ...caseLateness(c, now),
    mine,
    version: c.version,
  };
}

/**
 * One case for its parties. `content` (the summary and the resolution text) only in the audited
 * GET of the case; change answers leave it out. The identity is never here (its own route).
 */
export function caseDto(
  c: CitizenCase,
  now: Date,
  options: { content: boolean; parties?: string[] },
) {
  const rule = (r: CitizenCase['acceptance']['rule']) => ({
    id: r.id,
    amount: r.amount,
    unit: r.unit,
    basis: r.basis,
    source: r.source,
  });
  return {
    id: c.id,
    bodyId: c.bodyId,
    number: c.number,
    kind: c.kind,
    channel: c.channel,
    sessionId: c.sessionId,
    summary: options.content ? c.summary : undefined,
    receivedOn: c.receivedOn,
    instance: c.instance,
    remoteArea: c.remoteArea,
    complexity: c.complexity,
    decisionKnownOn: c.decisionKnownOn,
    filing: c.filing && {
      deadline: c.filing.deadline,
      late: c.filing.late,
      rule: rule(c.filing.rule),
    },
    status: c.status,
    recordedBy: c.recordedBy,
    handlerIds: c.handlerIds,
    hasIdentity: c.hasIdentity,
    acceptance: {
      deadline: c.acceptance.deadline,
      rule: rule(c.acceptance.rule),
      decidedOn: c.acceptance.decidedOn,
      decidedBy: c.acceptance.decidedBy,
      reason: c.acceptance.reason,
    },
    resolution: c.resolution && {
      deadline: c.resolution.deadline,
      originalDeadline: c.resolution.originalDeadline,
      rule: rule(c.resolution.rule),
      extensions: c.resolution.extensions.map((e) => ({
        number: e.number,
        fromDeadline: e.fromDeadline,
        toDeadline: e.toDeadline,
        reason: e.reason,
        decidedOn: e.decidedOn,
        decidedBy: e.decidedBy,
      })),
      resolvedOn: c.resolution.resolvedOn,
      resolvedBy: c.resolution.resolvedBy,
      outcome: c.resolution.outcome,
      text: options.content ? c.resolution.text : undefined,
    },
    ...caseLateness(c, now),
    parties: options.parties,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    version: c.version,
  };
}

function identityDto(identity: CitizenIdentity | null) {
  return (
    identity && {
      fullName: identity.fullName,
      address: identity.address,
      phone: identity.phone,
      idNumber: identity.idNumber,
    }
  );
}

function sessionDto(s: ReceptionSession) {
  return {
    id: s.id,
    bodyId: s.bodyId,
    kind: s.kind,
    hostId: s.hostId,
    date: s.date,
    location: s.location,
    status: s.status,
    note: s.note,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
    version: s.version,
  };
}

/**
 * Petitions, complaints and denunciations (intake to resolution, audited views, counts for the
 * dashboard), citizen reception sessions, and the unit's deadline settings.
 */
export function caseRoutes(services: Services): HttpRoute[] {
  const deps = services.deps;
  const now = () => deps.clock.now();
  const change = (
    run: (call: ApiRequest, p: z.infer<typeof ZCaseParams>) => Promise<CitizenCase>,
  ): HttpRoute['handler'] =>
    authenticated(services, async (call) => {
      const p = ZCaseParams.parse(call.params);
      const map = (c: CitizenCase) => caseDto(c, now(), { content: false });
      return withFreshRecord(call, map, async () => ({
        jsonBody: { case: map(await run(call, p)) },
      }));
    });
  const base = 'bodies/{bodyId}/cases/{caseId}';
  return [
    {
      name: 'myCases',
      methods: ['GET'],
      route: 'me/cases',
      handler: authenticated(services, async ({ actor }) => {
        const cases = await listMyCases(deps, actor);
        return { jsonBody: { cases: cases.map((c) => caseListItemDto(c, now(), actor.userId)) } };
      }),
    },
    {
      name: 'listCases',
      methods: ['GET'],
      route: 'bodies/{bodyId}/cases',
      handler: authenticated(services, async ({ actor, params }) => {
        const { bodyId } = ZBodyParams.parse(params);
        const cases = await listBodyCases(deps, actor, bodyId);
        return { jsonBody: { cases: cases.map((c) => caseListItemDto(c, now(), actor.userId)) } };
      }),
    },
    {
      name: 'intakeCase',
      methods: ['POST'],
      route: 'bodies/{bodyId}/cases',
      handler: authenticated(services, async ({ actor, params, request }) => {
        const { bodyId } = ZBodyParams.parse(params);
        const input = ZIntakeCaseInput.parse(await readJson(request));
        const created = await intakeCase(deps, actor, bodyId, input);
        return { status: 201, jsonBody: { case: caseDto(created, now(), { content: false }) } };
      }),
    },
    {
      name: 'caseStats',
      methods: ['GET'],
      route: 'bodies/{bodyId}/case-stats',
      handler: authenticated(services, async ({ actor, params }) => {
        const { bodyId } = ZBodyParams.parse(params);
        return { jsonBody: { stats: await bodyCaseStats(deps, actor, bodyId) } };
      }),
    },
    {
      name: 'getCase',
      methods: ['GET'],
      route: base,
      handler: authenticated(services, async ({ actor, params }) => {
        const p = ZCaseParams.parse(params);
        const view = await viewCase(deps, actor, p.bodyId, p.caseId);
        return {
          jsonBody: { case: caseDto(view.case, now(), { content: true, parties: view.parties }) },
        };
      }),
    },
    {
      name: 'getCaseIdentity',
      methods: ['GET'],
      route: `${base}/identity`,
      handler: authenticated(services, async ({ actor, params }) => {
        const p = ZCaseParams.parse(params);
        const identity = await viewCaseIdentity(deps, actor, p.bodyId, p.caseId);
        return { jsonBody: { identity: identityDto(identity) } };
      }),
    },
    {
      name: 'caseAudit',
      methods: ['GET'],
      route: `${base}/audit`,
      handler: authenticated(services, async ({ actor, params }) => {
        const p = ZCaseParams.parse(params);
        const events = await listCaseAudit(deps, actor, p.bodyId, p.caseId);
        return {
          jsonBody: { events: events.map(auditEventDto), verified: verifyAuditChain(events).ok },
        };
      }),
    },
    {
      name: 'decideCaseAcceptance',
      methods: ['POST'],
      route: `${base}/acceptance`,
      handler: change(async ({ actor, request }, p) =>
        decideCaseAcceptance(
          deps,
          actor,
          p.bodyId,
          p.caseId,
          ZDecideCaseAcceptanceInput.parse(await readJson(request)),
        ),
      ),
    },
    {
      name: 'assignCase',
      methods: ['POST'],
      route: `${base}/assignment`,
      handler: change(async ({ actor, request }, p) =>
        assignCase(
          deps,
          actor,
          p.bodyId,
          p.caseId,
          ZAssignCaseInput.parse(await readJson(request)),
        ),
      ),
    },
    {
      name: 'extendCase',
      methods: ['POST'],
      route: `${base}/extensions`,
      handler: change(async ({ actor, request }, p) =>
        extendCase(
          deps,
          actor,
          p.bodyId,
          p.caseId,
          ZExtendCaseInput.parse(await readJson(request)),
        ),
      ),
    },
    {
      name: 'resolveCase',
      methods: ['POST'],
      route: `${base}/resolution`,
      handler: change(async ({ actor, request }, p) =>
        resolveCase(
          deps,
          actor,
          p.bodyId,
          p.caseId,
          ZResolveCaseInput.parse(await readJson(request)),
        ),
      ),
    },
    {
      name: 'listReceptionSessions',
      methods: ['GET'],
      route: 'bodies/{bodyId}/reception-sessions',
      handler: authenticated(services, async ({ actor, params, request }) => {
        const { bodyId } = ZBodyParams.parse(params);
        const range = ZReceptionRangeQuery.parse({
          from: request.query.get('from') ?? undefined,
          to: request.query.get('to') ?? undefined,
        });
        const { sessions, cadence } = await listReceptionSessions(deps, actor, bodyId, range);
        return { jsonBody: { sessions: sessions.map(sessionDto), cadence } };
      }),
    },
    {
      name: 'scheduleReceptionSession',
      methods: ['POST'],
      route: 'bodies/{bodyId}/reception-sessions',
      handler: authenticated(services, async ({ actor, params, request }) => {
        const { bodyId } = ZBodyParams.parse(params);
        const input = ZScheduleReceptionInput.parse(await readJson(request));
        const session = await scheduleReceptionSession(deps, actor, bodyId, input);
        return { status: 201, jsonBody: { session: sessionDto(session) } };
      }),
    },
    {
      name: 'transitionReceptionSession',
      methods: ['POST'],
      route: 'bodies/{bodyId}/reception-sessions/{sessionId}/transitions',
      handler: authenticated(services, async (call) => {
        const p = ZSessionParams.parse(call.params);
        return withFreshRecord(call, sessionDto, async () => {
          const input = ZReceptionTransitionInput.parse(await readJson(call.request));
          const session = await transitionReceptionSession(
            deps,
            call.actor,
            p.bodyId,
            p.sessionId,
            input,
          );
          return { jsonBody: { session: sessionDto(session) } };
        });
      }),
    },
    {
      name: 'deadlineRules',
      methods: ['GET'],
      route: 'bodies/{bodyId}/deadline-rules',
      handler: authenticated(services, async ({ actor, params }) => {
        const { bodyId } = ZBodyParams.parse(params);
        return { jsonBody: await getDeadlineRules(deps, actor, bodyId) };
      }),
    },
    {
      name: 'setDeadlineOverride',
      methods: ['POST'],
      route: 'bodies/{bodyId}/deadline-settings',
      handler: authenticated(services, async ({ actor, params, request }) => {
        const { bodyId } = ZBodyParams.parse(params);
        const input = ZSetDeadlineOverrideInput.parse(await readJson(request));
        const settings = await setDeadlineOverride(deps, actor, bodyId, input);
        return { jsonBody: { overrides: settings.overrides, version: settings.version } };
      }),
    },
  ];
}
