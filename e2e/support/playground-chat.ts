import type { Locator, Page } from 'playwright-core';
import type { Playground } from '../../functions/src/dev/playground';

/** The Agents Playground's web chat as a person uses it, in a Playwright page. */
export interface PlaygroundChat {
  /** The rendered Adaptive Cards whose heading is `heading`, oldest first. */
  cards(heading: string): Locator;
  /** Types into the compose box and sends. */
  say(text: string): Promise<void>;
  /** Waits for the last of `locator` to show; fails with the playground's log when it does not. */
  expectVisible(locator: Locator, what: string, timeoutMs?: number): Promise<void>;
}

export function playgroundChat(page: Page, playground: Playground): PlaygroundChat {
  return {
    // Cards are rendered by the playground's Adaptive Cards renderer; our heading is a TextBlock
    // with style "heading", which it renders with the heading role.
    cards: (heading) =>
      page
        .locator('.ac-adaptiveCard')
        .filter({ has: page.getByRole('heading', { name: heading, exact: true }) }),
    say: async (text) => {
      // The compose box is a Lexical editor: typed like a person, Enter sends.
      const box = page.locator('[data-lexical-editor="true"][role="textbox"]');
      await box.click();
      await page.keyboard.type(text);
      await page.keyboard.press('Enter');
    },
    expectVisible: async (locator, what, timeoutMs = 30_000) => {
      try {
        await locator.last().waitFor({ state: 'visible', timeout: timeoutMs });
      } catch (error) {
        throw new Error(
          `${what} did not render in the playground.\nPlayground log:\n${(await playground.log()).slice(-4000)}`,
          { cause: error },
        );
      }
    },
  };
}
