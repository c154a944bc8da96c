import type { AuditHead } from '../audit/audit-event';
import type { AppliedDeadlineRule } from './deadline-rule-registry';

/** khiếu nại, tố cáo, phản ánh/kiến nghị (GLOSSARY). */
export const CASE_KINDS = ['complaint', 'denunciation', 'feedback'] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

/** The register's prefix per kind: KN-2026-0007, TC-…, PA-…. */
export const CASE_NUMBER_PREFIX: Record<CaseKind, string> = {
  complaint: 'KN',
  denunciation: 'TC',
  feedback: 'PA',
};

export const COMPLAINT_INSTANCES = ['first', 'second'] as const;
/** Lần đầu / lần hai. */
export type ComplaintInstance = (typeof COMPLAINT_INSTANCES)[number];

/** Phức tạp, đặc biệt phức tạp: decided by the person resolving it. */
export const CASE_COMPLEXITIES = ['normal', 'complex', 'especiallyComplex'] as const;
export type CaseComplexity = (typeof CASE_COMPLEXITIES)[number];

export const CASE_CHANNELS = [
  'inPerson',
  'mail',
  'online',
  'receptionSession',
  'transferred',
] as const;
export type CaseChannel = (typeof CASE_CHANNELS)[number];

export const CASE_STATUSES = ['received', 'accepted', 'rejected', 'resolved'] as const;
/** Stored states; "late" is not stored but derived from the deadlines (case-rules.ts). */
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CASE_OUTCOMES = ['upheld', 'partlyUpheld', 'notUpheld', 'answered'] as const;
/** Đúng / đúng một phần / sai (complaints, denunciations); đã trả lời (feedback). */
export type CaseOutcome = (typeof CASE_OUTCOMES)[number];

export interface CaseExtension {
  /** 1, 2… */
  number: number;
  fromDeadline: string;
  toDeadline: string;
  reason: string;
  decidedOn: string;
  decidedBy: string;
}

/**
 * The citizen's identity, kept in a row of its own beside the case (Law 25/2018 protects a
 * denouncer's identity). Read by the body's head and the assigned handlers (and, except for a
 * denunciation, the recorder); never listed.
 */
export interface CitizenIdentity {
  fullName: string;
  address?: string | undefined;
  phone?: string | undefined;
  idNumber?: string | undefined;
}

/**
 * A petition, complaint or denunciation, from intake to resolution. It lives in the body that
 * handles it; its number is unique per unit, kind and year.
 */
export interface CitizenCase {
  tenantId: string;
  unitId: string;
  bodyId: string;
  id: string;
  /** e.g. KN-2026-0007: the only thing reminders and cards carry. */
  number: string;
  kind: CaseKind;
  channel: CaseChannel;
  /** The reception session it was raised in, if any. */
  sessionId?: string | undefined;
  /** Content (nội dung): confidential, shown only in a single, audited view. */
  summary: string;
  /** yyyy-MM-dd, Vietnam date the matter was received; picks the rules in force. */
  receivedOn: string;
  instance?: ComplaintInstance | undefined;
  remoteArea: boolean;
  complexity: CaseComplexity;
  /** Complaints: when the complainant received or learnt of the decision (Art. 9 filing limit). */
  decisionKnownOn?: string | undefined;
  filing?: { rule: AppliedDeadlineRule; deadline: string; late: boolean } | undefined;
  status: CaseStatus;
  recordedBy: string;
  handlerIds: string[];
  /** Whether an identity row exists (without saying whose). */
  hasIdentity: boolean;
  acceptance: {
    rule: AppliedDeadlineRule;
    deadline: string;
    decidedOn?: string | undefined;
    decidedBy?: string | undefined;
    reason?: string | undefined;
  };
  resolution?:
    | {
        rule: AppliedDeadlineRule;
        deadline: string;
        originalDeadline: string;
        extensions: CaseExtension[];
        resolvedOn?: string | undefined;
        resolvedBy?: string | undefined;
        outcome?: CaseOutcome | undefined;
        text?: string | undefined;
      }
    | undefined;
  createdAt: string;
  updatedAt: string;
  version: number;
  audit: AuditHead;
}
