import type { HttpResponseInit } from '@azure/functions';
import {
  cancelMotion,
  castBallot,
  closeMotion,
  confirmRoomTally,
  createElection,
  createMotion,
  enterRoomTally,
  getMotion,
  listMotionAudit,
  listMotions,
  openMotion,
  secureRandom,
  verifyMotion,
  ZCancelMotionInput,
  ZCastBallotInput,
  ZConfirmRoomTallyInput,
  ZCreateElectionInput,
  ZCreateMotionInput,
  ZRoomTallyInput,
  type Motion,
  type MyBallot,
  type VoteAuditEvent,
  type VoteDeps,
  type VoteKind,
  type VoteRepository,
} from '@qcdc/core';
import { z } from 'zod';
import type { HttpRoute } from '../app';
import type { Services } from '../services';
import { voteRepositoryFor } from '../store/vote-repository-for';
import { publishQuietly, voteCardPublisherFor } from '../notify/vote-card-publisher';
import { authenticated, type ApiHandler } from './api-handler';
import { readJson } from './read-json';
import { ZMeetingParams } from './route-params';

const ZMotionParams = ZMeetingParams.extend({
  motionId: z.string().regex(/^[0-9A-Za-z-]{1,64}$/, 'not a valid id'),
});

// Moved to the store layer so the bot and the chat card share it without importing a route file;
// re-exported for the callers that import it from here.
export { voteRepositoryFor };

/** The store as seen through /motions or /elections: the other kind is simply not found. */
function ofKind(repository: VoteRepository, kind: VoteKind): VoteRepository {
  const only = <T extends { kind: VoteKind }>(motion: T | null | undefined) =>
    motion && motion.kind === kind ? motion : null;
  const overrides: Partial<VoteRepository> = {
    getMotion: async (...args) => {
      const stored = await repository.getMotion(...args);
      return stored && only(stored.motion) ? stored : null;
    },
    peekMotion: async (...args) => only(await repository.peekMotion(...args)),
    listMotions: async (...args) =>
      (await repository.listMotions(...args)).filter((motion) => motion.kind === kind),
  };
  const bound = new Map<PropertyKey, unknown>();
  return new Proxy(repository, {
    get(target, property) {
      if (property in overrides) return overrides[property as keyof VoteRepository];
      let value = bound.get(property);
      if (value === undefined) {
        const member: unknown = Reflect.get(target, property, target);
        value = typeof member === 'function' ? member.bind(target) : member;
        bound.set(property, value);
      }
      return value;
    },
  });
}

/** Allow-list mapper: what a client sees of a motion or election (never the electorate's key). */
export function motionDto(motion: Motion) {
  return {
    id: motion.id,
    bodyId: motion.bodyId,
    meetingId: motion.meetingId,
    kind: motion.kind,
    purpose: motion.purpose,
    question: motion.question,
    description: motion.description,
    choices: motion.choices.map((choice) => ({
      id: choice.id,
      label: choice.label,
      role: choice.role,
      userId: choice.userId,
    })),
    seats: motion.seats,
    maxMarks: motion.maxMarks,
    method: motion.method,
    mode: motion.mode,
    eligibility: motion.eligibility,
    quorumRequired: motion.quorumRequired,
    adoption: motion.adoption,
    opensAt: motion.opensAt,
    closesAt: motion.closesAt,
    allowChange: motion.allowChange,
    countingBoard: motion.countingBoard,
    status: motion.status,
    statusReason: motion.statusReason,
    electorate: motion.electorate && {
      openedAt: motion.electorate.openedAt,
      eligible: motion.electorate.eligible,
      present: motion.electorate.present,
      delegates: motion.electorate.delegates,
      summoned: motion.electorate.summoned,
      quorum: motion.electorate.quorum,
    },
    roomTally: motion.roomTally,
    result: motion.result,
    resultHash: motion.resultHash,
    createdAt: motion.createdAt,
    updatedAt: motion.updatedAt,
    version: motion.version,
  };
}

