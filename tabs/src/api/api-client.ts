import type { Locale } from '@qcdc/core';
import { takeEarlyAnswer } from '../app/early-requests';
import { ApiError, CLIENT_CODES } from './api-error';
import type {
  ApiErrorPayload,
  AssignmentTransitionBody,
  AssignmentView,
  AttendanceAnswer,
  BodyAssignmentRows,
  BodyAssignments,
  BodyDetail,
  BodySummary,
  CreateAssignmentBody,
  CreateMeetingBody,
  DecideExtensionBody,
  DownloadedFile,
  Me,
  MeetingDocument,
  MeetingView,
  MinutesAnswer,
  MinutesSectionView,
  ProgressBody,
  RecordAttendanceBody,
  RequestExtensionBody,
  SaveSectionBody,
  TransitionBody,
  UpdateMeetingBody,
} from './api-types';
import { fileNameFromDisposition } from './content-disposition';

export interface ApiClientOptions {
  /** A valid bearer token (Teams SSO or the dev issuer's). */
  getToken: () => Promise<string>;
  /** Called when the API refuses the token, so the session can ask for a new sign-in. */
  onUnauthorized: (error: ApiError) => void;
  /** The UI language, sent as Accept-Language so error messages come back in it. */
  locale: () => Locale;
}

export interface ApiClient {
  getMe(): Promise<Me>;
  listBodies(): Promise<BodySummary[]>;
  getBody(bodyId: string): Promise<BodyDetail>;
  listMeetings(bodyId: string): Promise<MeetingView[]>;
  getMeeting(bodyId: string, meetingId: string): Promise<MeetingView>;
  createMeeting(bodyId: string, input: CreateMeetingBody): Promise<MeetingView>;
  updateMeeting(bodyId: string, meetingId: string, input: UpdateMeetingBody): Promise<MeetingView>;
  transitionMeeting(bodyId: string, meetingId: string, input: TransitionBody): Promise<MeetingView>;
  getAttendance(bodyId: string, meetingId: string): Promise<AttendanceAnswer>;
  recordAttendance(
    bodyId: string,
    meetingId: string,
    input: RecordAttendanceBody,
  ): Promise<AttendanceAnswer & { meeting: MeetingView }>;
  getMinutes(bodyId: string, meetingId: string): Promise<MinutesAnswer>;
  saveMinutesSection(
    bodyId: string,
    meetingId: string,
    sectionKey: string,
    input: SaveSectionBody,
  ): Promise<{ section: MinutesSectionView; meeting: MeetingView }>;
  listMinutesHistory(bodyId: string, meetingId: string): Promise<MinutesSectionView[]>;
  /** An approved meeting's official document (DOCX), fetched with the bearer token. */
  downloadDocument(
    bodyId: string,
    meetingId: string,
    document: MeetingDocument,
  ): Promise<DownloadedFile>;
  /**
   * A one-time link (valid minutes) to the same document, for Teams mobile, which opens URLs through
   * its link API and cannot send our bearer token.
   */
  createDownloadLink(
    bodyId: string,
    meetingId: string,
    document: MeetingDocument,
  ): Promise<{ url: string; expiresAt: string }>;
  /** What the caller owns or co-owns, across bodies. */
  listMyAssignments(): Promise<AssignmentView[]>;
  listBodyAssignments(bodyId: string): Promise<BodyAssignments>;
  /** The dashboard table's rows: the summary view, a fraction of the full list's size. */
  listBodyAssignmentRows(bodyId: string): Promise<BodyAssignmentRows>;
  getAssignment(bodyId: string, id: string): Promise<AssignmentView>;
  createAssignment(bodyId: string, input: CreateAssignmentBody): Promise<AssignmentView>;
  transitionAssignment(
    bodyId: string,
    id: string,
    input: AssignmentTransitionBody,
  ): Promise<AssignmentView>;
  reportProgress(bodyId: string, id: string, input: ProgressBody): Promise<AssignmentView>;
  requestExtension(
    bodyId: string,
    id: string,
    input: RequestExtensionBody,
  ): Promise<AssignmentView>;
  decideExtension(bodyId: string, id: string, input: DecideExtensionBody): Promise<AssignmentView>;
  /** Any JSON route, for the feature modules (front-api, case-api, roster-api) built on this client. */
  call<T>(method: string, path: string, body?: unknown): Promise<T>;
}

