/**
 * Popup measurements: first rows painted, JS heap, and a search keystroke, each beside its
 * floor measured in the same browser with the same data.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { HELPERS } from './in-browser';
import type { CpuProfile } from './profile';

/** The list's totals line, shown once every cached row is read (the first rows come before). */
export const LIST_COMPLETE_SELECTOR = '[data-testid="sessions-count"]';

/** Shown while the popup loads the full search texts (the first search of a popup). */
const SEARCH_BUSY_SELECTOR = '.search-busy';

/** A session row of the list (components/sessions/session-list.tsx puts the id on each row). */
export const DEFAULT_ROW_SELECTOR = '[data-testid="session-row"], [data-session-id]';
export const DEFAULT_SEARCH_SELECTOR =
  '[data-testid="session-search"], input.search-input, input[type="search"], input[aria-label*="earch" i], input[placeholder*="earch" i]';

/** The popup's size in Chrome is at most 800 x 600; the list shows as many rows as fit. */
const POPUP_VIEWPORT = { width: 800, height: 600 };

export interface PaintTiming {
  /** performance.now() (ms after navigation start) in the first frame after the element appeared. */
  painted: number;
  /** When the element was first in the DOM. */
  found: number;
  /** The document's first-contentful-paint entry, when Chromium recorded one. */
  fcp: number | null;
}

interface FirstState {
  found: number | null;
  painted: number | null;
}

interface KeyState {
  keydown: number | null;
  listener: number | null;
  changed: number | null;
  painted: number | null;
}

/**
 * Installed before any script of the page: notes when `selector` first matches, then the next
 * animation frame (the frame that paints it). Identical for the popup and its floor.
 */
function watchFirst(selector: string): void {
  const state: FirstState = { found: null, painted: null };
  (globalThis as unknown as { __benchFirst: FirstState }).__benchFirst = state;
  const observer = new MutationObserver(() => {
    if (state.found !== null || !document.querySelector(selector)) return;
    state.found = performance.now();
    observer.disconnect();
    requestAnimationFrame(() => {
      state.painted = performance.now();
    });
  });
  observer.observe(document, { childList: true, subtree: true });
}

/** Opens `url` in a fresh tab and times its first `selector` painted. */
export async function timeFirstPaint(
  context: BrowserContext,
  url: string,
  selector: string,
  timeoutMs: number,
  profile = false,
): Promise<{ page: Page; timing: PaintTiming; profile?: CpuProfile }> {
  const page = await context.newPage();
  await page.setViewportSize(POPUP_VIEWPORT);
  await page.addInitScript(HELPERS);
  await page.addInitScript(watchFirst, selector);
  const profiler = profile ? await context.newCDPSession(page) : null;
  if (profiler) {
    await profiler.send('Profiler.enable');
    await profiler.send('Profiler.setSamplingInterval', { interval: 200 });
    await profiler.send('Profiler.start');
  }
  await page.goto(url, { waitUntil: 'commit' });
  const handle = await page.waitForFunction(
    () => {
      const state = (globalThis as unknown as { __benchFirst?: FirstState }).__benchFirst;
      if (!state || state.painted === null || state.found === null) return null;
      const fcp = performance.getEntriesByName('first-contentful-paint')[0];
      return { painted: state.painted, found: state.found, fcp: fcp ? fcp.startTime : null };
    },
    undefined,
    { timeout: timeoutMs, polling: 50 },
  );
  const timing = (await handle.jsonValue()) as PaintTiming;
  await handle.dispose();
  if (!profiler) return { page, timing };
  const { profile: recorded } = await profiler.send('Profiler.stop');
  await profiler.detach();
  return { page, timing, profile: recorded as CpuProfile };
}

/** Waits until the page's DOM has not changed for `quietMs` (at most `maxMs`). */
export async function waitQuiet(page: Page, quietMs: number, maxMs: number): Promise<boolean> {
  return page.evaluate(
    ({ quietMs, maxMs }) =>
      new Promise<boolean>((resolve) => {
        const started = performance.now();
        let last = performance.now();
        const observer = new MutationObserver(() => {
          last = performance.now();
        });
        observer.observe(document, {
          childList: true,
          subtree: true,
          attributes: true,
          characterData: true,
        });
        const tick = () => {
          const now = performance.now();
          if (now - last >= quietMs || now - started >= maxMs) {
            observer.disconnect();
            resolve(now - last >= quietMs);
          } else setTimeout(tick, 50);
        };
        setTimeout(tick, 50);
      }),
    { quietMs, maxMs },
  );
}

