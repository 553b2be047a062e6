/**
 * The incremental phase: "Sync now" after 100 sessions changed on the server, beside its floor
 * (the pages from each organization's watermark, fetched and not stored).
 */
import type { Page } from 'playwright-core';
import { type BenchRun, logStep, PAGE_SIZE } from '../bench-run';
import { profileBase, profileFile, startWorkerProfile, stopWorkerProfile } from '../cpu-profiles';
import { type FloorArgs, fetchPages, type OrgState, syncNowMessage } from '../in-browser';
import { isBillingUrl, keyFor, sameUrls, sessionsListing, syncUrls } from '../sync-pages';

async function readStates(page: Page): Promise<OrgState[]> {
  return page.evaluate(() =>
    (
      globalThis as unknown as { __benchReadTable: <T>(t: string) => Promise<T[]> }
    ).__benchReadTable<OrgState>('syncState'),
  );
}

export async function measureIncremental(run: BenchRun): Promise<void> {
  const { api, browser, control, workerCdp, samples, info } = run;
  const states = await readStates(control);
  api.store.updateSessions(100);
  const version = run.ctx.options.api;
  const incrementalFloorArgs: FloorArgs = {
    baseUrl: api.baseUrl,
    apiKey: keyFor(api, version),
    limit: PAGE_SIZE,
    api: version,
    parallel: [],
    sequential: api.orgIds.map((id) => {
      const watermark = states.find((s) => s.org_id === id)?.watermark;
      if (watermark === null || watermark === undefined) {
        throw new Error(`organization ${id} has no watermark after the backfill`);
      }
      return sessionsListing(version, id, watermark);
    }),
  };
  logStep(run, 'incremental floor');
  const incFloor = await browser.worker.evaluate(fetchPages, incrementalFloorArgs);
  api.requestLog.reset();
  logStep(run, 'incremental sync (100 changed sessions)');
  const profile = profileBase(run);
  if (profile !== null) await startWorkerProfile(workerCdp);
  const incremental = await control.evaluate(syncNowMessage);
  if (profile !== null) {
    const file = profileFile(profile, 'incremental');
    info.incrementalProfile = await stopWorkerProfile(workerCdp, run, file);
  }
  const result = (incremental.response as { res?: unknown } | undefined)?.res;
  if (result !== 'done') {
    throw new Error(`"Sync now" answered ${JSON.stringify(incremental.response)}`);
  }
  const allUrls = syncUrls(api);
  const incUrls = allUrls.filter((url) => !isBillingUrl(url));
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
    /** Read beside the session pages, and waited for by "Sync now" (not in the floor). */
    billingRequests: allUrls.length - incUrls.length,
    floorMatchesSyncPages: incMatches,
  };
}
