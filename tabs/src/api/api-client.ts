import type { Locale } from '@qcdc/core';
import { ApiError, CLIENT_CODES } from './api-error';
import type {
  ApiErrorPayload,
  BodyDetail,
  BodySummary,
  CreateMeetingBody,
  Me,
  MeetingView,
  UpdateMeetingBody,
} from './api-types';

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
}

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

  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = {
      Authorization: `Bearer ${await tokenOrThrow()}`,
      'Accept-Language': options.locale(),
      Accept: 'application/json',
    };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let response: Response;
    try {
      response = await fetch(path, {
        method,
        headers,
        body: body === undefined ? null : JSON.stringify(body),
      });
    } catch (cause) {
      throw new ApiError(0, { code: CLIENT_CODES.network, message: reasonOf(cause) });
    }
    const payload: unknown = await response.json().catch(() => undefined);
    if (response.ok) return payload as T;
    const error = new ApiError(response.status, errorPayloadOf(payload, response.status));
    if (response.status === 401 && AUTH_CODES.has(error.code)) options.onUnauthorized(error);
    throw error;
  }

  const meetingsPath = (bodyId: string) => `/api/bodies/${encodeURIComponent(bodyId)}/meetings`;
  const meetingPath = (bodyId: string, meetingId: string) =>
    `${meetingsPath(bodyId)}/${encodeURIComponent(meetingId)}`;

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
