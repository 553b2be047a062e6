/**
 * The huge-session phase (open_huge_session): the main-thread work of opening, in the full-tab
 * view, a session whose first message and original prompt are 1 MB and whose analysis has
 * texts of 64 KB, the most the extension keeps (utils/api/bounds.ts). Its floor: opening an
 * ordinary session the same way. Work is the renderer main thread's task time in CPU time (CDP
 * Performance metrics in thread ticks) from the click to the detail settling, after a full
 * garbage collection in the page (the list's read of every row leaves garbage behind).
 */
import type { Page } from 'playwright-core';
import { type BenchRun, logStep } from '../bench-run';
import { waitForBrowserIdle } from '../cpu';
import { HELPERS, syncNowMessage } from '../in-browser';
import { LIST_COMPLETE_SELECTOR, waitIdle, waitQuiet } from '../popup';

const MB = 1_048_576;
const ANALYSIS_TEXT = 65_536;

/** Ordinary prose, so layout does the work real text asks of it. */
function prose(length: number): string {
  const sentence = 'Refactor the payment retry loop so a failed charge is tried again later. ';
  return sentence.repeat(Math.ceil(length / sentence.length)).slice(0, length);
}

function hostileAnalysis() {
  const text = prose(ANALYSIS_TEXT);
  return {
    issues: Array.from({ length: 20 }, (_, i) => ({ issue: text, impact: 'high', label: `l${i}` })),
    action_items: Array.from({ length: 20 }, () => ({
      action_item: text,
      issue_id: null,
      type: 'x',
    })),
    timeline: Array.from({ length: 20 }, () => ({ title: 'Step', description: text })),
    suggested_prompt: { original_prompt: prose(MB), suggested_prompt: text, feedback_items: [] },
  };
}

/**
 * The renderer's task time, in seconds, of opening the row `rowSelector` until the page settles;
 * the task time of the collection before the click, in milliseconds, goes to `gcBeforeMs`.
 */
async function openWork(run: BenchRun, rowSelector: string, gcBeforeMs: number[]): Promise<number> {
  const url = `chrome-extension://${run.browser.extensionId}/sessions.html`;
  const page: Page = await run.browser.context.newPage();
  try {
    // The bench's page helpers (the functions this script hands to the page need them).
    await page.addInitScript(HELPERS);
    await page.goto(url);
    const row = page.locator(`${rowSelector} .row-open`).first();
    await row.waitFor({ timeout: 60_000 });
    // The totals show once every cached row is read (the first rows come before): at 200,000
    // sessions that read, and the filters' counts after it, take seconds.
    await page.locator(LIST_COMPLETE_SELECTOR).first().waitFor({ timeout: 120_000 });
    await waitQuiet(page, 1000, 30_000);
    // The page's own deferred work (the filters' counts over every row) is not the opening's.
    await waitIdle(page);
    const cdp = await run.browser.context.newCDPSession(page);
    // Thread ticks: the main thread's own CPU time, which other processes on a busy machine
    // do not inflate the way they inflate wall-clock task time.
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    const taskTime = async () => {
      const { metrics } = await cdp.send('Performance.getMetrics');
      return metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0;
    };
    // Reading 200,000 rows leaves garbage that a full collection takes 300 ms or more to clear,
    // on whichever click comes first (the ordinary session's as often as the huge one's). It is
    // collected before the click, and its time reported apart: the opening is measured alone.
    const collecting = await taskTime();
    await cdp.send('HeapProfiler.collectGarbage');
    await waitQuiet(page, 300, 10_000);
    const before = await taskTime();
    gcBeforeMs.push((before - collecting) * 1000);
    await row.click();
    await page.locator('.detail-body .facts').first().waitFor({ timeout: 60_000 });
    await waitQuiet(page, 500, 30_000);
    return (await taskTime()) - before;
  } finally {
    await page.close();
  }
}

export async function measureOpenHugeSession(run: BenchRun): Promise<void> {
  const { api, control, samples, info } = run;
  const [newest] = api.store.all();
  if (!newest) throw new Error('open_huge_session needs a session');
  api.store.patchSession(newest.session.session_id, {
    title: 'A huge session',
    initial_user_message: prose(MB),
    session_analysis: hostileAnalysis(),
  });
  logStep(run, 'open a huge session (1 MB message and prompt, 64 KB analysis texts)');
  await control.evaluate(syncNowMessage);
  // What the worker does after a sync (compacting pages, alerts) is not an opening's work.
  info.browserIdleAfterHugeSync = await waitForBrowserIdle(run.browser.profileDir);
  const cachedId = (id: string) =>
    run.ctx.options.api === 'v3' && !id.startsWith('devin-') ? `devin-${id}` : id;
  // The huge session is the newest update, so the list shows it first; the floor opens the
  // ordinary session listed after it.
  const huge = `[data-session-id="${cachedId(newest.session.session_id)}"]`;
  const gcBeforeMs: number[] = [];
  const floor = await openWork(run, `[data-session-id]:not(${huge})`, gcBeforeMs);
  const value = await openWork(run, huge, gcBeforeMs);
  samples.open_huge_session = { value: value * 1000, floor: floor * 1000 };
  info.openHugeSession = {
    taskMs: value * 1000,
    ordinaryTaskMs: floor * 1000,
    // The collection before each click: the ordinary session's page, then the huge one's.
    gcBeforeTaskMs: gcBeforeMs,
  };
}
