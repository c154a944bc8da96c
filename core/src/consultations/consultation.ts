import type { AuditHead } from '../audit/audit-event';
import type { AppliedDeadlineRule } from '../cases/deadline-rule-registry';

/** giám sát, phản biện xã hội (GLOSSARY). */
export const CONSULTATION_KINDS = ['supervision', 'socialCritique'] as const;
export type ConsultationKind = (typeof CONSULTATION_KINDS)[number];

export const CONSULTATION_STATUSES = ['draft', 'sent', 'closed'] as const;
export type ConsultationStatus = (typeof CONSULTATION_STATUSES)[number];

/**
 * A Front supervision or social critique of the agency (the body it lives in): the agency sends its
 * draft or report, the Front answers with recommendations, each answered formally.
 */
export interface Consultation {
  tenantId: string;
  bodyId: string;
  id: string;
  kind: ConsultationKind;
  title: string;
  /** The draft or programme (dự thảo, chương trình) sent to the Front. */
  documentTitle: string;
  description: string;
  /** e.g. "Ủy ban MTTQ Việt Nam xã Chi Lăng". */
  frontName: string;
  /** The Front's own body in the app, whose members follow the consultation. */
  frontBodyId?: string | undefined;
  /** Critique: the date the draft goes to the competent authority; supervision: the session date. */
  referenceOn?: string | undefined;
  status: ConsultationStatus;
  sentOn?: string | undefined;
  /** Set when sent: the lead-time check (Art. 36(1) / JR 403/2017). */
  sendCheck?: { ruleId: string; basis: string; latestOn: string; late: boolean } | undefined;
  closedAt?: string | undefined;
  /** Recommendations are numbered 1, 2… in the order received. */
  recommendationCount: number;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  version: number;
  audit: AuditHead;
}

export const RECOMMENDATION_STATUSES = [
  'received',
  'assigned',
  'responseDrafted',
  'responded',
] as const;
export type RecommendationStatus = (typeof RECOMMENDATION_STATUSES)[number];

/** tiếp thu / giải trình / tiếp thu một phần. */
export const RESPONSE_KINDS = ['accepted', 'explained', 'partlyAccepted'] as const;
export type ResponseKind = (typeof RESPONSE_KINDS)[number];

export interface RecommendationResponse {
  kind: ResponseKind;
  text: string;
  draftedBy: string;
  draftedAt: string;
  approvedBy?: string | undefined;
  approvedAt?: string | undefined;
}

/** A kiến nghị of the Front: its own aggregate (audit chain), in the consultation's partition. */
export interface Recommendation {
  tenantId: string;
  bodyId: string;
  consultationId: string;
  id: string;
  /** 1, 2… within the consultation. */
  number: number;
  text: string;
  /** yyyy-MM-dd: when the Front's recommendation reached the agency; the deadline counts from it. */
  receivedOn: string;
  rule: AppliedDeadlineRule;
  deadline: string;
  ownerId?: string | undefined;
  status: RecommendationStatus;
  response?: RecommendationResponse | undefined;
  /** Why the head returned the last draft. */
  returnReason?: string | undefined;
  respondedAt?: string | undefined;
  /** Vietnam date of the approved response: what "on time" is judged by. */
  respondedOn?: string | undefined;
  createdAt: string;
  updatedAt: string;
  version: number;
  audit: AuditHead;
}
