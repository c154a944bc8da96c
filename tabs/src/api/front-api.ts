import type {
  CitizenDashboard,
  ConsultationKind,
  ConsultationStatus,
  RecommendationStatus,
  ResponseKind,
} from '@qcdc/core';
import type { ApiClient } from './api-client';

/** The agency answers; members of the linked Front body follow (statuses, approved answers). */
export type ConsultationSide = 'agency' | 'front';

/** docs/citizens-and-front.md "Front consultations": the shapes the API's allow-list mappers send. */
export interface ConsultationView {
  id: string;
  bodyId: string;
  kind: ConsultationKind;
  title: string;
  documentTitle: string;
  description: string;
  frontName: string;
  frontBodyId?: string | undefined;
  referenceOn?: string | undefined;
  status: ConsultationStatus;
  sentOn?: string | undefined;
  sendCheck?: { ruleId: string; basis: string; latestOn: string; late: boolean } | undefined;
  closedAt?: string | undefined;
  recommendationCount: number;
  stats: {
    total: number;
    responded: number;
    open: number;
    late: number;
    byStatus: Record<RecommendationStatus, number>;
  };
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface RecommendationView {
  id: string;
  consultationId: string;
  bodyId: string;
  number: number;
  text: string;
  receivedOn: string;
  deadline: string;
  rule: { id: string; amount: number; unit: string; basis: string; source: string };
  ownerId?: string | undefined;
  status: RecommendationStatus;
  late: boolean;
  onTime: boolean | null;
  response?:
    | {
        kind: ResponseKind;
        text: string;
        draftedBy: string;
        draftedAt: string;
        approvedBy?: string | undefined;
        approvedAt?: string | undefined;
      }
    | undefined;
  returnReason?: string | undefined;
  respondedAt?: string | undefined;
  respondedOn?: string | undefined;
  version: number;
}

export interface ConsultationDetail {
  side: ConsultationSide;
  consultation: ConsultationView;
  recommendations: RecommendationView[];
}

export interface CreateConsultationBody {
  kind: ConsultationKind;
  title: string;
  documentTitle: string;
  description?: string;
  frontName: string;
  frontBodyId?: string;
  referenceOn?: string;
}

const enc = encodeURIComponent;
const consultationsPath = (bodyId: string) => `/api/bodies/${enc(bodyId)}/consultations`;
const consultationPath = (bodyId: string, id: string) => `${consultationsPath(bodyId)}/${enc(id)}`;
const recommendationPath = (bodyId: string, id: string, recId: string) =>
  `${consultationPath(bodyId, id)}/recommendations/${enc(recId)}`;

/** Front supervision and social critique, on the tab's API client. */
export function frontApi(api: Pick<ApiClient, 'call'>) {
  const consultationCall = async (path: string, body: unknown) =>
    (await api.call<{ consultation: ConsultationView }>('POST', path, body)).consultation;
  const recommendationCall = async (path: string, body: unknown) =>
    (await api.call<{ recommendation: RecommendationView }>('POST', path, body)).recommendation;
  return {
    /** Counts only (docs/citizens-and-front.md "Dashboard"); any member of the body. */
    dashboard: async (bodyId: string) =>
      (
        await api.call<{ dashboard: CitizenDashboard }>(
          'GET',
          `/api/bodies/${enc(bodyId)}/citizen-dashboard`,
        )
      ).dashboard,
    list: (bodyId: string) =>
      api.call<{ side: ConsultationSide; consultations: ConsultationView[] }>(
        'GET',
        consultationsPath(bodyId),
      ),
    get: (bodyId: string, id: string) =>
      api.call<ConsultationDetail>('GET', consultationPath(bodyId, id)),
    create: (bodyId: string, input: CreateConsultationBody) =>
      consultationCall(consultationsPath(bodyId), input),
    send: (bodyId: string, id: string, input: { version: number; sentOn?: string }) =>
      consultationCall(`${consultationPath(bodyId, id)}/send`, input),
    close: (bodyId: string, id: string, input: { version: number }) =>
      consultationCall(`${consultationPath(bodyId, id)}/close`, input),
    addRecommendation: (
      bodyId: string,
      id: string,
      input: { text: string; receivedOn?: string; ownerId?: string },
    ) => recommendationCall(`${consultationPath(bodyId, id)}/recommendations`, input),
    assign: (
      bodyId: string,
      id: string,
      recId: string,
      input: { version: number; ownerId: string },
    ) => recommendationCall(`${recommendationPath(bodyId, id, recId)}/assign`, input),
    draftResponse: (
      bodyId: string,
      id: string,
      recId: string,
      input: { version: number; kind: ResponseKind; text: string },
    ) => recommendationCall(`${recommendationPath(bodyId, id, recId)}/response`, input),
    decideResponse: (
      bodyId: string,
      id: string,
      recId: string,
      input: { version: number; decision: 'approve' | 'return'; reason?: string },
    ) => recommendationCall(`${recommendationPath(bodyId, id, recId)}/response/approval`, input),
  };
}
