import { formatDate } from '@qcdc/core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_BODY, DEMO_MEMBERS } from '../functions/src/dev/demo-data';
import type { ConsultationDetail } from '../tabs/src/api/front-api';
import { frontPaths } from '../tabs/src/front/front-routes';
import { apiAs } from './support/api';
import { expectAccessible } from './support/axe';
import { startSuite, type Suite } from './support/suite';
import { signIn, words } from './support/tab-ui';

const ARTIFACTS = new URL('./artifacts/', import.meta.url).pathname;
const vi = words('vi');
const { head, womenUnionChair: lan, frontChair: binh } = DEMO_MEMBERS;
type Person = (typeof DEMO_MEMBERS)[keyof typeof DEMO_MEMBERS];

let suite: Suite;
beforeAll(async () => {
  suite = await startSuite();
});
afterAll(async () => {
  await suite?.stop();
});

async function signedIn(person: Person): Promise<Page> {
  const page = await suite.newPage();
  await signIn(page, person);
  return page;
}

/** dd/MM/yyyy, Vietnam time, `days` from now. */
function vietnamDateAhead(days: number): string {
  return formatDate(new Date(Date.now() + days * 86_400_000).toISOString());
}

function recommendation(page: Page, number: number) {
  return page.getByRole('listitem', { name: vi('recommendation.number', { number }), exact: true });
}