/** JS heap of a page after a full garbage collection, in bytes. */
export async function pageHeapUsed(context: BrowserContext, page: Page): Promise<number> {
  const cdp = await context.newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    return usedSize;
  } finally {
    await cdp.detach().catch(() => {});
  }
}

export interface SearchPlan {
  /** Typed first and left to settle. */
  prefix: string;
  /** The prefix plus the one key whose effect is timed. */
  query: string;
  key: string;
  matchesPrefix: number;
  matchesQuery: number;
  /** Mean time of `texts.filter((t) => t.includes(query))` over the same rows (warm), in ms. */
  floorMs: number;
  rows: number;
}

/**
 * In the popup page: loads every search text (the table the popup searches) and picks a word
 * whose last letter narrows the list visibly, then times the plain filter for it (the floor).
 */
function planSearch(): Promise<SearchPlan> {
  type Reader = () => Promise<{ session_id: string; text: string }[]>;
  const read = (globalThis as unknown as { __benchReadTexts: Reader }).__benchReadTexts;
  return read().then((entries) => {
    const texts = entries.map((entry) => entry.text);
    (globalThis as unknown as { __benchTexts: string[] }).__benchTexts = texts;
    const n = texts.length;
    const sampleDf = new Map<string, number>();
    const sample = texts.slice(0, 500);
    for (const text of sample) {
      for (const word of new Set(text.match(/[a-z]{6,12}/g) ?? [])) {
        sampleDf.set(word, (sampleDf.get(word) ?? 0) + 1);
      }
    }
    const count = (q: string) => {
      let c = 0;
      for (const t of texts) if (t.includes(q)) c++;
      return c;
    };
    const candidates = [...sampleDf]
      .filter(([, df]) => df >= sample.length * 0.03 && df <= sample.length * 0.3)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, 40)
      .map(([word]) => word);
    let chosen: { prefix: string; query: string; mp: number; mq: number } | null = null;
    for (const word of candidates) {
      const prefix = word.slice(0, -1);
      const mq = count(word);
      const mp = count(prefix);
      if (mq > 0 && mp >= mq * 1.3 + 5) {
        chosen = { prefix, query: word, mp, mq };
        break;
      }
    }
    if (!chosen) throw new Error('no search word narrows the list: cannot time a keystroke');
    const query = chosen.query;
    (globalThis as unknown as { __benchMatches: Set<string> }).__benchMatches = new Set(
      entries.filter((entry) => entry.text.includes(query)).map((entry) => entry.session_id),
    );
    const floorMs = (
      globalThis as unknown as { __benchTimeFilter: (q: string) => number }
    ).__benchTimeFilter(query);
    return {
      prefix: chosen.prefix,
      query,
      key: query.slice(-1),
      matchesPrefix: chosen.mp,
      matchesQuery: chosen.mq,
      floorMs,
      rows: n,
    };
  });
}

export async function planSearchInPage(page: Page): Promise<SearchPlan> {
  await page.evaluate(`globalThis.__benchTimeFilter = ${timeFilter.toString()}; undefined`);
  return page.evaluate(planSearch);
}

/**
 * The floor: a plain substring filter over every search text, warm, repeated until the clock
 * (0.1 ms steps in a page) is far below the total. Mean time of one filter, in ms.
 */
function timeFilter(query: string): number {
  const texts = (globalThis as unknown as { __benchTexts: string[] }).__benchTexts;
  let kept = 0;
  for (let i = 0; i < 3; i++) kept += texts.filter((t) => t.includes(query)).length;
  let reps = 0;
  const started = performance.now();
  while (reps < 5 || performance.now() - started < 100) {
    kept += texts.filter((t) => t.includes(query)).length;
    reps++;
  }
  const ms = (performance.now() - started) / reps;
  // `kept` keeps the filters from being optimized away.
  return kept >= 0 ? ms : Number.NaN;
}

export async function timeFilterInPage(page: Page, query: string): Promise<number> {
  return page.evaluate((q) => {
    const time = (globalThis as unknown as { __benchTimeFilter: (q: string) => number })
      .__benchTimeFilter;
    return time(q);
  }, query);
}

interface KeystrokeArgs {
  rowSelector: string;
  query: string;
}

