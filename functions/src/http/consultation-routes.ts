import {
  addRecommendation,
  approveRecommendationResponse,
  assignRecommendation,
  citizenDashboard,
  closeConsultation,
  createConsultation,
  draftRecommendationResponse,
  getConsultation,
  listConsultations,
  listMyRecommendations,
  recommendationLateness,
  recommendationStats,
  sendConsultation,
  ZAddRecommendationInput,
  ZApproveResponseInput,
  ZAssignRecommendationInput,
  ZCloseConsultationInput,
  ZCreateConsultationInput,
  ZDraftResponseInput,
  ZSendConsultationInput,
  type Consultation,
  type ConsultationSide,
  type Recommendation,
} from '@qcdc/core';
import { z } from 'zod';
import type { HttpRoute } from '../app';
import type { Services } from '../services';
import { authenticated, type ApiRequest } from './api-handler';
import { withFreshRecord } from './case-routes';
import { readJson } from './read-json';
import { ZBodyParams } from './route-params';

const ZId = z.string().regex(/^[0-9A-Za-z-]{1,64}$/, 'not a valid id');
const ZConsultationParams = ZBodyParams.extend({ consultationId: ZId });
const ZRecommendationParams = ZConsultationParams.extend({ recommendationId: ZId });

export function consultationDto(c: Consultation, recs: readonly Recommendation[], now: Date) {
  return {
    id: c.id,
    bodyId: c.bodyId,
    kind: c.kind,
    title: c.title,
    documentTitle: c.documentTitle,
    description: c.description,
    frontName: c.frontName,
    frontBodyId: c.frontBodyId,
    referenceOn: c.referenceOn,
    status: c.status,
    sentOn: c.sentOn,
    sendCheck: c.sendCheck && {
      ruleId: c.sendCheck.ruleId,
      basis: c.sendCheck.basis,
      latestOn: c.sendCheck.latestOn,
      late: c.sendCheck.late,
    },
    closedAt: c.closedAt,
    recommendationCount: c.recommendationCount,
    stats: recommendationStats(recs, now),
    createdBy: c.createdBy,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    version: c.version,
  };
}

/**
 * A recommendation with what the Front side follows: status, deadline, late flag, and the answer once
 * approved. A draft answer (and why the head returned one) stays inside the agency.
 */
export function recommendationDto(r: Recommendation, now: Date, side: ConsultationSide) {
  const internal = side === 'agency';
  const response = r.response && (internal || r.status === 'responded') ? r.response : undefined;
  return {
    id: r.id,
    consultationId: r.consultationId,
    bodyId: r.bodyId,
    number: r.number,
    text: r.text,
    receivedOn: r.receivedOn,
    deadline: r.deadline,
    rule: {
      id: r.rule.id,
      amount: r.rule.amount,
      unit: r.rule.unit,
      basis: r.rule.basis,
      source: r.rule.source,
    },
    ownerId: r.ownerId,
    status: r.status,
    ...recommendationLateness(r, now),
    response: response && {
      kind: response.kind,
      text: response.text,
      draftedBy: response.draftedBy,
      draftedAt: response.draftedAt,
      approvedBy: response.approvedBy,
      approvedAt: response.approvedAt,
    },
    returnReason: internal ? r.returnReason : undefined,
    respondedAt: r.respondedAt,
    respondedOn: r.respondedOn,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    version: r.version,
  };
}

