import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import type { AxeResults, ImpactValue, RunOptions } from 'axe-core';

const require = createRequire(import.meta.url);
/** Read once: axe.min.js is ~550 kB, injected as a script into each page checked. */
let source: string | undefined;
const axeSource = () => (source ??= fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));

export interface AxeViolation {
  id: string;
  impact: ImpactValue | null | undefined;
  help: string;
  /** CSS selectors and axe's summary of each failing node, enough to find it. */
  nodes: { target: string; summary: string }[];
}

/**
 * Runs axe-core in the page (WCAG 2.x A/AA rules) and returns the violations at or above
 * `minImpact` (default: serious). Usage in an e2e test:
 *   expect(await axeViolations(page)).toEqual([]);
 * `exclude` takes CSS selectors left out of the check (say why next to the call).
 */
export async function axeViolations(page: Page, opts: { minImpact?: 'minor' | 'moderate' | 'serious' | 'critical'; exclude?: string[]; include?: string } = {}): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol rather than a <script> tag, so a strict CSP
  // (no inline scripts) doesn't block it.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource());
  const runOptions: RunOptions = { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] };
  const context = { include: opts.include ? [opts.include] : [['html']], exclude: (opts.exclude ?? []).map((s) => [s]) };
  const results = await page.evaluate(
    ([ctx, options]) => (window as unknown as { axe: { run(c: unknown, o: unknown): Promise<AxeResults> } }).axe.run(ctx, options),
    [context, runOptions] as const,
  );
  const order: ImpactValue[] = ['minor', 'moderate', 'serious', 'critical'];
  const min = order.indexOf(opts.minImpact ?? 'serious');
  return results.violations
    .filter((v) => order.indexOf(v.impact ?? 'minor') >= min)
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target.join(' '), summary: n.failureSummary ?? '' })) }));
}