const DOCUMENT_PATHS: Record<MeetingDocument, { path: string; fallbackName: string }> = {
  minutes: { path: 'minutes/document', fallbackName: 'bien-ban.docx' },
  conclusionNotice: {
    path: 'minutes/conclusion-notice',
    fallbackName: 'thong-bao-ket-luan.docx',
  },
};

const AUTH_CODES = new Set(['AUTH.MISSING_TOKEN', 'AUTH.INVALID_TOKEN', 'AUTH.TOKEN_EXPIRED']);

export function createApiClient(options: ApiClientOptions): ApiClient {
  async function tokenOrThrow(): Promise<string> {
    try {
      return await options.getToken();
    } catch (cause) {
      if (cause instanceof ApiError) throw cause;
      throw new ApiError(0, { code: CLIENT_CODES.token, message: reasonOf(cause) });
    }
  }

  async function send(
    method: string,
    path: string,
    body: unknown,
    accept: string,
  ): Promise<Response> {
    const token = await tokenOrThrow();
    const locale = options.locale();
    const headers: Record<string, string> = {
      Authorization: `Bearer ${token}`,
      'Accept-Language': locale,
      Accept: accept,
    };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    // The same GET already started by index.html (the dashboard's first load): its answer, if it
    // got one, goes through the same checks below; one that never arrived is asked for again.
    const early =
      method === 'GET' && accept === 'application/json'
        ? await takeEarlyAnswer(path, token, locale)
        : null;
    let response: Response;
    try {
      response =
        early ??
        (await fetch(path, {
          method,
          headers,
          body: body === undefined ? null : JSON.stringify(body),
        }));
    } catch (cause) {
      throw new ApiError(0, { code: CLIENT_CODES.network, message: reasonOf(cause) });
    }
    if (response.ok) return response;
    const payload: unknown = await response.json().catch(() => undefined);
    const error = new ApiError(response.status, errorPayloadOf(payload, response.status));
    if (response.status === 401 && AUTH_CODES.has(error.code)) options.onUnauthorized(error);
    throw error;
  }

  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await send(method, path, body, 'application/json');
    return (await response.json().catch(() => undefined)) as T;
  }

  const meetingsPath = (bodyId: string) => `/api/bodies/${encodeURIComponent(bodyId)}/meetings`;
  const meetingPath = (bodyId: string, meetingId: string) =>
    `${meetingsPath(bodyId)}/${encodeURIComponent(meetingId)}`;

  const assignmentsPath = (bodyId: string) =>
    `/api/bodies/${encodeURIComponent(bodyId)}/assignments`;
  const assignmentPath = (bodyId: string, id: string) =>
    `${assignmentsPath(bodyId)}/${encodeURIComponent(id)}`;
  const assignmentCall = async (method: string, path: string, body?: unknown) =>
    (await call<{ assignment: AssignmentView }>(method, path, body)).assignment;

  return {
    getMe: () => call<Me>('GET', '/api/me'),
    listBodies: async () => (await call<{ bodies: BodySummary[] }>('GET', '/api/bodies')).bodies,
    getBody: (bodyId) => call<BodyDetail>('GET', `/api/bodies/${encodeURIComponent(bodyId)}`),
    listMeetings: async (bodyId) =>
      (await call<{ meetings: MeetingView[] }>('GET', meetingsPath(bodyId))).meetings,
    getMeeting: async (bodyId, meetingId) =>
      (await call<{ meeting: MeetingView }>('GET', meetingPath(bodyId, meetingId))).meeting,
    createMeeting: async (bodyId, input) =>
      (await call<{ meeting: MeetingView }>('POST', meetingsPath(bodyId), input)).meeting,
    updateMeeting: async (bodyId, meetingId, input) =>
      (await call<{ meeting: MeetingView }>('PATCH', meetingPath(bodyId, meetingId), input))
        .meeting,
    transitionMeeting: async (bodyId, meetingId, input) =>
      (
        await call<{ meeting: MeetingView }>(
          'POST',
          `${meetingPath(bodyId, meetingId)}/transitions`,
          input,
        )
      ).meeting,
    getAttendance: (bodyId, meetingId) =>
      call<AttendanceAnswer>('GET', `${meetingPath(bodyId, meetingId)}/attendance`),
    recordAttendance: (bodyId, meetingId, input) =>
      call<AttendanceAnswer & { meeting: MeetingView }>(
        'PUT',
        `${meetingPath(bodyId, meetingId)}/attendance`,
        input,
      ),
    getMinutes: (bodyId, meetingId) =>
      call<MinutesAnswer>('GET', `${meetingPath(bodyId, meetingId)}/minutes`),
    saveMinutesSection: (bodyId, meetingId, sectionKey, input) =>
      call<{ section: MinutesSectionView; meeting: MeetingView }>(
        'PUT',
        `${meetingPath(bodyId, meetingId)}/minutes/sections/${encodeURIComponent(sectionKey)}`,
        input,
      ),
    listMinutesHistory: async (bodyId, meetingId) =>
      (
        await call<{ revisions: MinutesSectionView[] }>(
          'GET',
          `${meetingPath(bodyId, meetingId)}/minutes/history`,
        )
      ).revisions,
    downloadDocument: async (bodyId, meetingId, document) => {
      const { path, fallbackName } = DOCUMENT_PATHS[document];
      const response = await send(
        'GET',
        `${meetingPath(bodyId, meetingId)}/${path}`,
        undefined,
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      );
      let blob: Blob;
      try {
        blob = await response.blob();
      } catch (cause) {
        throw new ApiError(0, { code: CLIENT_CODES.network, message: reasonOf(cause) });
      }
      const disposition = response.headers.get('content-disposition');
      return { blob, fileName: fileNameFromDisposition(disposition, fallbackName) };
    },
    createDownloadLink: (bodyId, meetingId, document) =>
      call<{ url: string; expiresAt: string }>(
        'POST',
        `${meetingPath(bodyId, meetingId)}/minutes/download-links`,
        { document },
      ),
    listMyAssignments: async () =>
      (await call<{ assignments: AssignmentView[] }>('GET', '/api/me/assignments')).assignments,
    listBodyAssignments: (bodyId) => call<BodyAssignments>('GET', assignmentsPath(bodyId)),
    listBodyAssignmentRows: (bodyId) =>
      call<BodyAssignmentRows>('GET', `${assignmentsPath(bodyId)}?view=summary`),
    getAssignment: (bodyId, id) => assignmentCall('GET', assignmentPath(bodyId, id)),
    createAssignment: (bodyId, input) => assignmentCall('POST', assignmentsPath(bodyId), input),
    transitionAssignment: (bodyId, id, input) =>
      assignmentCall('POST', `${assignmentPath(bodyId, id)}/transitions`, input),
    reportProgress: (bodyId, id, input) =>
      assignmentCall('POST', `${assignmentPath(bodyId, id)}/progress`, input),
    requestExtension: (bodyId, id, input) =>
      assignmentCall('POST', `${assignmentPath(bodyId, id)}/extension-request`, input),
    decideExtension: (bodyId, id, input) =>
      assignmentCall('POST', `${assignmentPath(bodyId, id)}/extension-decision`, input),
    call,
  };
}

/** Every API error is `{ error: {...} }`; anything else (a proxy's HTML page) becomes a generic one. */
function errorPayloadOf(payload: unknown, status: number): ApiErrorPayload {
  if (typeof payload === 'object' && payload !== null && 'error' in payload) {
    const error = (payload as { error: unknown }).error;
    if (typeof error === 'object' && error !== null && 'code' in error && 'message' in error) {
      return error as ApiErrorPayload;
    }
  }
  return { code: CLIENT_CODES.unexpected, message: `HTTP ${status}` };
}

function reasonOf(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}
