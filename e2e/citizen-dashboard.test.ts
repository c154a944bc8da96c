import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_BODY, DEMO_MEMBERS } from '../functions/src/dev/demo-data';
import { apiAs } from './support/api';
import { expectAccessible } from './support/axe';
import { startSuite, type Suite } from './support/suite';
import { pageText, signIn, words } from './support/tab-ui';

const vi = words('vi');
const { head, womenUnionChair: lan } = DEMO_MEMBERS;
const CITIZEN = 'Nông Văn Khải';
const SUMMARY = 'Phản ánh việc đổ phế thải xây dựng ra mương thủy lợi thôn Bản Trang';

let suite: Suite;
beforeAll(async () => {
  suite = await startSuite();
});
afterAll(async () => {
  await suite?.stop();
});

/** yyyy-MM-dd in Vietnam time, `days` from today. */
function day(days: number): string {
  return new Date(Date.now() + 7 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

function dashboardArea(page: Page, title: string) {
  return page.getByRole('list', { name: title, exact: true });
}

describe('the channel dashboard: what is due and late for the Front and citizens', () => {
  it('shows overdue and due-soon counts from the API, late first, each linking to its list', async () => {
    const api = apiAs(suite.baseUrl, head);
    const bodyPath = `/api/bodies/${DEMO_BODY.id}`;
    const consultation = await api<{ consultation: { id: string } }>(`${bodyPath}/consultations`, {
      method: 'POST',
      body: {
        kind: 'supervision',
        title: 'Giám sát việc công khai thu, chi ngân sách xã năm 2026',
        documentTitle: 'Báo cáo công khai ngân sách xã',
        frontName: 'Ủy ban MTTQ Việt Nam xã Chi Lăng',
      },
    });
    expect(consultation.status).toBe(201);
    const id = consultation.json.consultation.id;
    const sent = await api(`${bodyPath}/consultations/${id}/send`, {
      method: 'POST',
      body: { version: 1, sentOn: day(-61) },
    });
    expect(sent.status).toBe(200);
    // 30 days to answer (the unit default): received 60 days ago is overdue, 27 days ago due soon.
    for (const receivedOn of [day(-60), day(-27)]) {
      const added = await api(`${bodyPath}/consultations/${id}/recommendations`, {
        method: 'POST',
        body: { text: 'Đề nghị niêm yết công khai quyết toán ngân sách tại các thôn', receivedOn },
      });
      expect(added.status).toBe(201);
    }
    // A feedback received 30 days ago is past its 10-working-day acceptance limit.
    const intake = await api(`${bodyPath}/cases`, {
      method: 'POST',
      body: {
        kind: 'feedback',
        summary: SUMMARY,
        receivedOn: day(-30),
        citizen: { fullName: CITIZEN },
      },
    });
    expect(intake.status).toBe(201);
    const disclosure = await api(`${bodyPath}/disclosures`, {
      method: 'POST',
      body: {
        title: 'Công khai kế hoạch sử dụng đất năm 2027',
        channels: ['headquarters'],
        startOn: day(3),
      },
    });
    expect(disclosure.status).toBe(201);

    // A plain member: sees the counts, never the case.
    const page = await suite.newPage();
    await signIn(page, lan);
    await page.getByRole('heading', { level: 1, name: DEMO_BODY.name }).waitFor();

    const front = dashboardArea(page, vi('front.title'));
    const frontTiles = front.getByRole('link');
    await frontTiles.first().waitFor();
    // Late first, in words (not colour alone).
    await expect
      .poll(() => frontTiles.allInnerTexts().then((all) => all.map((t) => t.replace(/\s+/g, ' '))))
      .toEqual([
        `⚠ 1 ${vi('citizens.rec.overdue')}`,
        `1 ${vi('citizens.rec.dueSoon')}`,
        `2 ${vi('citizens.rec.open')}`,
      ]);
    const cases = dashboardArea(page, vi('cases.title'));
    await cases
      .getByRole('link', { name: `1 ${vi('citizens.case.overdue')}`, exact: true })
      .waitFor();
    await cases
      .getByRole('link', { name: `0 ${vi('citizens.case.dueSoon')}`, exact: true })
      .waitFor();
    const disclosures = dashboardArea(page, vi('disclosure.title'));
    await disclosures
      .getByRole('link', { name: `1 ${vi('citizens.disclosure.startDueSoon')}`, exact: true })
      .waitFor();
    await disclosures
      .getByRole('link', { name: `0 ${vi('citizens.disclosure.startOverdue')}`, exact: true })
      .waitFor();

    await expectAccessible(page, 'dashboard with due and late counts');
    const text = await pageText(page);
    expect(text).not.toContain(CITIZEN);
    expect(text).not.toContain(SUMMARY);

    // The overdue count opens the list behind it.
    await front.getByRole('link', { name: `1 ${vi('citizens.rec.overdue')}`, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: vi('front.title') }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/bodies/${DEMO_BODY.id}/consultations`);
    await page.goBack();
    await cases
      .getByRole('link', { name: `1 ${vi('citizens.case.overdue')}`, exact: true })
      .click();
    await page.getByRole('heading', { level: 1, name: vi('cases.title') }).waitFor();
    // The cases page lists only what the viewer may see: a plain member who did not record it.
    expect(await pageText(page)).not.toContain(SUMMARY);
  });

  it('fits a 360 px side panel without scrolling sideways', async () => {
    // A member of one body: with two bodies the header's body picker is wider than 360 px (the
    // dashboard header's layout, outside this section).
    const page = await suite.newPage({ viewport: { width: 360, height: 800 } });
    await signIn(page, lan);
    const tiles = dashboardArea(page, vi('front.title'));
    await tiles.getByRole('link').first().waitFor();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    const box = await tiles.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(360);
  });
});
