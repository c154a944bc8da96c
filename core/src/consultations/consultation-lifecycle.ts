import { DomainError } from '../errors/domain-error';
import type { ConsultationStatus, RecommendationStatus } from './consultation';

/**
 * A recommendation's path: recorded, given an owner in the agency, answered in a draft by the owner,
 * approved by the head (or returned to the owner with a reason).
 */
export const RECOMMENDATION_TRANSITIONS = {
  assign: { from: ['received', 'assigned'], to: 'assigned' },
  draftResponse: { from: ['assigned', 'responseDrafted'], to: 'responseDrafted' },
  approveResponse: { from: ['responseDrafted'], to: 'responded' },
  returnResponse: { from: ['responseDrafted'], to: 'assigned' },
} as const satisfies Record<
  string,
  { from: readonly RecommendationStatus[]; to: RecommendationStatus }
>;

export type RecommendationTransition = keyof typeof RECOMMENDATION_TRANSITIONS;

export function nextRecommendationStatus(
  status: RecommendationStatus,
  transition: RecommendationTransition,
): RecommendationStatus {
  const rule: { from: readonly RecommendationStatus[]; to: RecommendationStatus } =
    RECOMMENDATION_TRANSITIONS[transition];
  if (!rule.from.includes(status)) {
    throw new DomainError('RECOMMENDATION.TRANSITION_NOT_ALLOWED', { transition, status });
  }
  return rule.to;
}

export const CONSULTATION_TRANSITIONS = {
  send: { from: ['draft'], to: 'sent' },
  close: { from: ['sent'], to: 'closed' },
} as const satisfies Record<
  string,
  { from: readonly ConsultationStatus[]; to: ConsultationStatus }
>;

export type ConsultationTransition = keyof typeof CONSULTATION_TRANSITIONS;

export function nextConsultationStatus(
  status: ConsultationStatus,
  transition: ConsultationTransition,
): ConsultationStatus {
  const rule: { from: readonly ConsultationStatus[]; to: ConsultationStatus } =
    CONSULTATION_TRANSITIONS[transition];
  if (status === 'closed') throw new DomainError('CONSULTATION.CLOSED');
  if (!rule.from.includes(status)) {
    throw new DomainError('CONSULTATION.TRANSITION_NOT_ALLOWED', { transition, status });
  }
  return rule.to;
}
