import {
  assignmentStats,
  createAssignment,
  decideExtension,
  getAssignment,
  listBodyAssignmentHeadlines,
  listBodyAssignments,
  listMyAssignments,
  reportProgress,
  requestExtension,
  transitionAssignment,
  ZAssignmentTransitionInput,
  ZCreateAssignmentInput,
  ZDecideExtensionInput,
  ZProgressInput,
  ZRequestExtensionInput,
} from '@qcdc/core';
import { z } from 'zod';
import type { HttpRoute } from '../app';
import type { Services } from '../services';
import { authenticated, type ApiHandler } from './api-handler';
import { assignmentDto, assignmentSummaryDto } from './assignment-dto';
import { readJson } from './read-json';
import { ZBodyParams } from './route-params';

/** `?view=summary`: the dashboard table's rows (assignment-dto.ts); anything else is refused. */
const ZListQuery = z.object({ view: z.enum(['full', 'summary']).default('full') });

const ZAssignmentParams = ZBodyParams.extend({
  assignmentId: z.string().regex(/^[0-9A-Za-z-]{1,64}$/, 'not a valid id'),
});

/** Assignments: created from conclusions or directly, worked on, judged, extended. */
export function assignmentRoutes(services: Services): HttpRoute[] {
  const now = () => services.deps.clock.now();
  const one = (
    run: (
      call: Parameters<ApiHandler>[0],
      params: z.infer<typeof ZAssignmentParams>,
    ) => Promise<Parameters<typeof assignmentDto>[0]>,
  ): HttpRoute['handler'] =>
    authenticated(services, async (call) => {
      const params = ZAssignmentParams.parse(call.params);
      const assignment = await run(call, params);
      return { jsonBody: { assignment: assignmentDto(assignment, now()) } };
    });
  const base = 'bodies/{bodyId}/assignments/{assignmentId}';
  return [
    {
      name: 'myAssignments',
      methods: ['GET'],
      route: 'me/assignments',
      handler: authenticated(services, async ({ actor }) => {
        const assignments = await listMyAssignments(services.deps, actor);
        return { jsonBody: { assignments: assignments.map((a) => assignmentDto(a, now())) } };
      }),
    },
    {
      name: 'listAssignments',
      methods: ['GET'],
      route: 'bodies/{bodyId}/assignments',
      handler: authenticated(services, async ({ actor, params, request }) => {
        const { bodyId } = ZBodyParams.parse(params);
        const { view } = ZListQuery.parse({ view: request.query.get('view') ?? undefined });
        // One partition query either way (the body's partition). The summary's query selects only
        // the table's columns: reading and parsing every description and progress log of a
        // thousand assignments was most of that answer's time.
        const at = now();
        if (view === 'summary') {
          const headlines = await listBodyAssignmentHeadlines(services.deps, actor, bodyId);
          return {
            jsonBody: {
              assignments: headlines.map(assignmentSummaryDto),
              stats: assignmentStats(headlines, at),
            },
          };
        }
        const assignments = await listBodyAssignments(services.deps, actor, bodyId);
        return {
          jsonBody: {
            assignments: assignments.map((a) => assignmentDto(a, at)),
            stats: assignmentStats(assignments, at),
          },
        };
      }),
    },
    {
      name: 'createAssignment',
      methods: ['POST'],
      route: 'bodies/{bodyId}/assignments',
      handler: authenticated(services, async ({ actor, params, request }) => {
        const { bodyId } = ZBodyParams.parse(params);
        const input = ZCreateAssignmentInput.parse(await readJson(request));
        const assignment = await createAssignment(services.deps, actor, bodyId, input);
        return { status: 201, jsonBody: { assignment: assignmentDto(assignment, now()) } };
      }),
    },
    {
      name: 'getAssignment',
      methods: ['GET'],
      route: base,
      handler: one(({ actor }, p) => getAssignment(services.deps, actor, p.bodyId, p.assignmentId)),
    },
    {
      name: 'transitionAssignment',
      methods: ['POST'],
      route: `${base}/transitions`,
      handler: one(async ({ actor, request }, p) =>
        transitionAssignment(
          services.deps,
          actor,
          p.bodyId,
          p.assignmentId,
          ZAssignmentTransitionInput.parse(await readJson(request)),
        ),
      ),
    },
    {
      name: 'assignmentProgress',
      methods: ['POST'],
      route: `${base}/progress`,
      handler: one(async ({ actor, request }, p) =>
        reportProgress(
          services.deps,
          actor,
          p.bodyId,
          p.assignmentId,
          ZProgressInput.parse(await readJson(request)),
        ),
      ),
    },
    {
      name: 'requestExtension',
      methods: ['POST'],
      route: `${base}/extension-request`,
      handler: one(async ({ actor, request }, p) =>
        requestExtension(
          services.deps,
          actor,
          p.bodyId,
          p.assignmentId,
          ZRequestExtensionInput.parse(await readJson(request)),
        ),
      ),
    },
    {
      name: 'decideExtension',
      methods: ['POST'],
      route: `${base}/extension-decision`,
      handler: one(async ({ actor, request }, p) =>
        decideExtension(
          services.deps,
          actor,
          p.bodyId,
          p.assignmentId,
          ZDecideExtensionInput.parse(await readJson(request)),
        ),
      ),
    },
  ];
}
