import { TableClient } from '@azure/data-tables';
import {
  addCalendarDays,
  civilDateToIso,
  defaultPlanContext,
  nextReminderAfter,
  toVietnamDate,
  type CaseReminderPlanSubject,
} from '@qcdc/core';
import { inject } from 'vitest';
import { dueIndexKeys } from '../src/store/due-index-store';
import { TABLES } from '../src/store/table-names';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DevHost } from '../src/dev/host';
import { apiAs, createTestBody, startTestHost, type TestBody } from './support/api-harness';

let host: DevHost;
let fixture: TestBody;

beforeAll(async () => {
  host = await startTestHost();
  fixture = await createTestBody();
});
afterAll(async () => {
  await host?.stop();
});

/** The host runs on the real clock: dates are relative to today in Vietnam. */
const day = (offset: number) => civilDateToIso(addCalendarDays(toVietnamDate(new Date()), offset));
const CITIZEN = 'Hoàng Thị Lan';

describe('GET /api/bodies/{bodyId}/citizen-dashboard (Azurite)', () => {
  it('counts what is due soon and late, for any member, and never shows a case', async () => {
    const { head, member } = fixture.users;
    const api = apiAs(host, head);
    const bodyPath = `/api/bodies/${fixture.body.id}`;
    const empty = await apiAs(host, member)(`${bodyPath}/citizen-dashboard`);
    expect(empty.status).toBe(200);
    expect(empty.json.dashboard).toMatchObject({
      dueSoonDays: 7,
      recommendations: { open: 0, dueSoon: 0, overdue: 0, answeredLate: 0 },
      cases: { open: 0, dueSoon: 0, overdue: 0 },
      disclosures: { planned: 0, startDueSoon: 0, startOverdue: 0, posted: 0 },
    });

    const consultation = await api(`${bodyPath}/consultations`, {
      method: 'POST',
      body: {
        kind: 'supervision',
        title: 'Giám sát việc thực hiện dân chủ ở cơ sở',
        documentTitle: 'Báo cáo thực hiện dân chủ ở cơ sở',
        frontName: 'Ủy ban MTTQ Việt Nam xã Thử Nghiệm',
      },
    });
    const id = consultation.json.consultation.id;
    await api(`${bodyPath}/consultations/${id}/send`, {
      method: 'POST',
      body: { version: 1, sentOn: day(-61) },
    });
    // 30 days each (the unit default): received 60 days ago (overdue), 27 days ago (due within
    // the week, even if the last day rolls past a weekend), today (due in a month).
    for (const receivedOn of [day(-60), day(-27), day(0)]) {
      const added = await api(`${bodyPath}/consultations/${id}/recommendations`, {
        method: 'POST',
        body: { text: 'Đề nghị công khai kết quả giám sát', receivedOn },
      });
      expect(added.status).toBe(201);
    }
    // A feedback received 30 days ago is past its 10-working-day acceptance limit; one received
    // today is not due within the week (10 working days are at least 12 calendar days).
    for (const receivedOn of [day(-30), day(0)]) {
      const intake = await api(`${bodyPath}/cases`, {
        method: 'POST',
        body: {
          kind: 'feedback',
          summary: 'Phản ánh việc lấn chiếm hành lang giao thông',
          receivedOn,
          citizen: { fullName: CITIZEN },
        },
      });
      expect(intake.status).toBe(201);
    }
    for (const startOn of [day(3), day(30)]) {
      await api(`${bodyPath}/disclosures`, {
        method: 'POST',
        body: { title: 'Công khai kế hoạch sử dụng đất', channels: ['headquarters'], startOn },
      });
    }

    const seen = await apiAs(host, member)(`${bodyPath}/citizen-dashboard`);
    expect(seen.status).toBe(200);
    expect(seen.json.dashboard).toMatchObject({
      recommendations: { open: 3, dueSoon: 1, overdue: 1, answeredLate: 0 },
      cases: { open: 2, dueSoon: 0, overdue: 1 },
      disclosures: {
        planned: 2,
        startDueSoon: 1,
        startOverdue: 0,
        posted: 0,
        endingSoon: 0,
        periodOver: 0,
      },
    });
    // Counts only: no case number, name or content on the channel dashboard.
    const text = JSON.stringify(seen.json);
    expect(text).not.toContain('PA-');
    expect(text).not.toContain(CITIZEN);
    expect(text).not.toContain('lấn chiếm');

    const outsider = await apiAs(host, fixture.outsider)(`${bodyPath}/citizen-dashboard`);
    expect(outsider.status).toBe(403);
  });
});

describe('reminders through the production wiring (createServices)', () => {
  it('a case taken in over the API has its head reminded by number, with the row in the due index', async () => {
    const { head } = fixture.users;
    const bodyPath = `/api/bodies/${fixture.body.id}`;
    const intake = await apiAs(host, head)(`${bodyPath}/cases`, {
      method: 'POST',
      body: { kind: 'complaint', summary: 'Khiếu nại quyết định hành chính', instance: 'first' },
    });
    expect(intake.status).toBe(201);
    const c = intake.json.case;
    // What core plans for it: the head (no handler yet), the acceptance deadline in force.
    const subject: CaseReminderPlanSubject = {
      type: 'case',
      tenantId: fixture.body.tenantId,
      unitId: fixture.body.unitId,
      bodyId: fixture.body.id,
      id: c.id,
      caseKind: 'complaint',
      stage: 'acceptance',
      deadline: c.acceptance.deadline,
      active: true,
      label: { kind: 'case', number: c.number },
      workers: [head.userId],
      escalateTo: [],
      heads: [head.userId],
    };
    const next = nextReminderAfter(
      subject,
      head.userId,
      new Date().toISOString(),
      defaultPlanContext(),
    );
    expect(next).not.toBeNull();
    const index = TableClient.fromConnectionString(inject('storageConnection'), TABLES.dueIndex, {
      allowInsecureConnection: true,
    });
    const row = await index.getEntity<{ message: string; subject: string }>(
      dueIndexKeys.partition(next!.dueAt, next!.key),
      dueIndexKeys.row(next!.dueAt, next!.key),
    );
    expect(JSON.parse(row.message).subject).toEqual({ kind: 'case', number: c.number });
    expect(row.subject).not.toContain('Khiếu nại quyết định');
  });
});
