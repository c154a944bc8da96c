import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults, Result, RunOptions } from 'axe-core';
import type { Frame, Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

/** The impacts that fail a test: what stops or seriously hinders someone using assistive technology. */
const FAILING = new Set(['serious', 'critical']);

/**
 * Rules switched off everywhere, each with why. Keep this short: a rule belongs here only when the
 * finding is about something we do not control, never to hide a fault in our markup.
 */
const ALLOWED: Readonly<Record<string, string>> = {};

export interface AxeOptions {
  /** Rule ids to ignore on this page state only, each with the reason (shown in the test source). */
  allow?: Readonly<Record<string, string>>;
}

/**
 * Runs axe-core in the page (or a frame) as it is now and throws, listing each rule and element, if
 * any serious or critical violation is found. Call it once the state under test has rendered.
 */
export async function expectAccessible(
  target: Page | Frame,
  label: string,
  options: AxeOptions = {},
): Promise<void> {
  const injected = await target.evaluate(() => 'axe' in window);
  if (!injected) await target.addScriptTag({ content: AXE_SOURCE });
  // Colours change with CSS transitions (a theme switch, a hover): judge contrast once they end.
  await target.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((animation) => animation instanceof CSSTransition)
        .map((animation) => animation.finished.catch(() => undefined)),
    ),
  );
  const ignored = Object.keys({ ...ALLOWED, ...options.allow });
  const violations = await target.evaluate(async (disabled) => {
    const axe = (
      window as unknown as {
        axe: { run(context: Document, options: RunOptions): Promise<AxeResults> };
      }
    ).axe;
    const rules = Object.fromEntries(disabled.map((id) => [id, { enabled: false }]));
    const results = await axe.run(document, { resultTypes: ['violations'], rules });
    return results.violations;
  }, ignored);
  const failing = violations.filter((violation) => FAILING.has(violation.impact ?? ''));
  if (failing.length > 0) {
    throw new Error(`Accessibility violations on ${label}:\n${failing.map(describe).join('\n')}`);
  }
}

function describe(violation: Result): string {
  const nodes = violation.nodes
    .slice(0, 5)
    .map((node) => `    ${node.target.join(' ')}: ${node.failureSummary?.replace(/\n/g, ' ')}`)
    .join('\n');
  return `  [${violation.impact}] ${violation.id}: ${violation.help} (${violation.nodes.length})\n${nodes}`;
}
