import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DevHost } from '../src/dev/host';
import {
  apiAs,
  createTestBody,
  meetingInput,
  startTestHost,
  type TestBody,
} from './support/api-harness';

let host: DevHost;
let fixture: TestBody;

beforeAll(async () => {
  host = await startTestHost();
  fixture = await createTestBody();
});
afterAll(async () => {
  await host?.stop();
});

/** What bench/ measures for speed, checked here for correctness: nothing lost, nothing doubled. */
describe('a burst of concurrent writes', () => {
  it('stores every one of 40 concurrent meetings exactly once, each with one audit event', async () => {
    const api = apiAs(host, fixture.users.secretary);
    const path = `/api/bodies/${fixture.body.id}/meetings`;
    const created = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        api(path, {
          method: 'POST',
          body: meetingInput(fixture.users, { title: `Cuộc họp ${i}` }),
        }),
      ),
    );
    expect(created.every((response) => response.status === 201)).toBe(true);
    const ids = created.map((response) => response.json.meeting.id as string);
    expect(new Set(ids).size).toBe(40);

    const listed = await api(path);
    expect(listed.json.meetings.map((m: { id: string }) => m.id).sort()).toEqual([...ids].sort());
    const audits = await Promise.all(
      ids.slice(0, 10).map((id) => apiAs(host, fixture.users.head)(`${path}/${id}/audit`)),
    );
    for (const audit of audits) {
      expect(audit.json.events).toHaveLength(1);
      expect(audit.json.verified).toBe(true);
    }
  });
});
