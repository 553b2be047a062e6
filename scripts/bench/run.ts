/**
 * One benchmark run: a fresh server and a fresh browser profile with the same data, then the
 * backfill, the popup, the search and an incremental sync, each beside its floor.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, relative } from 'node:path';
import type { Page } from 'playwright-core';
import { type Dataset, generateDataset } from '../../mock-api/data';
import { type MockApi, startMockApi } from '../../mock-api/server';
import type { BenchOptions } from './args';
import { type BenchBrowser, controlPage, launchBenchBrowser, WorkerCdp } from './browser';
import { pageJsSize } from './bundle';
import { describeCpu, measureCpu } from './cpu';
import {
  configureAndWait,
  countSessions,
  type FloorArgs,
  fetchPages,
  type Listing,
  type OrgState,
  storageUsage,
  syncNowMessage,
  warmManagedStorage,
} from './in-browser';
import { measureInsights } from './insights';
import {
  DEFAULT_ROW_SELECTOR,
  DEFAULT_SEARCH_SELECTOR,
  pageHeapUsed,
  planSearchInPage,
  timeFilterInPage,
  timeFirstPaint,
  timeKeystroke,
  waitQuiet,
} from './popup';
import { type CpuProfile, summarizeProfile } from './profile';
import { type BenchResult, METRICS, median, type Sample, summarize } from './report';

const PAGE_SIZE = 200;
const MB = 1024 * 1024;
/** First-rows and keystroke timings are taken this many times per run; the run keeps the median. */
const REPEATS = 5;

/** Things to close on any exit, newest first. */
export class Cleanup {
  private readonly steps: { what: string; run: () => Promise<void> | void }[] = [];
  add(what: string, run: () => Promise<void> | void): () => void {
    const step = { what, run };
    this.steps.push(step);
    return () => {
      const i = this.steps.indexOf(step);
      if (i >= 0) this.steps.splice(i, 1);
    };
  }
  private running: Promise<void> | null = null;

  /** Runs every step once; a second call while one runs (Ctrl-C during the normal end) joins it. */
  runAll(): Promise<void> {
    this.running ??= (async () => {
      while (this.steps.length > 0) {
        const step = this.steps.pop();
        try {
          await step?.run();
        } catch (error) {
          console.error(`bench: cleaning up ${step?.what} failed:`, error);
        }
      }
    })().finally(() => {
      this.running = null;
    });
    return this.running;
  }
}

interface RunContext {
  options: BenchOptions;
  dataset: Dataset;
  extensionDir: string;
  cleanup: Cleanup;
  log: (message: string) => void;
}

type RunSamples = Record<string, Sample>;

