import type {
  Electorate,
  Motion,
  MyBallot,
  VoteKind,
  ZCastBallotInput,
  ZConfirmRoomTallyInput,
  ZCreateElectionInput,
  ZCreateMotionInput,
  ZRoomTallyInput,
} from '@qcdc/core';
import type { z } from 'zod';
import type { ApiClient } from './api-client';

/**
 * Motions and elections of a meeting (docs/votes.md), as the API's allow-list mapper sends them
 * (functions/src/http/vote-routes.ts `motionDto`): never the electorate's id or who opened it.
 */
export type MotionView = Pick<
  Motion,
  | 'id'
  | 'bodyId'
  | 'meetingId'
  | 'kind'
  | 'purpose'
  | 'question'
  | 'description'
  | 'choices'
  | 'seats'
  | 'maxMarks'
  | 'method'
  | 'mode'
  | 'eligibility'
  | 'quorumRequired'
  | 'adoption'
  | 'opensAt'
  | 'closesAt'
  | 'allowChange'
  | 'countingBoard'
  | 'status'
  | 'statusReason'
  | 'roomTally'
  | 'result'
  | 'resultHash'
  | 'createdAt'
  | 'updatedAt'
  | 'version'
> & { electorate?: Omit<Electorate, 'id' | 'openedBy'> | undefined };

export type MyBallotView = MyBallot;

/** While an electronic vote is open: ballots cast / eligible (never a choice, never a tally). */
export interface TurnoutView {
  voted: number;
  eligible: number;
}

export type CreateMotionBody = z.input<typeof ZCreateMotionInput>;
export type CreateElectionBody = z.input<typeof ZCreateElectionInput>;
export type CastBallotBody = z.input<typeof ZCastBallotInput>;
export type RoomTallyBody = z.input<typeof ZRoomTallyInput>;
export type ConfirmRoomTallyBody = z.input<typeof ZConfirmRoomTallyInput>;

export interface VoteApi {
  /** The meeting's motions and elections, oldest first within each kind. */
  list(bodyId: string, meetingId: string): Promise<MotionView[]>;
  get(
    kind: VoteKind,
    bodyId: string,
    meetingId: string,
    motionId: string,
  ): Promise<{ motion: MotionView; myBallot: MyBallotView; turnout?: TurnoutView | undefined }>;
  createMotion(bodyId: string, meetingId: string, input: CreateMotionBody): Promise<MotionView>;
  createElection(bodyId: string, meetingId: string, input: CreateElectionBody): Promise<MotionView>;
  open(motion: MotionView): Promise<MotionView>;
  close(motion: MotionView): Promise<MotionView>;
  cast(motion: MotionView, input: CastBallotBody): Promise<MyBallotView>;
  enterRoomTally(motion: MotionView, input: RoomTallyBody): Promise<MotionView>;
  confirmRoomTally(motion: MotionView, input: ConfirmRoomTallyBody): Promise<MotionView>;
}

const SEGMENT: Record<VoteKind, 'motions' | 'elections'> = {
  motion: 'motions',
  election: 'elections',
};

/** The vote routes, over the session's API client (its token, language and error handling). */
export function voteApi(api: Pick<ApiClient, 'call'>): VoteApi {
  const base = (kind: VoteKind, bodyId: string, meetingId: string) =>
    `/api/bodies/${encodeURIComponent(bodyId)}/meetings/${encodeURIComponent(meetingId)}/${SEGMENT[kind]}`;
  const one = (motion: Pick<MotionView, 'kind' | 'bodyId' | 'meetingId' | 'id'>) =>
    `${base(motion.kind, motion.bodyId, motion.meetingId)}/${encodeURIComponent(motion.id)}`;
  const motionCall = async (kind: VoteKind, method: string, path: string, body?: unknown) => {
    const answer = await api.call<Partial<Record<VoteKind, MotionView>>>(method, path, body);
    const motion = answer[kind];
    if (!motion) throw new Error(`the API answered without a ${kind}`);
    return motion;
  };

  return {
    list: async (bodyId, meetingId) => {
      const [motions, elections] = await Promise.all([
        api.call<{ motions: MotionView[] }>('GET', base('motion', bodyId, meetingId)),
        api.call<{ elections: MotionView[] }>('GET', base('election', bodyId, meetingId)),
      ]);
      return [...motions.motions, ...elections.elections];
    },
    get: async (kind, bodyId, meetingId, motionId) => {
      const answer = await api.call<
        Partial<Record<VoteKind, MotionView>> & { myBallot: MyBallotView; turnout?: TurnoutView }
      >('GET', `${base(kind, bodyId, meetingId)}/${encodeURIComponent(motionId)}`);
      const motion = answer[kind];
      if (!motion) throw new Error(`the API answered without a ${kind}`);
      return { motion, myBallot: answer.myBallot, turnout: answer.turnout };
    },
    createMotion: (bodyId, meetingId, input) =>
      motionCall('motion', 'POST', base('motion', bodyId, meetingId), input),
    createElection: (bodyId, meetingId, input) =>
      motionCall('election', 'POST', base('election', bodyId, meetingId), input),
    open: (motion) => motionCall(motion.kind, 'POST', `${one(motion)}/open`),
    close: (motion) => motionCall(motion.kind, 'POST', `${one(motion)}/close`),
    cast: async (motion, input) =>
      (await api.call<{ ballot: MyBallotView }>('POST', `${one(motion)}/ballots`, input)).ballot,
    enterRoomTally: (motion, input) =>
      motionCall(motion.kind, 'POST', `${one(motion)}/room-tally`, input),
    confirmRoomTally: (motion, input) =>
      motionCall(motion.kind, 'POST', `${one(motion)}/room-tally/confirm`, input),
  };
}
