import type { Locale } from '@qcdc/core';
import type { Page } from 'playwright-core';
import { translate, type MessageKey, type MessageParams } from '../../tabs/src';

/** The tab's own words, so tests find controls by the labels users see. */
export function words(locale: Locale) {
  return (key: MessageKey, params?: MessageParams) => translate(locale, key, params);
}

/** Opens the start page and signs in through the dev sign-in screen. */
export async function signIn(
  page: Page,
  user: { displayName: string },
  locale: Locale = 'vi',
): Promise<void> {
  const t = words(locale);
  await page.goto('/');
  await page.getByRole('heading', { level: 1, name: t('signIn.title') }).waitFor();
  await page.getByRole('button', { name: t('signIn.as', { name: user.displayName }) }).click();
  await page.getByText(t('header.signedInAs', { name: user.displayName })).waitFor();
}

/** Visible text of the page, for "is this shown" checks. */
export function pageText(page: Page): Promise<string> {
  return page.locator('body').innerText();
}