/** Front supervision and social critique: the consultation, its recommendations and their answers. */
export function consultationRoutes(services: Services): HttpRoute[] {
  const deps = services.deps;
  const now = () => deps.clock.now();
  const consultationChange = (
    run: (call: ApiRequest, p: z.infer<typeof ZConsultationParams>) => Promise<Consultation>,
  ): HttpRoute['handler'] =>
    authenticated(services, async (call) => {
      const p = ZConsultationParams.parse(call.params);
      const map = (c: Consultation) => consultationDto(c, [], now());
      return withFreshRecord(call, map, async () => {
        const changed = await run(call, p);
        const view = await getConsultation(deps, call.actor, p.bodyId, p.consultationId);
        return {
          jsonBody: { consultation: consultationDto(changed, view.recommendations, now()) },
        };
      });
    });
  const recommendationChange = (
    run: (call: ApiRequest, p: z.infer<typeof ZRecommendationParams>) => Promise<Recommendation>,
  ): HttpRoute['handler'] =>
    authenticated(services, async (call) => {
      const p = ZRecommendationParams.parse(call.params);
      const map = (r: Recommendation) => recommendationDto(r, now(), 'agency');
      return withFreshRecord(call, map, async () => ({
        jsonBody: { recommendation: map(await run(call, p)) },
      }));
    });
  const base = 'bodies/{bodyId}/consultations/{consultationId}';
  const rec = `${base}/recommendations/{recommendationId}`;
  return [
    {
      name: 'myRecommendations',
      methods: ['GET'],
      route: 'me/recommendations',
      handler: authenticated(services, async ({ actor }) => {
        const recs = await listMyRecommendations(deps, actor);
        return {
          jsonBody: { recommendations: recs.map((r) => recommendationDto(r, now(), 'agency')) },
        };
      }),
    },
    {
      // The channel dashboard's Front, case and disclosure counts (counts only, any member).
      name: 'citizenDashboard',
      methods: ['GET'],
      route: 'bodies/{bodyId}/citizen-dashboard',
      handler: authenticated(services, async ({ actor, params }) => {
        const { bodyId } = ZBodyParams.parse(params);
        return { jsonBody: { dashboard: await citizenDashboard(deps, actor, bodyId) } };
      }),
    },
    {
      name: 'listConsultations',
      methods: ['GET'],
      route: 'bodies/{bodyId}/consultations',
      handler: authenticated(services, async ({ actor, params }) => {
        const { bodyId } = ZBodyParams.parse(params);
        const { consultations, recommendations, side } = await listConsultations(
          deps,
          actor,
          bodyId,
        );
        return {
          jsonBody: {
            side,
            consultations: consultations.map((c) =>
              consultationDto(
                c,
                recommendations.filter((r) => r.consultationId === c.id),
                now(),
              ),
            ),
          },
        };
      }),
    },
    {
      name: 'createConsultation',
      methods: ['POST'],
      route: 'bodies/{bodyId}/consultations',
      handler: authenticated(services, async ({ actor, params, request }) => {
        const { bodyId } = ZBodyParams.parse(params);
        const input = ZCreateConsultationInput.parse(await readJson(request));
        const created = await createConsultation(deps, actor, bodyId, input);
        return { status: 201, jsonBody: { consultation: consultationDto(created, [], now()) } };
      }),
    },
    {
      name: 'getConsultation',
      methods: ['GET'],
      route: base,
      handler: authenticated(services, async ({ actor, params }) => {
        const p = ZConsultationParams.parse(params);
        const view = await getConsultation(deps, actor, p.bodyId, p.consultationId);
        return {
          jsonBody: {
            side: view.side,
            consultation: consultationDto(view.consultation, view.recommendations, now()),
            recommendations: view.recommendations.map((r) =>
              recommendationDto(r, now(), view.side),
            ),
          },
        };
      }),
    },
    {
      name: 'sendConsultation',
      methods: ['POST'],
      route: `${base}/send`,
      handler: consultationChange(async ({ actor, request }, p) =>
        sendConsultation(
          deps,
          actor,
          p.bodyId,
          p.consultationId,
          ZSendConsultationInput.parse(await readJson(request)),
        ),
      ),
    },
    {
      name: 'closeConsultation',
      methods: ['POST'],
      route: `${base}/close`,
      handler: consultationChange(async ({ actor, request }, p) =>
        closeConsultation(
          deps,
          actor,
          p.bodyId,
          p.consultationId,
          ZCloseConsultationInput.parse(await readJson(request)),
        ),
      ),
    },
    {
      name: 'addRecommendation',
      methods: ['POST'],
      route: `${base}/recommendations`,
      handler: authenticated(services, async ({ actor, params, request }) => {
        const p = ZConsultationParams.parse(params);
        const input = ZAddRecommendationInput.parse(await readJson(request));
        const created = await addRecommendation(deps, actor, p.bodyId, p.consultationId, input);
        return {
          status: 201,
          jsonBody: { recommendation: recommendationDto(created, now(), 'agency') },
        };
      }),
    },
    {
      name: 'assignRecommendation',
      methods: ['POST'],
      route: `${rec}/assign`,
      handler: recommendationChange(async ({ actor, request }, p) =>
        assignRecommendation(
          deps,
          actor,
          p.bodyId,
          p.consultationId,
          p.recommendationId,
          ZAssignRecommendationInput.parse(await readJson(request)),
        ),
      ),
    },
    {
      name: 'draftRecommendationResponse',
      methods: ['POST'],
      route: `${rec}/response`,
      handler: recommendationChange(async ({ actor, request }, p) =>
        draftRecommendationResponse(
          deps,
          actor,
          p.bodyId,
          p.consultationId,
          p.recommendationId,
          ZDraftResponseInput.parse(await readJson(request)),
        ),
      ),
    },
    {
      name: 'approveRecommendationResponse',
      methods: ['POST'],
      route: `${rec}/response/approval`,
      handler: recommendationChange(async ({ actor, request }, p) =>
        approveRecommendationResponse(
          deps,
          actor,
          p.bodyId,
          p.consultationId,
          p.recommendationId,
          ZApproveResponseInput.parse(await readJson(request)),
        ),
      ),
    },
  ];
}
