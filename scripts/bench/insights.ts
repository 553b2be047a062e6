/**
 * `insights_compute`: the Insights page's own aggregation over the cached rows, as its worker
 * times it (`data-compute-ms` of the status line, IndexedDB read and filtering excluded), read
 * once the complete (non-partial) result is shown. Its floor: `insightsFloor` (one plain pass
 * over the same rows, utils/insights/bench.ts) on the cached rows, read with raw
 * IndexedDB in the same page after the result is shown.
 */
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
        filterMs: num('filterMs'),
        readMs: num('readMs'),
        // Deriving the column store, once per data change (utils/insights/columns.ts).
        prepareMs: num('prepareMs'),
        detailsMs: num('detailsMs'),
        count,
        status: status.text.trim(),
        openToCompleteMs: shownMs,
        floor,
      },
    };
  } finally {
    await page.close();
  }
}
