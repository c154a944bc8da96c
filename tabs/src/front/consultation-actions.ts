import {
  can,
  CONSULTATION_TRANSITIONS,
  RECOMMENDATION_TRANSITIONS,
  type BodyRole,
  type ConsultationStatus,
  type RecommendationStatus,
} from '@qcdc/core';

/*
 * What the caller may do on a consultation, from core's lifecycle tables and permission table (the
 * same ones the API enforces), so the page never offers what the API would refuse.
 */

export type ConsultationAction = 'send' | 'addRecommendation' | 'close';
export type RecommendationAction =
  'assign' | 'draftResponse' | 'approveResponse' | 'returnResponse';

interface Caller {
  side: 'agency' | 'front';
  roles: readonly BodyRole[];
  userId: string | null;
}

const manage = (roles: readonly BodyRole[]) =>
  can({ bodyRoles: roles, meetingRoles: [] }, 'consultation.manage');
const approve = (roles: readonly BodyRole[]) =>
  can({ bodyRoles: roles, meetingRoles: [] }, 'consultation.approve');

export function canCreateConsultation(roles: readonly BodyRole[]): boolean {
  return manage(roles);
}

export function consultationActions(
  consultation: { status: ConsultationStatus },
  caller: Caller,
): ConsultationAction[] {
  if (caller.side !== 'agency') return [];
  const { status } = consultation;
  const actions: ConsultationAction[] = [];
  const from = (t: keyof typeof CONSULTATION_TRANSITIONS) =>
    (CONSULTATION_TRANSITIONS[t].from as readonly ConsultationStatus[]).includes(status);
  if (manage(caller.roles) && from('send')) actions.push('send');
  // Recommendations answer what was sent (409 CONSULTATION.NOT_SENT before).
  if (manage(caller.roles) && status === 'sent') actions.push('addRecommendation');
  if (approve(caller.roles) && from('close')) actions.push('close');
  return actions;
}

export function recommendationActions(
  recommendation: { status: RecommendationStatus; ownerId?: string | undefined },
  consultation: { status: ConsultationStatus },
  caller: Caller,
): RecommendationAction[] {
  if (caller.side !== 'agency' || consultation.status === 'closed') return [];
  const from = (t: RecommendationAction) =>
    (RECOMMENDATION_TRANSITIONS[t].from as readonly RecommendationStatus[]).includes(
      recommendation.status,
    );
  const actions: RecommendationAction[] = [];
  if (manage(caller.roles) && from('assign')) actions.push('assign');
  if (caller.userId !== null && recommendation.ownerId === caller.userId && from('draftResponse')) {
    actions.push('draftResponse');
  }
  if (approve(caller.roles) && from('approveResponse')) actions.push('approveResponse');
  if (approve(caller.roles) && from('returnResponse')) actions.push('returnResponse');
  return actions;
}
