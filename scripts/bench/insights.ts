/**
 * `insights_compute`: the Insights page's own aggregation over the cached rows, as its worker
 * times it (`data-compute-ms` of the status line; IndexedDB read, filtering and the Cost view's
 * sums excluded, the latter reported apart), read once the complete (non-partial) result of
 * the page's first query is shown. Its floor: `insightsFloor` (one plain pass over the same
 * rows, utils/insights/bench.ts) on the cached rows, read with raw IndexedDB in the same page
 * after the result is shown. For comparison, the same figures of a query the worker answers
 * again later (another date window, then all time), once its code has run before, are
 * reported too.
 */

import type { Page } from 'playwright-core';
import { insightsFloor } from '../../utils/insights/bench';
import type { BenchBrowser } from './browser';
import { HELPERS } from './in-browser';
import type { Sample } from './report';

const STATUS = '[data-testid=insights-status]';

/** The floor's passes are repeated for at least this long (a single pass at 1,000 rows takes
 * microseconds, below the page clock's resolution); the floor is the mean pass. */
const FLOOR_MIN_MS = 50;
const FLOOR_MIN_PASSES = 5;

interface FloorTiming {
  rows: number;
  /** The first pass alone (cold). */
  firstMs: number;
  /** Mean of the repeated passes after the first. */
  ms: number;
  passes: number;
  checksum: number;
}

/**
 * Source evaluated in the page (an expression: the extension's CSP forbids eval, CDP does not):
 * `insightsFloor` itself, so the floor is the function the project names for it.
 */
const FLOOR_SCRIPT = `(async () => {
  const floor = ${insightsFloor.toString()};
  const rows = await globalThis.__benchReadRows();
  let started = performance.now();
  let checksum = floor(rows);
  const firstMs = performance.now() - started;
  let passes = 0;
  let elapsed = 0;
  started = performance.now();
  while (passes < ${FLOOR_MIN_PASSES} || elapsed < ${FLOOR_MIN_MS}) {
    checksum += floor(rows);
    passes++;
    elapsed = performance.now() - started;
  }
  return { rows: rows.length, firstMs, ms: elapsed / passes, passes, checksum };
})()`;

export async function measureInsights(
  browser: BenchBrowser,
  cached: number,
  timeoutMs: number,
): Promise<{ sample: Sample; info: Record<string, unknown> }> {
  const url = `chrome-extension://${browser.extensionId}/insights.html`;
  const page = await browser.context.newPage();
  try {
    await page.addInitScript(HELPERS);
    const opened = performance.now();
    await page.goto(url);
    const complete = page.locator(`${STATUS}[data-partial="false"]`);
    await complete.waitFor({ state: 'attached', timeout: timeoutMs });
    const shownMs = performance.now() - opened;
    const status = await complete.evaluate((el) => ({
      data: { ...(el as HTMLElement).dataset },
      text: el.textContent ?? '',
    }));
    const num = (key: string) => {
      const value = Number(status.data[key]);
      return Number.isFinite(value) ? value : null;
    };
    const computeMs = num('computeMs');
    const count = num('count');
    const floor = (await page.evaluate(FLOOR_SCRIPT)) as FloorTiming;
    const again = await queryAgain(page, timeoutMs);

    const notes: string[] = [];
    if (count !== cached) notes.push(`the default view aggregated ${count} of ${cached} rows`);
    if (floor.rows !== cached) notes.push(`the floor read ${floor.rows} of ${cached} rows`);
    if (!status.text.includes('in a worker')) notes.push('computed on the page, not in a worker');
    return {
      sample: {
        value: computeMs,
        floor: floor.ms,
        ...(notes.length > 0 ? { note: notes.join('; ') } : {}),
      },
      info: {
        computeMs,
        costMs: num('costMs'),
        filterMs: num('filterMs'),
        readMs: num('readMs'),
        // Deriving the column store, once per data change (utils/insights/columns.ts).
        prepareMs: num('prepareMs'),
        detailsMs: num('detailsMs'),
        count,
        status: status.text.trim(),
        openToCompleteMs: shownMs,
        floor,
        again,
      },
    };
  } finally {
    await page.close();
  }
}

/** Picks each date window of the page's filter bar in turn; the status line's figures after each. */
async function queryAgain(page: Page, timeoutMs: number): Promise<Record<string, unknown>[]> {
  const figures: Record<string, unknown>[] = [];
  for (const window of ['30d', 'all']) {
    const before = await page.locator(STATUS).evaluate((el) => (el as HTMLElement).dataset.seq);
    const select = page
      .locator('select')
      .filter({ has: page.locator(`option[value="${window}"]`) });
    await select.first().selectOption(window);
    await page.waitForFunction(
      ([selector, previous]) => {
        const el = document.querySelector<HTMLElement>(selector as string);
        return el?.dataset.partial === 'false' && el.dataset.seq !== previous;
      },
      [STATUS, before],
      { timeout: timeoutMs },
    );
    const data = await page.locator(STATUS).evaluate((el) => ({ ...(el as HTMLElement).dataset }));
    figures.push({
      window,
      count: Number(data.count),
      filterMs: Number(data.filterMs),
      computeMs: Number(data.computeMs),
      costMs: Number(data.costMs),
    });
  }
  return figures;
}
