/**
 * One benchmark run: a fresh server and a fresh browser profile with the same data, then the
 * backfill, the popup, the search and an incremental sync, each beside its floor. Each measured
 * phase lives in phases/; this module runs them in order and sums the runs up.
 */
import { cpus, loadavg, totalmem } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { generateDataset } from '../../mock-api/data';
import { startMockApi } from '../../mock-api/server';
import type { BenchOptions } from './args';
import { type BenchRun, PAGE_SIZE, type RunContext, type RunSamples } from './bench-run';
import { type BenchBrowser, controlPage, launchBenchBrowser, WorkerCdp } from './browser';
import { buildInfo } from './build-info';
import { pageJsSize } from './bundle';
import type { Cleanup } from './cleanup';
import { waitForBrowserIdle } from './cpu';
import { warmManagedStorage } from './in-browser';
import { addBareWriteToFloor, measureBackfill } from './phases/backfill';
import { measureIncremental } from './phases/incremental';
import { measureInsightsCompute } from './phases/insights';
import { measureAtLatency } from './phases/latency';
import { measureOpenHugeSession } from './phases/open-huge-session';
import { measurePopupFirstRows } from './phases/popup-first-rows';
import { measurePopupHeap } from './phases/popup-heap';
import { measureSearch } from './phases/search';
import { measureStorage } from './phases/storage';
import { type BenchResult, METRICS, summarize } from './report';

/** The metrics measured in the popup, noted as missing when the build has no popup. */
const POPUP_METRICS = ['popup_first_rows', 'search_keystroke', 'popup_heap_mb'];
/** The metrics of a run at a real API's latency (phases/latency.ts). */
const LATENCY_METRICS = ['first_rows_after_save', 'backfill_latency'];

async function runOnce(
  ctx: RunContext,
  index: number,
): Promise<{ samples: RunSamples; info: Record<string, unknown> }> {
  const { options, log } = ctx;
  const samples: RunSamples = {};
  const info: Record<string, unknown> = {};

  const api = await startMockApi({
    dataset: ctx.dataset,
    requestLogSize: 1_000_000,
    latencyMs: options.latencyMs,
    latencyJitterMs: options.latencyJitterMs,
  });
  const dropServer = ctx.cleanup.add('the local API server', () => api.close());
  const browser: BenchBrowser = await launchBenchBrowser(ctx.extensionDir, {
    keepProfile: options.keep,
  });
  const dropBrowser = ctx.cleanup.add('the browser', () => browser.close());
  if (options.keep) log(`run ${index + 1}: browser profile in ${browser.profileDir}`);
  info.browser = `Chromium ${browser.version} (headless)`;
  try {
    const control = await controlPage(browser);
    const workerCdp = await WorkerCdp.attach(browser, control);
    info.managedStorageWarmupMs = await browser.worker.evaluate(warmManagedStorage);
    const run: BenchRun = { ctx, index, api, browser, control, workerCdp, samples, info };

    if (options.latencyMs > 0) {
      await measureAtLatency(run);
      await workerCdp.detach();
      return { samples, info };
    }
    const cached = await measureBackfill(run);
    await measureStorage(run, cached);
    await addBareWriteToFloor(run);
    if (pageJsSize(ctx.extensionDir, 'popup.html') === null) {
      const note = 'no popup.html in the build';
      for (const name of POPUP_METRICS) samples[name] = { value: null, floor: null, note };
    } else {
      // The popup is timed once the browser is done with the writes above (it stays busy for
      // seconds after them): a person opens it later than a benchmark does.
      info.browserIdleBeforePopup = await waitForBrowserIdle(browser.profileDir);
      const popup = await measurePopupFirstRows(run);
      if (popup) {
        await measurePopupHeap(run, popup);
        await measureSearch(run, popup);
      }
    }
    info.browserIdleBeforeInsights = await waitForBrowserIdle(browser.profileDir);
    await measureInsightsCompute(run, cached);
    await measureIncremental(run);
    await measureOpenHugeSession(run);
    await workerCdp.detach();
  } finally {
    dropBrowser();
    await browser.close();
    dropServer();
    await api.close();
  }
  return { samples, info };
}

/** Waits until the 1-minute load average is below `limit` (other work on a shared machine). */
async function waitForQuiet(limit: number, log: (message: string) => void): Promise<void> {
  const deadline = Date.now() + 3 * 60_000;
  while ((loadavg()[0] ?? 0) >= limit && Date.now() < deadline) {
    log(`load average ${loadavg()[0]?.toFixed(2)} >= ${limit}: waiting`);
    await sleep(15_000);
  }
}

export async function runBench(
  options: BenchOptions,
  extensionDir: string,
  cleanup: Cleanup,
): Promise<BenchResult> {
  const log = (message: string) => {
    if (options.verbose) console.error(`[bench] ${message}`);
  };
  log(
    `generating ${options.sessions} sessions (seed ${options.seed}); syncing over ${options.api}`,
  );
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
    // A run measures at a real API's latency or at loopback speed, never both.
    const missing =
      LATENCY_METRICS.includes(spec.name) === options.latencyMs > 0
        ? 'not measured'
        : options.latencyMs > 0
          ? 'measured at loopback speed (without --latency-ms)'
          : 'measured with --latency-ms';
    return summarize(
      spec,
      runs.map((r) => r.samples[spec.name] ?? { value: null, note: missing }),
      options.sessions,
    );
  });
  const browser = String(runs[0]?.info.browser ?? 'unknown');
  return {
    sessions: options.sessions,
    runs: options.runs,
    api: options.api,
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
      latencyMs: options.latencyMs,
      latencyJitterMs: options.latencyJitterMs,
      ratio: 'median over runs of value/floor, each pair measured in the same run',
      popupJs: bundle,
      perRun: runs.map((r) => r.info),
    },
  };
}