function ballotDto(ballot: MyBallot) {
  return {
    eligible: ballot.eligible,
    status: ballot.status,
    marks: ballot.marks,
    castAt: ballot.castAt,
  };
}

function eventDto(event: VoteAuditEvent) {
  return {
    seq: event.seq,
    action: event.action,
    actorId: event.actorId,
    actorName: event.actorName,
    at: event.at,
    changes: event.changes,
    prevHash: event.prevHash,
    hash: event.hash,
  };
}

/**
 * Motions and elections of a meeting:
 * `bodies/{bodyId}/meetings/{meetingId}/motions|elections[/{motionId}[/open|close|cancel|ballots|
 * room-tally|room-tally/confirm|verify|audit]]` (docs/votes.md).
 */
export function voteRoutes(services: Services): HttpRoute[] {
  const repository = voteRepositoryFor(services);
  const routes: HttpRoute[] = [];
  /** The meeting chat's shared vote card (posted at opening, edited after); never fails a route. */
  const cards = () => voteCardPublisherFor(services);
  const published = async (motion: Motion, step: 'opened' | 'final') => {
    const publisher = cards();
    if (!publisher) return motion;
    await publishQuietly(services.log, step, () =>
      step === 'opened' ? publisher.opened(motion) : publisher.changed(motion, { final: true }),
    );
    return motion;
  };
  for (const [segment, kind, Name] of [
    ['motions', 'motion', 'Motion'],
    ['elections', 'election', 'Election'],
  ] as const) {
    const deps: VoteDeps = {
      ...services.deps,
      votes: ofKind(repository, kind),
      random: secureRandom,
    };
    const base = `bodies/{bodyId}/meetings/{meetingId}/${segment}`;
    const one = `${base}/{motionId}`;
    const route = (
      name: string,
      method: 'GET' | 'POST',
      path: string,
      handler: ApiHandler,
    ): HttpRoute => ({
      name,
      methods: [method],
      route: path,
      handler: authenticated(services, handler),
    });
    const answer = (motion: Motion, status = 200): HttpResponseInit => ({
      status,
      jsonBody: { [kind]: motionDto(motion) },
    });
    const motionAction =
      (
        act: (
          deps: VoteDeps,
          params: z.infer<typeof ZMotionParams>,
          call: Parameters<ApiHandler>[0],
        ) => Promise<Motion>,
      ): ApiHandler =>
      async (call) =>
        answer(await act(deps, ZMotionParams.parse(call.params), call));

    routes.push(
      route(`list${Name}s`, 'GET', base, async ({ actor, params }) => {
        const { bodyId, meetingId } = ZMeetingParams.parse(params);
        const motions = await listMotions(deps, actor, bodyId, meetingId, kind);
        return { jsonBody: { [segment]: motions.map(motionDto) } };
      }),
      route(`create${Name}`, 'POST', base, async ({ actor, params, request }) => {
        const { bodyId, meetingId } = ZMeetingParams.parse(params);
        const body = await readJson(request);
        const motion =
          kind === 'election'
            ? await createElection(deps, actor, bodyId, meetingId, ZCreateElectionInput.parse(body))
            : await createMotion(deps, actor, bodyId, meetingId, ZCreateMotionInput.parse(body));
        return answer(motion, 201);
      }),
      route(`get${Name}`, 'GET', one, async ({ actor, params }) => {
        const { bodyId, meetingId, motionId } = ZMotionParams.parse(params);
        const view = await getMotion(deps, actor, bodyId, meetingId, motionId);
        return {
          jsonBody: {
            [kind]: motionDto(view.motion),
            myBallot: ballotDto(view.myBallot),
            // Counts only (never a choice), while an electronic vote is open.
            ...(view.turnout
              ? { turnout: { voted: view.turnout.voted, eligible: view.turnout.eligible } }
              : {}),
          },
        };
      }),
      route(
        `open${Name}`,
        'POST',
        `${one}/open`,
        motionAction(async (d, p, { actor }) =>
          published(await openMotion(d, actor, p.bodyId, p.meetingId, p.motionId), 'opened'),
        ),
      ),
      route(
        `close${Name}`,
        'POST',
        `${one}/close`,
        motionAction(async (d, p, { actor }) =>
          published(await closeMotion(d, actor, p.bodyId, p.meetingId, p.motionId), 'final'),
        ),
      ),
      route(
        `cancel${Name}`,
        'POST',
        `${one}/cancel`,
        motionAction(async (d, p, { actor, request }) => {
          const { reason } = ZCancelMotionInput.parse(await readJson(request));
          return published(
            await cancelMotion(d, actor, p.bodyId, p.meetingId, p.motionId, reason),
            'final',
          );
        }),
      ),
      route(
        `cast${Name}Ballot`,
        'POST',
        `${one}/ballots`,
        castHandler(deps, (motion) => {
          const publisher = cards();
          // Coalesced turnout edit: not awaited, the voter's answer does not wait for the chat.
          if (publisher)
            void publishQuietly(services.log, 'turnout edit', () => publisher.changed(motion));
        }),
      ),
      route(
        `enter${Name}RoomTally`,
        'POST',
        `${one}/room-tally`,
        motionAction(async (d, p, { actor, request }) => {
          const input = ZRoomTallyInput.parse(await readJson(request));
          return enterRoomTally(d, actor, p.bodyId, p.meetingId, p.motionId, input);
        }),
      ),
      route(
        `confirm${Name}RoomTally`,
        'POST',
        `${one}/room-tally/confirm`,
        motionAction(async (d, p, { actor, request }) => {
          const input = ZConfirmRoomTallyInput.parse(await readJson(request));
          return confirmRoomTally(d, actor, p.bodyId, p.meetingId, p.motionId, input);
        }),
      ),
      route(`verify${Name}`, 'GET', `${one}/verify`, async ({ actor, params }) => {
        const { bodyId, meetingId, motionId } = ZMotionParams.parse(params);
        return {
          jsonBody: { verification: await verifyMotion(deps, actor, bodyId, meetingId, motionId) },
        };
      }),
      route(`${kind}Audit`, 'GET', `${one}/audit`, async ({ actor, params }) => {
        const { bodyId, meetingId, motionId } = ZMotionParams.parse(params);
        const audit = await listMotionAudit(deps, actor, bodyId, meetingId, motionId);
        return { jsonBody: { events: audit.events.map(eventDto), verified: audit.verified } };
      }),
    );
  }
  return routes;
}

