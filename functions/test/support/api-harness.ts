import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import type { Body, BodyRole } from '@qcdc/core';
import type { DirectoryUser } from '../../src/auth/dev-issuer';
import { startDevHost, type DevHost } from '../../src/dev/host';
import { createBody } from '../../src/dev/seed-demo-data';
import { TableBodyRepository } from '../../src/store/body-store';
import { connectionStringTables } from '../../src/store/table-client-factory';

export interface TestUser extends DirectoryUser {
  roles: BodyRole[];
}

export interface TestBody {
  body: Body;
  users: Record<'head' | 'secretary' | 'member' | 'observer', TestUser>;
  outsider: DirectoryUser;
}

/** The local host (same route table as production) over the test run's Azurite. */
export async function startTestHost(): Promise<DevHost> {
  return startDevHost({
    port: 0,
    storage: { kind: 'external', connectionString: inject('storageConnection') },
    seedDemoData: false,
    quiet: true,
    tabsDir: '/nonexistent',
  });
}

/** A fresh tenant with one body and people in each role, so tests never share state. */
export async function createTestBody(): Promise<TestBody> {
  const tenantId = randomUUID();
  const body: Body = {
    tenantId,
    unitId: 'ubnd-xa-test',
    unitName: 'UBND xã Thử Nghiệm',
    id: `bcd-${randomUUID().slice(0, 8)}`,
    kind: 'steeringCommittee',
    name: 'Ban Chỉ đạo thực hiện dân chủ ở cơ sở xã Thử Nghiệm',
  };
  const person = (displayName: string, title: string, roles: BodyRole[]): TestUser => ({
    tenantId,
    userId: randomUUID(),
    displayName,
    title,
    email: `${randomUUID().slice(0, 6)}@example.gov.vn`,
    roles,
  });
  const users = {
    head: person('Trần Văn Minh', 'Chủ tịch UBND xã', ['head']),
    secretary: person('Phạm Thị Thu', 'Công chức Văn phòng - Thống kê', ['secretary']),
    member: person('Lê Văn Nam', 'Chủ tịch Hội Nông dân xã', ['member']),
    observer: person('Ngô Thị Hạnh', 'Trưởng thôn', ['observer']),
  };
  const bodies = new TableBodyRepository(connectionStringTables(inject('storageConnection')));
  await createBody(bodies, body, Object.values(users), new Date());
  const { roles: _roles, ...outsiderBase } = person('Đỗ Văn Khoa', 'Viên chức', []);
  return { body, users, outsider: outsiderBase };
}

export interface Api {
  (
    path: string,
    init?: {
      method?: string;
      body?: unknown;
      token?: string | null;
      headers?: Record<string, string>;
    },
  ): Promise<{
    status: number;
    json: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- response shapes vary per route
    headers: Headers;
  }>;
}

/** Calls the API over real HTTP, signed in as `user` unless a token is given explicitly. */
export function apiAs(host: DevHost, user: DirectoryUser | null): Api {
  return async (path, init = {}) => {
    const token =
      init.token !== undefined ? init.token : user ? await host.devIssuer.issueToken(user) : null;
    const headers: Record<string, string> = { ...init.headers };
    if (token) headers.authorization = `Bearer ${token}`;
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${host.baseUrl}${path}`, {
      method: init.method ?? 'GET',
      headers,
      body:
        init.body === undefined
          ? undefined
          : typeof init.body === 'string'
            ? init.body
            : JSON.stringify(init.body),
    });
    const text = await response.text();
    return {
      status: response.status,
      json: text ? JSON.parse(text) : null,
      headers: response.headers,
    };
  };
}

export function meetingInput(users: TestBody['users'], overrides: Record<string, unknown> = {}) {
  return {
    kind: 'steeringRegular',
    title: 'Họp Ban Chỉ đạo tháng 12',
    startsAt: '2026-12-15T08:00:00+07:00',
    endsAt: '2026-12-15T11:00:00+07:00',
    location: 'Hội trường UBND xã',
    chairId: users.head.userId,
    secretaryId: users.secretary.userId,
    agenda: [
      { title: 'Đánh giá kết quả thực hiện dân chủ ở cơ sở', durationMinutes: 30 },
      { title: 'Phân công nhiệm vụ', presenterId: users.head.userId },
    ],
    ...overrides,
  };
}
