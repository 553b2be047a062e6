/** The storage phase: IndexedDB bytes per stored session (idb_bytes_per_session) after the backfill. */
import { setTimeout as sleep } from 'node:timers/promises';
import type { BenchRun } from '../bench-run';
import { storageUsage } from '../in-browser';

export async function measureStorage(run: BenchRun, cached: number): Promise<void> {
  // Give LevelDB a moment to flush what the last transactions wrote.
  await sleep(1000);
  const usage = await run.browser.worker.evaluate(storageUsage);
  run.samples.idb_bytes_per_session = { value: (usage.indexedDB ?? usage.usage) / cached };
  run.info.storage = { ...usage, sessions: cached };
}
