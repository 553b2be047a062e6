/**
 * Runs axe-core inside an extension page and returns what a person using assistive technology
 * would be blocked by: violations of WCAG 2.x A/AA rules with impact serious or critical.
 * Extension pages forbid inline scripts (their CSP), so axe's source is evaluated in the page's
 * main world (playwright's evaluate) rather than added as a <script> tag.
 */
import axe from 'axe-core';

/**
 * What the check needs of a page: to evaluate a script, and a function with an argument, in
 * the page. Playwright's pages (Chromium) and puppeteer's (Firefox) both fit.
 */
interface EvaluatingPage {
  evaluate(script: string): Promise<unknown>;
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
}

/** The WCAG 2.0, 2.1 and 2.2 A and AA rule sets, as tagged by axe. */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  helpUrl: string;
  nodes: { target: string; summary: string }[];
}

/** Serious and critical WCAG A/AA violations on the page as it is now. */
async function seriousViolations(page: EvaluatingPage): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => 'axe' in window, null);
  if (!loaded) await page.evaluate(axe.source);
  return page.evaluate(async (tags) => {
    const runner = (window as unknown as { axe: AxeLike }).axe;
    const results = await runner.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
    });
    return results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({
        id: v.id,
        impact: v.impact ?? '',
        help: v.help,
        helpUrl: v.helpUrl,
        nodes: v.nodes.map((n) => ({
          target: n.target.join(' '),
          summary: n.failureSummary ?? '',
        })),
      }));
  }, WCAG_TAGS);
}

/** The part of axe's API this helper uses (its types are not imported into the page). */
interface AxeLike {
  run(
    context: Document,
    options: unknown,
  ): Promise<{
    violations: {
      id: string;
      impact?: string | null;
      help: string;
      helpUrl: string;
      nodes: { target: string[]; failureSummary?: string }[];
    }[];
  }>;
}

/** One line per failing element: rule, what it asks, where, and why — readable in a test failure. */
function describeViolations(where: string, violations: AxeViolation[]): string {
  if (violations.length === 0) return `${where}: no serious or critical violation`;
  const lines = violations.flatMap((v) => [
    `${where}: [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})`,
    ...v.nodes.map((n) => `    at ${n.target}\n      ${n.summary.replaceAll('\n', '\n      ')}`),
  ]);
  return lines.join('\n');
}

/** Fails with every violation listed when the page has any serious or critical one. */
export async function expectNoSeriousViolations(
  page: EvaluatingPage,
  where: string,
): Promise<void> {
  const violations = await seriousViolations(page);
  if (violations.length > 0) throw new Error(describeViolations(where, violations));
}