function sessionsListing(orgId: string, extra: [string, string][] = []): Listing {
  return {
    path: `/v2/enterprise/organizations/${encodeURIComponent(orgId)}/sessions/insights`,
    extra,
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function sameUrls(a: readonly string[], b: readonly string[]): boolean {
  const x = [...a].sort();
  const y = [...b].sort();
  return x.length === y.length && x.every((u, i) => u === y[i]);
}

function syncUrls(api: MockApi): string[] {
  return api.requestLog.recent.filter((e) => e.method === 'GET').map((e) => e.url);
}

async function readStates(page: Page): Promise<OrgState[]> {
  return page.evaluate(() =>
    (
      globalThis as unknown as { __benchReadTable: <T>(t: string) => Promise<T[]> }
    ).__benchReadTable<OrgState>('syncState'),
  );
}

async function runOnce(
  ctx: RunContext,
  index: number,
): Promise<{ samples: RunSamples; info: Record<string, unknown> }> {
  const { options, log } = ctx;
  const samples: RunSamples = {};
  const info: Record<string, unknown> = {};

  const api = await startMockApi({ dataset: ctx.dataset, requestLogSize: 1_000_000 });
  const dropServer = ctx.cleanup.add('the local API server', () => api.close());
  const browser: BenchBrowser = await launchBenchBrowser(ctx.extensionDir, {
    keepProfile: options.keep,
  });
  const dropBrowser = ctx.cleanup.add('the browser', () => browser.close());
  if (options.keep) log(`run ${index + 1}: browser profile in ${browser.profileDir}`);
  info.browser = `Chromium ${browser.version} (headless)`;
  try {
    const control = await controlPage(browser);
    const heap = await WorkerCdp.attach(browser, control);
    info.managedStorageWarmupMs = await browser.worker.evaluate(warmManagedStorage);

    // --- Backfill and its floor -------------------------------------------------------------
    const backfillFloorArgs: FloorArgs = {
      baseUrl: api.baseUrl,
      apiKey: api.apiKey,
      limit: PAGE_SIZE,
      parallel: [
        { path: '/v2/enterprise/organizations', extra: [] },
        { path: '/v2/enterprise/members', extra: [] },
      ],
      sequential: api.orgIds.map((id) => sessionsListing(id)),
    };
    log(`run ${index + 1}: backfill floor (fetching every page, storing nothing)`);
    const floorCpu = measureCpu(browser.profileDir);
    const floor = await browser.worker.evaluate(fetchPages, backfillFloorArgs);
    const floorCpuSplit = floorCpu();
    const idleHeap = await heap.heapUsed();
    api.requestLog.reset();
    log(`run ${index + 1}: backfill (${floor.urls.length} pages)`);
    const profiling = options.profile !== null && index === 0;
    if (profiling) await startProfile(heap);
    // Sampled every 25 ms: a 10,000-session backfill lasts about a second, and sampled every
    // 100 ms its peak was often missed, which made the heap look smaller at 10,000 than it is.
    heap.start(25);
    const backfillCpu = measureCpu(browser.profileDir);
    const backfill = await browser.worker.evaluate(configureAndWait, {
      apiKey: api.apiKey,
      settings: {
        apiBaseUrl: api.baseUrl,
        orgIds: api.orgIds,
        // No scheduled sync may start during the bench.
        syncIntervalMinutes: 24 * 60,
        historyDays: null,
        gitHosts: [],
      },
      orgIds: api.orgIds,
      pollMs: 100,
      timeoutMs: 30 * 60_000,
    });
    const backfillCpuSplit = backfillCpu();
    const heapPeak = heap.stop();
    if (floorCpuSplit && backfillCpuSplit) {
      log(`run ${index + 1}: floor used ${describeCpu(floorCpuSplit)}`);
      log(`run ${index + 1}: backfill used ${describeCpu(backfillCpuSplit)}`);
    }
    if (profiling) info.backfillProfile = await stopProfile(heap, ctx, options.profile as string);
    const cached = await browser.worker.evaluate(countSessions);
    const backfillUrls = syncUrls(api);
    const backfillMatches = sameUrls(backfillUrls, floor.urls);
    if (cached !== api.store.size) {
      throw new Error(`backfill stored ${cached} sessions, the server has ${api.store.size}`);
    }
    // The floor again, right after: the run's floor is the mean of the two, so a busy moment
    // of the machine (other work on it) weighs on the floor as it may on the value.
    const floorAfter = await browser.worker.evaluate(fetchPages, backfillFloorArgs);
    const backfillFloor = (floor.ms + floorAfter.ms) / 2;
    samples.backfill = {
      value: backfill.ms,
      floor: backfillFloor,
      ...(backfillMatches ? {} : { note: 'the floor fetched other pages than the sync' }),
    };
    samples.worker_heap_mb = { value: heapPeak.peak / MB };
    info.backfill = {
      ms: backfill.ms,
      floorMs: backfillFloor,
      floorBeforeMs: floor.ms,
      floorAfterMs: floorAfter.ms,
      pages: floor.urls.length,
      floorBytes: floor.bytes,
      floorItems: floor.items,
      syncRequests: backfillUrls.length,
      floorMatchesSyncPages: backfillMatches,
      workerHeapIdleMb: idleHeap === null ? null : idleHeap / MB,
      workerHeapPeakMb: heapPeak.peak / MB,
      workerHeapSamples: heapPeak.count,
      // CPU time by process (ms): the floor before the backfill, and the backfill.
      floorCpuMs: floorCpuSplit,
      cpuMs: backfillCpuSplit,
    };

    // --- Storage ------------------------------------------------------------------------------
    // Give LevelDB a moment to flush what the last transactions wrote.
    await sleep(1000);
    const usage = await browser.worker.evaluate(storageUsage);
    samples.idb_bytes_per_session = { value: (usage.indexedDB ?? usage.usage) / cached };
    info.storage = { ...usage, sessions: cached };

    // --- Popup --------------------------------------------------------------------------------
    const popupUrl = `chrome-extension://${browser.extensionId}/popup.html`;
    const hasPopup = pageJsSize(ctx.extensionDir, 'popup.html') !== null;
    if (!hasPopup) {
      const note = 'no popup.html in the build';
      for (const name of ['popup_first_rows', 'search_keystroke', 'popup_heap_mb']) {
        samples[name] = { value: null, floor: null, note };
      }
    } else {
      await measurePopup(ctx, browser, popupUrl, samples, info, index);
    }

    // --- Insights aggregation and its floor ----------------------------------------------------
    if (pageJsSize(ctx.extensionDir, 'insights.html') === null) {
      samples.insights_compute = {
        value: null,
        floor: null,
        note: 'no insights.html in the build',
      };
    } else {
      log(`run ${index + 1}: insights compute (the Insights page, then one pass over the rows)`);
      try {
        const insights = await measureInsights(browser, cached, 5 * 60_000);
        samples.insights_compute = insights.sample;
        info.insights = insights.info;
      } catch (error) {
        samples.insights_compute = {
          value: null,
          floor: null,
          note: `insights not measured: ${error instanceof Error ? error.message.split('\n')[0] : error}`,
        };
      }
    }

    // --- Incremental sync and its floor --------------------------------------------------------
    const states = await readStates(control);
    api.store.updateSessions(100);
    const incrementalFloorArgs: FloorArgs = {
      baseUrl: api.baseUrl,
      apiKey: api.apiKey,
      limit: PAGE_SIZE,
      parallel: [],
      sequential: api.orgIds.map((id) => {
        const watermark = states.find((s) => s.org_id === id)?.watermark;
        if (watermark === null || watermark === undefined) {
          throw new Error(`organization ${id} has no watermark after the backfill`);
        }
        return sessionsListing(id, [['updated_date_from', new Date(watermark).toISOString()]]);
      }),
    };
    log(`run ${index + 1}: incremental floor`);
    const incFloor = await browser.worker.evaluate(fetchPages, incrementalFloorArgs);
    api.requestLog.reset();
    log(`run ${index + 1}: incremental sync (100 changed sessions)`);
    if (profiling) await startProfile(heap);
    const incremental = await control.evaluate(syncNowMessage);
    if (profiling) {
      const file = (options.profile as string).replace(
        /(\.cpuprofile)?$/,
        '-incremental.cpuprofile',
      );
      info.incrementalProfile = await stopProfile(heap, ctx, file);
    }
    const result = (incremental.response as { res?: unknown } | undefined)?.res;
    if (result !== 'done') {
      throw new Error(`"Sync now" answered ${JSON.stringify(incremental.response)}`);
    }
    const incUrls = syncUrls(api);
    const incMatches = sameUrls(incUrls, incFloor.urls);
    const incFloorAfter = await browser.worker.evaluate(fetchPages, incrementalFloorArgs);
    const incrementalFloor = (incFloor.ms + incFloorAfter.ms) / 2;
    samples.incremental = {
      value: incremental.ms,
      floor: incrementalFloor,
      ...(incMatches ? {} : { note: 'the floor fetched other pages than the sync' }),
    };
    info.incremental = {
      ms: incremental.ms,
      floorMs: incrementalFloor,
      floorBeforeMs: incFloor.ms,
      floorAfterMs: incFloorAfter.ms,
      pages: incFloor.urls.length,
      sessionsFetched: incFloor.items,
      syncRequests: incUrls.length,
      floorMatchesSyncPages: incMatches,
    };
    await heap.detach();
  } finally {
    dropBrowser();
    await browser.close();
    dropServer();
    await api.close();
  }
  return { samples, info };
}

async function startProfile(worker: WorkerCdp): Promise<void> {
  await worker.send('Profiler.enable');
  await worker.send('Profiler.setSamplingInterval', { interval: 500 });
  await worker.send('Profiler.start');
}

async function stopProfile(worker: WorkerCdp, ctx: RunContext, file: string) {
  const result = await worker.send<{ profile: CpuProfile }>('Profiler.stop', {}, 120_000);
  if (!result) return { error: 'the profiler did not answer' };
  writeFileSync(file, JSON.stringify(result.profile));
  ctx.log(`worker CPU profile written to ${file}`);
  return { file, ...summarizeProfile(result.profile, ctx.extensionDir) };
}

async function measurePopup(
  ctx: RunContext,
  browser: BenchBrowser,
  popupUrl: string,
  samples: RunSamples,
  info: Record<string, unknown>,
  index: number,
): Promise<void> {
  const { options, log } = ctx;
  const rowSelector = options.rowSelector ?? DEFAULT_ROW_SELECTOR;
  const searchSelector = options.searchSelector ?? DEFAULT_SEARCH_SELECTOR;
  const floorUrl = `chrome-extension://${browser.extensionId}/manifest.json`;
  log(`run ${index + 1}: popup first rows (x${REPEATS}, each beside an empty page)`);
  const popupTimes: number[] = [];
  const floorTimes: number[] = [];
  const details: unknown[] = [];
  let popup: Page | null = null;
  try {
    for (let i = 0; i < REPEATS; i++) {
      // Extension pages share one renderer process: each page is timed alone, after the
      // previous popup finished loading and was closed.
      if (popup) {
        await waitQuiet(popup, 1000, 60_000);
        await popup.close();
        popup = null;
      }
      await sleep(500);
      const empty = await timeFirstPaint(browser.context, floorUrl, 'body > *', 30_000);
      await empty.page.close();
      await sleep(300);
      const profileOpen = options.profile !== null && index === 0 && i === REPEATS - 1;
      const opened = await timeFirstPaint(
        browser.context,
        popupUrl,
        rowSelector,
        60_000,
        profileOpen,
      );
      popup = opened.page;
      if (opened.profile) {
        const file = (options.profile as string).replace(
          /(\.cpuprofile)?$/,
          '-popup-open.cpuprofile',
        );
        writeFileSync(file, JSON.stringify(opened.profile));
        info.popupOpenProfile = { file, ...summarizeProfile(opened.profile, ctx.extensionDir) };
      }
      popupTimes.push(opened.timing.painted);
      floorTimes.push(empty.timing.painted);
      details.push({ popup: opened.timing, emptyPage: empty.timing });
    }
  } catch (error) {
    const note = `popup rows not found (${rowSelector}): ${error instanceof Error ? error.message.split('\n')[0] : error}`;
    samples.popup_first_rows = { value: null, floor: null, note };
    samples.popup_heap_mb = { value: null, note };
    samples.search_keystroke = { value: null, floor: null, note };
    await popup?.close();
    return;
  }
  samples.popup_first_rows = { value: median(popupTimes), floor: median(floorTimes) };
  info.popupFirstRows = { opens: details, cold: details[0] };

  const page = popup as Page;
  log(`run ${index + 1}: popup heap`);
  const settled = await waitQuiet(page, 2000, 60_000);
  const heapBytes = await pageHeapUsed(browser.context, page);
  samples.popup_heap_mb = {
    value: heapBytes / MB,
    ...(settled ? {} : { note: 'the popup never went quiet: heap read after 60 s' }),
  };
  info.popupHeap = { bytes: heapBytes, settled };

  log(`run ${index + 1}: search keystroke (x${REPEATS})`);
  try {
    const plan = await planSearchInPage(page);
    const timings = [];
    const profiler =
      options.profile !== null && index === 0 ? await browser.context.newCDPSession(page) : null;
    if (profiler) {
      await profiler.send('Profiler.enable');
      await profiler.send('Profiler.setSamplingInterval', { interval: 200 });
      await profiler.send('Profiler.start');
    }
    for (let i = 0; i < REPEATS; i++) {
      timings.push(await timeKeystroke(page, searchSelector, rowSelector, plan));
    }
    if (profiler) {
      const { profile } = await profiler.send('Profiler.stop');
      const file = (options.profile as string).replace(/(\.cpuprofile)?$/, '-search.cpuprofile');
      writeFileSync(file, JSON.stringify(profile));
      info.searchProfile = { file, ...summarizeProfile(profile as CpuProfile, ctx.extensionDir) };
      await profiler.detach();
    }
    const all = timings.map((t) => t.ms);
    // The floor again after the keystrokes; the run's floor is the mean of the two.
    const floorAfter = await timeFilterInPage(page, plan.query);
    const searchFloor = (plan.floorMs + floorAfter) / 2;
    samples.search_keystroke = {
      value: median(all),
      floor: searchFloor,
      ...(timings.every((t) => t.verified)
        ? {}
        : { note: 'some rows shown after the keystroke do not match the query' }),
    };
    info.search = { plan, floorMs: searchFloor, floorAfterMs: floorAfter, keystrokes: timings };
    // The popup keeps its full-text index once a search ran: its heap then, without the
    // bench's own copy of the texts.
    await page.evaluate(() => {
      const g = globalThis as unknown as Record<string, unknown>;
      delete g.__benchTexts;
      delete g.__benchMatches;
    });
    info.popupHeapAfterSearchMb = (await pageHeapUsed(browser.context, page)) / MB;
  } catch (error) {
    samples.search_keystroke = {
      value: null,
      floor: null,
      note: `search not measured (${searchSelector}): ${error instanceof Error ? error.message.split('\n')[0] : error}`,
    };
  } finally {
    await page.close();
  }
}

/** Waits until the 1-minute load average is below `limit` (other work on a shared machine). */
async function waitForQuiet(limit: number, log: (message: string) => void): Promise<void> {
  const deadline = Date.now() + 3 * 60_000;
  while ((loadavg()[0] ?? 0) >= limit && Date.now() < deadline) {
    log(`load average ${loadavg()[0]?.toFixed(2)} >= ${limit}: waiting`);
    await sleep(15_000);
  }
}

/** Which build and which source were measured (the tree may hold uncommitted work). */
function buildInfo(extensionDir: string) {
  const hash = createHash('sha256');
  const files = readdirSync(extensionDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(extensionDir, join(entry.parentPath, entry.name)))
    .sort();
  for (const file of files) hash.update(file).update(readFileSync(join(extensionDir, file)));
  const git = (args: string[]) => {
    try {
      return execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    } catch {
      return null;
    }
  };
  const status = git(['status', '--porcelain']);
  return {
    extensionSha256: hash.digest('hex').slice(0, 16),
    commit: git(['rev-parse', '--short', 'HEAD'])?.trim() ?? null,
    uncommittedFiles: status === null ? null : status.split('\n').filter(Boolean).length,
  };
}

export async function runBench(
  options: BenchOptions,
  extensionDir: string,
  cleanup: Cleanup,
): Promise<BenchResult> {
  const log = (message: string) => {
    if (options.verbose) console.error(`[bench] ${message}`);
  };
  log(`generating ${options.sessions} sessions (seed ${options.seed})`);
  const dataset = generateDataset({
    sessions: options.sessions,
    orgs: options.orgs,
    seed: options.seed,
    now: Date.now(),
  });
  const runs: { samples: RunSamples; info: Record<string, unknown> }[] = [];
  for (let i = 0; i < options.runs; i++) {
    if (options.quietLoad !== null) await waitForQuiet(options.quietLoad, log);
    const started = performance.now();
    const loadBefore = loadavg()[0];
    const run = await runOnce({ options, dataset, extensionDir, cleanup, log }, i);
    run.info.loadAverage = { before: loadBefore, after: loadavg()[0] };
    runs.push(run);
    log(`run ${i + 1} done in ${Math.round((performance.now() - started) / 1000)} s`);
  }

  const bundle = pageJsSize(extensionDir, 'popup.html');
  const metrics = METRICS.map((spec) => {
    if (spec.name === 'popup_js_gzip_kb') {
      return summarize(
        spec,
        [
          bundle
            ? { value: bundle.gzipBytes / 1024 }
            : { value: null, note: 'no popup.html in the build' },
        ],
        options.sessions,
      );
    }
    return summarize(
      spec,
      runs.map((r) => r.samples[spec.name] ?? { value: null, note: 'not measured' }),
      options.sessions,
    );
  });
  const browser = String(runs[0]?.info.browser ?? 'unknown');
  return {
    sessions: options.sessions,
    runs: options.runs,
    browser,
    metrics,
    details: {
      date: new Date().toISOString(),
      machine: {
        cpus: cpus().length,
        cpuModel: cpus()[0]?.model ?? null,
        memoryGb: Math.round(totalmem() / 1e9),
      },
      node: process.version,
      build: buildInfo(extensionDir),
      orgs: options.orgs,
      seed: options.seed,
      pageSize: PAGE_SIZE,
      ratio: 'median over runs of value/floor, each pair measured in the same run',
      popupJs: bundle,
      perRun: runs.map((r) => r.info),
    },
  };
}
