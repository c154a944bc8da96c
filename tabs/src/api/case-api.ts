import type {
  CaseChannel,
  CaseComplexity,
  CaseKind,
  CaseOutcome,
  CaseStage,
  CaseStatus,
  DisclosureChannel,
  DisclosureStatus,
} from '@qcdc/core';
import type { ApiClient } from './api-client';

/** A case in a list: number, kind, status, deadlines. Never a name, never the content. */
export interface CaseListItem {
  id: string;
  bodyId: string;
  number: string;
  kind: CaseKind;
  channel: CaseChannel;
  status: CaseStatus;
  receivedOn: string;
  stage: CaseStage | null;
  deadline: string | null;
  acceptanceDeadline: string;
  resolutionDeadline: string | null;
  extensions: number;
  acceptanceLate: boolean;
  resolutionLate: boolean;
  overdue: boolean;
  mine: string[];
  version: number;
}

/** The audited view of one case (content included for its parties). */
export interface CaseView {
  id: string;
  bodyId: string;
  number: string;
  kind: CaseKind;
  channel: CaseChannel;
  summary?: string | undefined;
  receivedOn: string;
  complexity?: CaseComplexity | undefined;
  status: CaseStatus;
  recordedBy: string;
  handlerIds: string[];
  hasIdentity: boolean;
  acceptance: {
    deadline: string;
    rule: { id: string; basis: string; source: string };
    decidedOn?: string | undefined;
    reason?: string | undefined;
  };
  resolution?:
    | {
        deadline: string;
        originalDeadline: string;
        extensions: { number: number; toDeadline: string; reason: string }[];
        resolvedOn?: string | undefined;
        outcome?: CaseOutcome | undefined;
        text?: string | undefined;
      }
    | undefined;
  acceptanceLate: boolean;
  resolutionLate: boolean;
  overdue: boolean;
  parties?: string[] | undefined;
  version: number;
}

export interface CaseStats {
  total: number;
  open: number;
  dueSoon: number;
  overdue: number;
  resolved: number;
  resolvedLate: number;
  rejected: number;
  byKind: Partial<Record<CaseKind, { total: number; open: number; overdue: number }>>;
}

export interface DisclosureView {
  id: string;
  title: string;
  description?: string | undefined;
  channels: DisclosureChannel[];
  days: number;
  startOn: string;
  endOn: string;
  status: DisclosureStatus;
  startOverdue: boolean;
  periodOver: boolean;
  endedEarly: boolean;
  version: number;
}

const enc = encodeURIComponent;
const casesPath = (bodyId: string) => `/api/bodies/${enc(bodyId)}/cases`;
const casePath = (bodyId: string, id: string) => `${casesPath(bodyId)}/${enc(id)}`;
const disclosuresPath = (bodyId: string) => `/api/bodies/${enc(bodyId)}/disclosures`;

/** Citizen cases and the disclosure register, on the tab's API client. */
export function caseApi(api: Pick<ApiClient, 'call'>) {
  const change = async (path: string, body: unknown) =>
    (await api.call<{ case: CaseView }>('POST', path, body)).case;
  const disclosureChange = async (path: string, body: unknown) =>
    (await api.call<{ disclosure: DisclosureView }>('POST', path, body)).disclosure;
  return {
    stats: async (bodyId: string) =>
      (await api.call<{ stats: CaseStats }>('GET', `/api/bodies/${enc(bodyId)}/case-stats`)).stats,
    list: async (bodyId: string) =>
      (await api.call<{ cases: CaseListItem[] }>('GET', casesPath(bodyId))).cases,
    mine: async () => (await api.call<{ cases: CaseListItem[] }>('GET', '/api/me/cases')).cases,
    intake: (bodyId: string, input: { kind: CaseKind; summary: string; receivedOn?: string }) =>
      change(casesPath(bodyId), input),
    get: async (bodyId: string, id: string) =>
      (await api.call<{ case: CaseView }>('GET', casePath(bodyId, id))).case,
    decide: (
      bodyId: string,
      id: string,
      input: { version: number; decision: 'accept' | 'reject'; reason?: string },
    ) => change(`${casePath(bodyId, id)}/acceptance`, input),
    assign: (bodyId: string, id: string, input: { version: number; handlerIds: string[] }) =>
      change(`${casePath(bodyId, id)}/assignment`, input),
    extend: (
      bodyId: string,
      id: string,
      input: { version: number; reason: string; complexity?: 'complex' | 'especiallyComplex' },
    ) => change(`${casePath(bodyId, id)}/extensions`, input),
    resolve: (
      bodyId: string,
      id: string,
      input: { version: number; outcome: CaseOutcome; text: string },
    ) => change(`${casePath(bodyId, id)}/resolution`, input),
    disclosures: async (bodyId: string) =>
      (await api.call<{ disclosures: DisclosureView[] }>('GET', disclosuresPath(bodyId)))
        .disclosures,
    createDisclosure: (
      bodyId: string,
      input: { title: string; channels: DisclosureChannel[]; startOn: string; days?: number },
    ) => disclosureChange(disclosuresPath(bodyId), input),
    postDisclosure: (bodyId: string, id: string, input: { version: number }) =>
      disclosureChange(`${disclosuresPath(bodyId)}/${enc(id)}/post`, input),
    endDisclosure: (bodyId: string, id: string, input: { version: number }) =>
      disclosureChange(`${disclosuresPath(bodyId)}/${enc(id)}/end`, input),
  };
}
