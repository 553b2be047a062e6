/**
 * The backfill phase: the first sync of every organization at loopback speed, beside its floor
 * (the same records fetched, one page after another, plus a bare write of them into IndexedDB),
 * with the worker's CPU time and the most its heap retained (worker_heap_mb) during it.
 */
import { type BenchRun, logStep, MB, PAGE_SIZE } from '../bench-run';
import { describeCpu, measureCpu } from '../cpu';
import { profileBase, startWorkerProfile, stopWorkerProfile } from '../cpu-profiles';
import {
  bareWrite,
  configureAndWait,
  countSessions,
  type FloorArgs,
  fetchPages,
} from '../in-browser';
import {
  directoryListings,
  isBillingUrl,
  keyFor,
  sameUrls,
  sessionsListing,
  syncUrls,
} from '../sync-pages';

/** How often the worker's retained heap is sampled in a backfill of 50,000 sessions (ms). */
const RETAINED_SAMPLE_MS_AT_50K = 1_250;

/** What the floor fetched, kept for its bare write (it holds the key: never in the JSON). */
const floorArgsOf = new WeakMap<BenchRun, FloorArgs>();

/**
 * The rest of the backfill's floor: a bare write of the same records into a scratch database.
 * Measured after the storage phase, so the scratch database (deleted, but not at once given
 * back by the browser) does not count in the extension's bytes per session.
 */
export async function addBareWriteToFloor(run: BenchRun): Promise<void> {
  const args = floorArgsOf.get(run);
  const sample = run.samples.backfill;
  if (!args || !sample || typeof sample.floor !== 'number') return;
  logStep(run, 'backfill floor: a bare write of the same records');
  const write = await run.browser.worker.evaluate(bareWrite, args);
  sample.floor += write.ms;
  Object.assign(run.info.backfill as object, {
    floorMs: sample.floor,
    floorWriteMs: write.ms,
    floorWriteItems: write.items,
  });
}

/** Measures the backfill; returns how many sessions the extension stored. */
export async function measureBackfill(run: BenchRun): Promise<number> {
  const { api, browser, workerCdp, samples, info } = run;
  const version = run.ctx.options.api;
  const apiKey = keyFor(api, version);
  const backfillFloorArgs: FloorArgs = {
    baseUrl: api.baseUrl,
    apiKey,
    limit: PAGE_SIZE,
    api: version,
    parallel: directoryListings(version),
    sequential: api.orgIds.map((id) => sessionsListing(version, id)),
  };
  logStep(run, 'backfill floor (fetching every page, storing nothing)');
  const floorCpu = measureCpu(browser.profileDir);
  const floor = await browser.worker.evaluate(fetchPages, backfillFloorArgs);
  const floorCpuSplit = floorCpu();
  const idleHeap = await workerCdp.heapUsed();
  api.requestLog.reset();
  logStep(run, `backfill (${floor.urls.length} pages)`);
  const profile = profileBase(run);
  if (profile !== null) await startWorkerProfile(workerCdp);
  // Sampled every 25 ms: a 10,000-session backfill lasts about a second, and sampled every
  // 100 ms its peak was often missed, which made the heap look smaller at 10,000 than it is.
  // What it retains is sampled about as often at any size: the most of 25 samples is larger
  // than the most of 4 of the same backfill, so a fixed interval made a longer backfill look
  // as if it held more. The backfill's time grows with the sessions (about 20 s at 50,000 here);
  // each sample is two full collections, so they are not taken more often than every second.
  workerCdp.start(25, Math.max(1_000, (RETAINED_SAMPLE_MS_AT_50K * api.store.size) / 50_000));
  const backfillCpu = measureCpu(browser.profileDir);
  const backfill = await browser.worker.evaluate(configureAndWait, {
    apiKey,
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
  const heapPeak = workerCdp.stop();
  if (floorCpuSplit && backfillCpuSplit) {
    logStep(run, `floor used ${describeCpu(floorCpuSplit)}`);
    logStep(run, `backfill used ${describeCpu(backfillCpuSplit)}`);
  }
  if (profile !== null) info.backfillProfile = await stopWorkerProfile(workerCdp, run, profile);
  const cached = await browser.worker.evaluate(countSessions);
  const backfillUrls = syncUrls(api).filter((url) => !isBillingUrl(url));
  const backfillMatches = sameUrls(backfillUrls, floor.urls);
  if (cached !== api.store.size) {
    throw new Error(`backfill stored ${cached} sessions, the server has ${api.store.size}`);
  }
  // The floor again, right after: the run's floor is the mean of the two, so a busy moment
  // of the machine (other work on it) weighs on the floor as it may on the value.
  const floorAfter = await browser.worker.evaluate(fetchPages, backfillFloorArgs);
  const fetchFloor = (floor.ms + floorAfter.ms) / 2;
  // The bare write is added once storage is measured (see addBareWriteToFloor).
  const backfillFloor = fetchFloor;
  floorArgsOf.set(run, backfillFloorArgs);
  samples.backfill = {
    value: backfill.ms,
    floor: backfillFloor,
    // The sync reads slices of creation time, the floor one walk per organization.
    ...(backfillMatches
      ? {}
      : { note: 'floor: the same sessions, fetched in one walk per organization' }),
  };
  // What the worker holds at its fullest, as the popup's heap is measured: after a collection.
  // The peak of the heap in use is kept below; it counts garbage not yet collected, which
  // differs run to run (65 to 166 MB at 200,000 for one build).
  const heldAfter = await workerCdp.retainedHeap();
  // The profiler's agent is not left on for the phases that follow.
  await workerCdp.send('HeapProfiler.disable');
  const retainedPeak = Math.max(heapPeak.retainedPeak, heldAfter ?? 0);
  samples.worker_heap_mb = { value: retainedPeak / MB };
  info.backfill = {
    ms: backfill.ms,
    floorMs: backfillFloor,
    floorFetchMs: fetchFloor,
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
    workerHeapRetainedPeakMb: retainedPeak / MB,
    workerHeapRetainedMedianMb:
      heapPeak.retainedMedian === null ? null : heapPeak.retainedMedian / MB,
    workerHeapRetainedSamples: heapPeak.retainedCount + (heldAfter === null ? 0 : 1),
    workerHeapAfterBackfillMb: heldAfter === null ? null : heldAfter / MB,
    // CPU time by process (ms): the floor before the backfill, and the backfill.
    floorCpuMs: floorCpuSplit,
    cpuMs: backfillCpuSplit,
  };
  return cached;
}
