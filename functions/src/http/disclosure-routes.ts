import {
  createDisclosure,
  disclosureFlags,
  disclosureReminderInstants,
  endDisclosure,
  listDisclosures,
  postDisclosure,
  ZCreateDisclosureInput,
  ZEndDisclosureInput,
  ZPostDisclosureInput,
  type Disclosure,
} from '@qcdc/core';
import { z } from 'zod';
import type { HttpRoute } from '../app';
import type { Services } from '../services';
import { authenticated, type ApiRequest } from './api-handler';
import { withFreshRecord } from './case-routes';
import { readJson } from './read-json';
import { ZBodyParams } from './route-params';

const ZDisclosureParams = ZBodyParams.extend({
  disclosureId: z.string().regex(/^[0-9A-Za-z-]{1,64}$/, 'not a valid id'),
});

export function disclosureDto(d: Disclosure, now: Date) {
  return {
    id: d.id,
    bodyId: d.bodyId,
    title: d.title,
    description: d.description,
    basis: d.basis,
    channels: d.channels,
    days: d.days,
    startOn: d.startOn,
    endOn: d.endOn,
    status: d.status,
    ...disclosureFlags(d, now),
    reminders: disclosureReminderInstants(d).map((r) => ({ kind: r.kind, date: r.date, at: r.at })),
    postedAt: d.postedAt,
    postedBy: d.postedBy,
    endedOn: d.endedOn,
    endedAt: d.endedAt,
    endedBy: d.endedBy,
    createdBy: d.createdBy,
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
    version: d.version,
  };
}

/** The public disclosure register: plan, post, end, list. */
export function disclosureRoutes(services: Services): HttpRoute[] {
  const deps = services.deps;
  const now = () => deps.clock.now();
  const change = (
    run: (call: ApiRequest, p: z.infer<typeof ZDisclosureParams>) => Promise<Disclosure>,
  ): HttpRoute['handler'] =>
    authenticated(services, async (call) => {
      const p = ZDisclosureParams.parse(call.params);
      const map = (d: Disclosure) => disclosureDto(d, now());
      return withFreshRecord(call, map, async () => ({
        jsonBody: { disclosure: map(await run(call, p)) },
      }));
    });
  return [
    {
      name: 'listDisclosures',
      methods: ['GET'],
      route: 'bodies/{bodyId}/disclosures',
      handler: authenticated(services, async ({ actor, params }) => {
        const { bodyId } = ZBodyParams.parse(params);
        const disclosures = await listDisclosures(deps, actor, bodyId);
        return { jsonBody: { disclosures: disclosures.map((d) => disclosureDto(d, now())) } };
      }),
    },
    {
      name: 'createDisclosure',
      methods: ['POST'],
      route: 'bodies/{bodyId}/disclosures',
      handler: authenticated(services, async ({ actor, params, request }) => {
        const { bodyId } = ZBodyParams.parse(params);
        const input = ZCreateDisclosureInput.parse(await readJson(request));
        const created = await createDisclosure(deps, actor, bodyId, input);
        return { status: 201, jsonBody: { disclosure: disclosureDto(created, now()) } };
      }),
    },
    {
      name: 'postDisclosure',
      methods: ['POST'],
      route: 'bodies/{bodyId}/disclosures/{disclosureId}/post',
      handler: change(async ({ actor, request }, p) =>
        postDisclosure(
          deps,
          actor,
          p.bodyId,
          p.disclosureId,
          ZPostDisclosureInput.parse(await readJson(request)),
        ),
      ),
    },
    {
      name: 'endDisclosure',
      methods: ['POST'],
      route: 'bodies/{bodyId}/disclosures/{disclosureId}/end',
      handler: change(async ({ actor, request }, p) =>
        endDisclosure(
          deps,
          actor,
          p.bodyId,
          p.disclosureId,
          ZEndDisclosureInput.parse(await readJson(request)),
        ),
      ),
    },
  ];
}
