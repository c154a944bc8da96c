import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CONFERENCE_BODY, DEMO_MEMBERS } from '../functions/src/dev/demo-data';
import { reportPaths } from '../tabs/src/reports/report-routes';
import { startSuite, type Suite } from './support/suite';
import { pageText, signIn, words } from './support/tab-ui';

const vi = words('vi');

let suite: Suite;
beforeAll(async () => {
  suite = await startSuite();
});
afterAll(async () => {
  await suite?.stop();
});

/** The history's year (functions/src/dev/demo-history.ts): the latest whose September has ended. */
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
const YEAR = Number(today.slice(0, 4)) - (today.slice(5) >= '10-01' ? 0 : 1);

describe('the demo history in the report tab', () => {
  it("shows the staff conference's year with its resolution review (Art. 52(3)) held on time", async () => {
    const page = await suite.newPage();
    await signIn(page, DEMO_MEMBERS.head);
    await page.goto(reportPaths.reports(DEMO_CONFERENCE_BODY.id));
    await page.getByRole('heading', { level: 1, name: vi('report.title') }).waitFor();
    await page.getByRole('radio', { name: vi('report.period.year') }).check();
    await page.getByRole('textbox', { name: vi('report.period.yearLabel') }).fill(String(YEAR));
    await page.getByRole('button', { name: vi('report.generate') }).click();

    const review = page.getByRole('region', { name: vi('report.resolutionReview.title') });
    await review.getByText(vi('report.resolutionReview.onTime')).waitFor();
    const reviewTitle = `Hội nghị sơ kết 6 tháng thực hiện Nghị quyết Hội nghị cán bộ, công chức năm ${YEAR}`;
    await review.getByRole('link', { name: reviewTitle }).click();
    await page.getByRole('heading', { level: 1, name: reviewTitle }).waitFor();
    expect(await pageText(page)).not.toContain(vi('report.resolutionReview.notHeld'));
  });
});
