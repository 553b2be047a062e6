/**
 * The phase of a run at a real API's latency (`--latency-ms`): an admin whose settings are in
 * place saves the key in the options page, and opens the popup at once.
 *  - first_rows_after_save: from the click on Save to the popup's first session row. Floor:
 *    two requests at that latency, timed in the same run (the key's check, then a first page).
 *  - backfill_latency: from the same click until every organization is synced (the popup
 *    closed once it showed rows). Floor: the pages a one-at-a-time walk needs, times the
 *    latency (the sequential floor).
 */
import { type BenchRun, logStep, PAGE_SIZE } from '../bench-run';
import { HELPERS, storeSettings, timeFetch, waitFirstStored, waitSynced } from '../in-browser';
import { DEFAULT_ROW_SELECTOR } from '../popup';
import { keyFor, sessionsListing } from '../sync-pages';

/** Session pages a sequential walk of every organization reads (each has at least one). */
function sequentialPages(run: BenchRun): number {
  const counts = new Map<string, number>();
  for (const entry of run.api.store.all()) {
    const org = entry.session.org_id;
    counts.set(org, (counts.get(org) ?? 0) + 1);
  }
  return run.api.orgIds.reduce(
    (pages, id) => pages + Math.max(1, Math.ceil((counts.get(id) ?? 0) / PAGE_SIZE)),
    0,
  );
}

export async function measureAtLatency(run: BenchRun): Promise<void> {
  const { api, browser, samples, info } = run;
  const { latencyMs, api: version } = run.ctx.options;
  const apiKey = keyFor(api, version);
  const rowSelector = run.ctx.options.rowSelector ?? DEFAULT_ROW_SELECTOR;
  await browser.worker.evaluate(HELPERS);

  // The floor of the first rows: the requests that must come back before any row can show.
  const first = sessionsListing(version, api.orgIds[0] as string);
  const firstUrl = new URL(first.path, `${api.baseUrl}/`);
  for (const [name, value] of [
    ...(version === 'v3' ? [['first', String(PAGE_SIZE)]] : [['limit', String(PAGE_SIZE)]]),
    ...first.extra,
  ])
    firstUrl.searchParams.set(name as string, value as string);
  const pageMs = await browser.worker.evaluate(timeFetch, { url: firstUrl.toString(), apiKey });
  const orgsUrl = new URL(`/${version}/enterprise/organizations`, `${api.baseUrl}/`).toString();
  const checkMs = await browser.worker.evaluate(timeFetch, { url: orgsUrl, apiKey });

  await browser.worker.evaluate(storeSettings, {
    apiBaseUrl: api.baseUrl,
    orgIds: api.orgIds,
    syncIntervalMinutes: 24 * 60,
    historyDays: null,
    gitHosts: [],
  });
  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  const keyField = options.getByLabel('API key', { exact: true });
  await keyField.fill(apiKey);
  api.requestLog.reset();
  logStep(run, `saving the key at ${latencyMs} ms latency, then the popup`);
  const since = Date.now();
  await options.getByRole('button', { name: 'Save', exact: true }).click();
  const stored = browser.worker.evaluate(waitFirstStored, 120_000);
  const popup = await browser.context.newPage();
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  await popup.waitForSelector(rowSelector, { timeout: 120_000 });
  const firstRowsMs = Date.now() - since;
  const firstStoredMs = (await stored) - since;
  logStep(run, `first rows after ${firstRowsMs} ms; waiting for the backfill`);
  // Closed once it shows rows: a popup left open re-reads every row each second as pages
  // arrive, which would weigh on the sync's time on a small machine.
  await popup.close();
  await options.close();
  const doneAt = await browser.worker.evaluate(waitSynced, {
    orgIds: api.orgIds,
    since,
    timeoutMs: 60 * 60_000,
  });
  const backfillMs = doneAt - since;
  const pages = sequentialPages(run);
  const requests = api.requestLog.recent.filter((e) => e.path.endsWith('/sessions/insights'));
  samples.first_rows_after_save = { value: firstRowsMs, floor: checkMs + pageMs };
  samples.backfill_latency = { value: backfillMs, floor: pages * latencyMs };
  info.latency = {
    latencyMs,
    jitterMs: run.ctx.options.latencyJitterMs,
    firstRowsMs,
    // When the worker had stored the first page (the popup shows rows after it).
    firstStoredMs,
    backfillMs,
    sequentialPages: pages,
    sessionPageRequests: requests.length,
    firstPageFetchMs: pageMs,
    organizationsFetchMs: checkMs,
    // When each session page's answer was sent, after the click on Save (gaps show when the
    // requests allowed in flight were not all used).
    sessionPageTimes: requests.map((e) => (e.at ?? 0) - since),
    // When each of the first answers was sent, after the click on Save.
    timeline: api.requestLog.recent.slice(0, 40).map((e) => `${(e.at ?? 0) - since} ${e.url}`),
  };
}
