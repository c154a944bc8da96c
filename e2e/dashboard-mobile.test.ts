import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_BODY, DEMO_CONFERENCE_BODY, DEMO_MEMBERS } from '../functions/src/dev/demo-data';
import { startSuite, type Suite } from './support/suite';
import { signIn, words } from './support/tab-ui';

const ARTIFACTS = new URL('./artifacts/', import.meta.url).pathname;
const vi = words('vi');

let suite: Suite;
beforeAll(async () => {
  suite = await startSuite();
});
afterAll(async () => {
  await suite?.stop();
});

describe('the dashboard on a phone (360 px)', () => {
  it('fits the head, who is in two bodies, without scrolling sideways', async () => {
    const page = await suite.newPage({ viewport: { width: 360, height: 800 } });
    await signIn(page, DEMO_MEMBERS.head);
    await page.getByRole('heading', { level: 1, name: DEMO_BODY.name }).waitFor();
    // The header's widest parts for someone in two bodies: the body picker and the action buttons.
    const picker = page.getByRole('combobox', { name: vi('dashboard.body') });
    await picker.waitFor();
    await page.getByRole('button', { name: vi('dashboard.createMeeting') }).waitFor();
    // Every section in (assignments, meetings, members, the lazy ones): the width they end up at.
    await page.waitForLoadState('networkidle');
    expect(await picker.locator('option').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining(DEMO_CONFERENCE_BODY.name)]),
    );

    await page.screenshot({ path: `${ARTIFACTS}dashboard-360-two-bodies.png` });
    const width = () => page.evaluate(() => document.documentElement.scrollWidth);
    expect(await width()).toBeLessThanOrEqual(360);
    const box = await picker.boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(360);

    // The other body's dashboard too (its own header, title and roles).
    await picker.selectOption({
      label: pickerLabel(await picker.locator('option').allTextContents()),
    });
    await page.getByRole('heading', { level: 1, name: DEMO_CONFERENCE_BODY.name }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(await width()).toBeLessThanOrEqual(360);
  });
});

function pickerLabel(options: readonly string[]): string {
  const label = options.find((text) => text.includes(DEMO_CONFERENCE_BODY.name));
  if (!label)
    throw new Error(`no option for ${DEMO_CONFERENCE_BODY.name} in ${options.join(' | ')}`);
  return label;
}