/**
 * Arms the in-page watch for one keystroke: the key's event time, then the first frame after the
 * visible rows became a different set (the list updated for the new query).
 */
function armKeystroke(args: KeystrokeArgs): void {
  const ids = () =>
    [...document.querySelectorAll(args.rowSelector)]
      .map((el) => el.getAttribute('data-session-id') ?? el.textContent ?? '')
      .join('\n');
  const before = ids();
  const state: KeyState = { keydown: null, listener: null, changed: null, painted: null };
  (globalThis as unknown as { __benchKey: KeyState }).__benchKey = state;
  const onKey = (event: KeyboardEvent) => {
    state.listener = performance.now();
    // The event's own time includes any wait before the page handled it.
    state.keydown =
      event.timeStamp > 0 && event.timeStamp <= state.listener ? event.timeStamp : state.listener;
    window.removeEventListener('keydown', onKey, true);
  };
  window.addEventListener('keydown', onKey, true);
  const observer = new MutationObserver(() => {
    if (state.keydown === null || state.changed !== null) return;
    if (ids() === before) return;
    state.changed = performance.now();
    observer.disconnect();
    requestAnimationFrame(() => {
      state.painted = performance.now();
    });
  });
  observer.observe(document.body, {
    childList: true,
    subtree: true,
    attributes: true,
    characterData: true,
  });
}

export interface KeystrokeTiming {
  ms: number;
  /** From the keydown listener rather than the event time. */
  listenerMs: number;
  /** From the key's event time to the list's DOM change (the rest is style, layout and paint). */
  changedMs: number;
  /** From typing the prefix to the search being ready (the search texts loaded). */
  readyMs: number;
  /** Every visible row after the update matches the query (checked with the floor's filter). */
  verified: boolean;
}

/** What runs just before the timed key and once its update is painted (a CPU profiler). */
export interface KeystrokeWatch {
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** Types `plan.prefix`, lets it settle, then times the last key of `plan.query`. */
export async function timeKeystroke(
  page: Page,
  searchSelector: string,
  rowSelector: string,
  plan: SearchPlan,
  watch?: KeystrokeWatch,
): Promise<KeystrokeTiming> {
  const input = page.locator(searchSelector).first();
  const typed = performance.now();
  await input.fill(plan.prefix);
  // A popup's first search loads every search text (seconds at 200,000 sessions): that wait is
  // timed apart (`readyMs`); the keystroke is timed with the search ready and the page idle.
  await page.locator(SEARCH_BUSY_SELECTOR).waitFor({ state: 'detached', timeout: 120_000 });
  const readyMs = performance.now() - typed;
  await waitQuiet(page, 800, 30_000);
  await waitIdle(page);
  await page.evaluate(armKeystroke, { rowSelector, query: plan.query });
  await watch?.start();
  await input.press(plan.key);
  const handle = await page.waitForFunction(
    () => {
      const s = (globalThis as unknown as { __benchKey?: KeyState }).__benchKey;
      if (!s || s.painted === null || s.keydown === null || s.listener === null) return null;
      if (s.changed === null) return null;
      return {
        ms: s.painted - s.keydown,
        listenerMs: s.painted - s.listener,
        changedMs: s.changed - s.keydown,
      };
    },
    undefined,
    { timeout: 15_000, polling: 20 },
  );
  const timing = (await handle.jsonValue()) as Omit<KeystrokeTiming, 'verified' | 'readyMs'>;
  await handle.dispose();
  await watch?.stop();
  await waitQuiet(page, 500, 10_000);
  const verified = await page.evaluate((rowSelector) => {
    const matches = (globalThis as unknown as { __benchMatches: Set<string> }).__benchMatches;
    const ids = [...document.querySelectorAll(rowSelector)].map((el) =>
      el.getAttribute('data-session-id'),
    );
    return ids.length > 0 && ids.every((id) => id !== null && matches.has(id));
  }, rowSelector);
  return { ...timing, readyMs, verified };
}

/**
 * Waits until the page's main thread is idle: several idle periods in a row with nearly all of
 * their time left (the garbage collector's and the browser's pending work runs first).
 */
export async function waitIdle(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const started = performance.now();
        let calm = 0;
        const check = (deadline: IdleDeadline) => {
          calm = deadline.timeRemaining() >= 40 ? calm + 1 : 0;
          if (calm >= 5 || performance.now() - started > 10_000) resolve();
          else requestIdleCallback(check);
        };
        requestIdleCallback(check);
      }),
  );
}