describe('Front consultations in Chromium against the local suite', () => {
  const title = 'Phản biện dự thảo Quy chế thực hiện dân chủ ở cơ sở xã Chi Lăng năm 2027';
  const documentTitle = 'Dự thảo Quy chế thực hiện dân chủ ở cơ sở (lần 2)';
  const first = 'Bổ sung quy định công khai dự toán ngân sách xã tại nhà văn hóa các thôn.';
  const second = 'Làm rõ trách nhiệm tổ chức hội nghị đối thoại với nhân dân hằng năm.';
  const answer = 'Tiếp thu: bổ sung Điều 5 về niêm yết công khai dự toán tại nhà văn hóa thôn.';
  let consultationPath = '';

  it('lets the head create a consultation, send it late and record two recommendations', async () => {
    const page = await signedIn(head);
    await page.getByRole('heading', { level: 1, name: DEMO_BODY.name }).waitFor();
    await page.getByRole('link', { name: vi('front.title'), exact: true }).click();
    await page.getByRole('heading', { level: 1, name: vi('front.title') }).waitFor();
    await page.getByText(vi('consultation.none')).waitFor();
    await page.getByRole('button', { name: vi('consultation.create') }).click();
    await page.getByLabel(vi('consultation.kind')).selectOption('socialCritique');
    await page.getByLabel(vi('consultation.title')).fill(title);
    await page.getByLabel(vi('consultation.documentTitle')).fill(documentTitle);
    // Submitted in 10 days: the draft should have gone at least 15 days before, so sending is late.
    await page.getByLabel(vi('consultation.referenceOn')).fill(vietnamDateAhead(10));
    await page.getByRole('button', { name: vi('consultation.createSubmit'), exact: true }).click();

    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    consultationPath = new URL(page.url()).pathname;
    await page.getByText(vi('recommendation.notSent')).waitFor();
    await page.getByRole('button', { name: vi('consultation.send') }).click();
    await page.getByText(vi('consultationStatus.sent'), { exact: true }).waitFor();
    await page.getByText(vi('consultation.sendLate', { date: vietnamDateAhead(-5) })).waitFor();
    expect(await page.getByText(documentTitle).count()).toBeGreaterThan(0);

    // Wait for each in the list, not anywhere: a controlled textarea carries its typed text as its
    // text content too, so a page-wide match would not wait for the add (and typing the next one
    // while the first is still saving would be wiped when that save clears the form).
    const list = page.getByRole('list', { name: vi('recommendation.list') });
    for (const text of [first, second]) {
      await page.getByLabel(vi('recommendation.newText')).fill(text);
      await page.getByRole('button', { name: vi('recommendation.add') }).click();
      await list.getByText(text).waitFor();
    }
    const one = recommendation(page, 1);
    await one.getByLabel(vi('recommendation.owner')).selectOption(lan.userId);
    await one.getByRole('button', { name: vi('recommendation.assign') }).click();
    await one.getByText(vi('recommendationStatus.assigned'), { exact: true }).waitFor();
    const two = recommendation(page, 2);
    await two.getByLabel(vi('recommendation.owner')).selectOption(binh.userId);
    await two.getByRole('button', { name: vi('recommendation.assign') }).click();
    await two.getByText(vi('recommendationStatus.assigned'), { exact: true }).waitFor();
    const deadline = formatDate(new Date(Date.now() + 30 * 86_400_000).toISOString());
    expect(await one.innerText()).toContain(lan.displayName);
    expect(await one.innerText()).toMatch(/Hạn trả lời \d{2}\/\d{2}\/\d{4}/);
    expect(deadline).toMatch(/\d{2}\/\d{2}\/\d{4}/);
    await expectAccessible(page, 'front-consultation-assigned-vi');
    await page.screenshot({
      path: `${ARTIFACTS}front-consultation-assigned-vi.png`,
      fullPage: true,
    });
  });

  it('lets the owner draft an answer, and only the owner', async () => {
    expect(consultationPath).not.toBe('');
    const page = await signedIn(lan);
    await page.goto(consultationPath);
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    const one = recommendation(page, 1);
    const two = recommendation(page, 2);
    // The second is Bình's: no answer form for Lan there, and no assigning for a member.
    expect(await two.getByLabel(vi('recommendation.responseText')).count()).toBe(0);
    expect(await one.getByLabel(vi('recommendation.owner')).count()).toBe(0);
    await one.getByLabel(vi('recommendation.responseKind')).selectOption('accepted');
    await one.getByLabel(vi('recommendation.responseText')).fill(answer);
    await one.getByRole('button', { name: vi('recommendation.draftSubmit') }).click();
    await one.getByText(vi('recommendationStatus.responseDrafted'), { exact: true }).waitFor();
    expect(await one.innerText()).toContain(answer);
    expect(await page.getByRole('button', { name: vi('recommendation.approve') }).count()).toBe(0);
  });

  it('lets the head approve; the view shows one answered and one assigned', async () => {
    const page = await signedIn(head);
    await page.goto(consultationPath);
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    const one = recommendation(page, 1);
    await one.getByRole('button', { name: vi('recommendation.approve') }).click();
    await one.getByText(vi('recommendationStatus.responded'), { exact: true }).waitFor();
    const oneText = await one.innerText();
    expect(oneText).toContain(vi('responseKind.accepted'));
    expect(oneText).toContain(answer);
    expect(oneText).toContain(vi('recommendation.onTime'));
    const twoText = await recommendation(page, 2).innerText();
    expect(twoText).toContain(vi('recommendationStatus.assigned'));
    expect(twoText).toContain(binh.displayName);
    await page.getByText(vi('consultation.responded', { responded: 1, total: 2 })).waitFor();
    await expectAccessible(page, 'front-consultation-answered-vi');
    await page.screenshot({
      path: `${ARTIFACTS}front-consultation-answered-vi.png`,
      fullPage: true,
    });

    // The stored state agrees with the screen.
    const [bodyId, , id] = consultationPath.split('/').slice(2);
    expect(bodyId).toBe(DEMO_BODY.id);
    const { json } = await apiAs(
      suite.baseUrl,
      head,
    )<ConsultationDetail>(`/api${frontPaths.consultation(DEMO_BODY.id, id!)}`);
    expect(json.consultation.sendCheck?.late).toBe(true);
    expect(json.recommendations.map((r) => r.status)).toEqual(['responded', 'assigned']);

    // The list shows progress and the late send.
    await page.getByRole('link', { name: vi('consultation.backToList') }).click();
    const row = page.getByRole('row').filter({ hasText: title });
    await row.waitFor();
    expect(await row.innerText()).toContain(vi('consultation.sentLate'));
    expect(await row.innerText()).toContain(
      vi('consultation.responded', { responded: 1, total: 2 }),
    );
  });
});
