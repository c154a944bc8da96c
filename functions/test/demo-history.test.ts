import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BodyReview, CitizenDashboard } from '@qcdc/core';
import { DEMO_BODY, DEMO_CONFERENCE_BODY, DEMO_MEMBERS } from '../src/dev/demo-data';
import { startDevHost, type DevHost } from '../src/dev/host';
import { apiAs } from './support/api-harness';

/*
 * The demo's past year (functions/src/dev/demo-history.ts) as the API reports it: what a newcomer
 * sees after `npm start`. The history's year is the latest whose September has ended.
 */
let host: DevHost;
beforeAll(async () => {
  host = await startDevHost({
    port: 0,
    storage: { kind: 'memory' },
    seedDemoData: true,
    quiet: true,
    tabsDir: '/nonexistent',
  });
}, 60_000);
afterAll(async () => {
  await host?.stop();
});

const vietnamToday = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
const year =
  vietnamToday.slice(5) >= '10-01'
    ? Number(vietnamToday.slice(0, 4))
    : Number(vietnamToday.slice(0, 4)) - 1;

describe('the demo history on the staff conference body', () => {
  it('gives the year review its meetings, votes, tasks, Front answers and disclosure', async () => {
    const head = apiAs(host, DEMO_MEMBERS.head);
    const answer = await head(
      `/api/bodies/${DEMO_CONFERENCE_BODY.id}/reports/review?preset=year&year=${year}`,
    );
    expect(answer.status).toBe(200);
    const { figures } = (answer.json as { review: BodyReview }).review;
    expect(figures.meetings.held.count).toBe(2);
    expect(figures.meetings.minutesApproved.count).toBe(2);
    expect(figures.votes).toMatchObject({
      available: true,
      motions: { count: 4 },
      adopted: { count: 3 },
      rejected: { count: 1 },
    });
    expect(figures.assignments).toMatchObject({
      total: { count: 4 },
      done: { count: 3 },
      onTime: { count: 2 },
      late: { count: 1 },
      overdue: { count: 1 },
    });
    // Held on 20 March (Art. 51) and reviewed on 25 September (Art. 52(3)): both on time.
    expect(figures.staffConference).toMatchObject({ workYear: year - 1, status: 'onTime' });
    expect(figures.staffConference?.resolutionReviews).toEqual([
      expect.objectContaining({ conferenceYear: year, status: 'onTime', dueBy: `${year}-09-30` }),
    ]);
    expect(figures.citizens.front).toMatchObject({
      answered: { count: 2 },
      answeredOnTime: { count: 1 },
      answeredLate: { count: 1 },
    });
    expect(figures.citizens.disclosures).toMatchObject({ made: { count: 1 } });
  });

  it('shows the open recommendation on the conference dashboard and leaves the steering committee empty', async () => {
    const head = apiAs(host, DEMO_MEMBERS.head);
    const dashboard = async (bodyId: string) =>
      (
        (await head(`/api/bodies/${bodyId}/citizen-dashboard`)).json as {
          dashboard: CitizenDashboard;
        }
      ).dashboard;
    expect((await dashboard(DEMO_CONFERENCE_BODY.id)).recommendations).toMatchObject({
      open: 1,
      overdue: 0,
      answeredLate: 1,
    });
    expect((await dashboard(DEMO_BODY.id)).recommendations).toMatchObject({ open: 0 });
    const meetings = await head(`/api/bodies/${DEMO_BODY.id}/meetings`);
    expect((meetings.json as { meetings: unknown[] }).meetings).toHaveLength(1);
    const assignments = await head(`/api/bodies/${DEMO_BODY.id}/assignments`);
    expect(assignments.status).toBe(200);
    expect(JSON.stringify(assignments.json)).not.toContain(DEMO_CONFERENCE_BODY.id);
  });
});
