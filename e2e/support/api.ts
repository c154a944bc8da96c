import type { AssignmentView, BodyAssignments, MeetingView } from '../../tabs/src';

export type { AssignmentView, BodyAssignments, MeetingView };

export interface DemoUserRef {
  tenantId: string;
  userId: string;
}

export interface ApiAnswer<T> {
  status: number;
  json: T;
}

/**
 * Calls the API as a demo user, signing in through the dev issuer's HTTP endpoint exactly as the
 * tab's dev sign-in does.
 */
export function apiAs(baseUrl: string, user: DemoUserRef) {
  let token: Promise<string> | null = null;
  const signIn = async () => {
    const response = await fetch(`${baseUrl}/dev-issuer/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ tenantId: user.tenantId, userId: user.userId }),
    });
    if (!response.ok) throw new Error(`dev issuer answered ${response.status}`);
    return ((await response.json()) as { accessToken: string }).accessToken;
  };
  return async <T>(
    path: string,
    init: { method?: string; body?: unknown } = {},
  ): Promise<ApiAnswer<T>> => {
    token ??= signIn();
    const response = await fetch(`${baseUrl}${path}`, {
      method: init.method ?? 'GET',
      headers: {
        Authorization: `Bearer ${await token}`,
        ...(init.body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: init.body === undefined ? null : JSON.stringify(init.body),
    });
    return { status: response.status, json: (await response.json()) as T };
  };
}

export type MeetingsAnswer = { meetings: MeetingView[] };
export type MeetingAnswer = { meeting: MeetingView };
export type AssignmentAnswer = { assignment: AssignmentView };
export type MyAssignmentsAnswer = { assignments: AssignmentView[] };
