/**
 * The Insights worker: reads the cache, filters and aggregates off the page's main thread, and
 * follows changes to the cache (Dexie signals writes from any context, the background's sync
 * included, through a BroadcastChannel).
 *
 * Loaded by the page with `new Worker(new URL('./insights.worker.ts', import.meta.url),
 * { type: 'module' })`, which Vite bundles as a separate module file of the extension.
 */
import Dexie from 'dexie';
import { cacheChanged } from '../../utils/db/changes';
import { db } from '../../utils/db/database';
import { databaseSource, InsightsEngine } from '../../utils/insights/engine';
import {
  type InsightsMessage,
  type InsightsQuery,
  transferables,
} from '../../utils/insights/messages';

/** The little of DedicatedWorkerGlobalScope used here (the project's types are DOM only). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<InsightsQuery>) => void) | null;
  postMessage(message: InsightsMessage, transfer: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;

const engine = new InsightsEngine(databaseSource(db), (message) => {
  // A complete result may still be saved for the page's next opening (saved.ts): copied, not
  // transferred, so the worker keeps its buffers.
  const transfer = message.type === 'result' && message.partial && message.savedAt === undefined;
  scope.postMessage(message, transfer ? transferables(message.insights) : []);
});

Dexie.on('storagemutated', (parts) => {
  if (cacheChanged(parts, db.name)) engine.invalidate();
});

scope.onmessage = (event) => {
  if (event.data?.type === 'query') engine.setQuery(event.data.filters, event.data.cycle);
};