/**
 * Casting. Identical submits that arrive while the first is still being written (a double click, a
 * client retry, Teams re-sending a slow card action) wait for it and get its answer, so they cost
 * nothing; a submit that arrives later finds the stored ballot and gets the same answer from it.
 * Either way storage, not this map, guarantees one ballot per voter (the map is per process).
 */
function castHandler(deps: VoteDeps, afterCast: (motion: Motion) => void): ApiHandler {
  const inFlight = new Map<string, Promise<HttpResponseInit>>();
  return async ({ actor, params, request }) => {
    const { bodyId, meetingId, motionId } = ZMotionParams.parse(params);
    const input = ZCastBallotInput.parse(await readJson(request));
    const key = [
      actor.tenantId,
      actor.userId,
      bodyId,
      meetingId,
      motionId,
      input.submissionId,
      input.choice ?? '',
      (input.marks ?? []).join(','),
    ].join('|');
    const running = inFlight.get(key);
    if (running) return running;
    const work = castBallot(deps, actor, bodyId, meetingId, motionId, input).then(
      ({ motion, myBallot }): HttpResponseInit => {
        afterCast(motion);
        return { jsonBody: { ballot: ballotDto(myBallot) } };
      },
    );
    inFlight.set(key, work);
    try {
      return await work;
    } finally {
      inFlight.delete(key);
    }
  };
}
