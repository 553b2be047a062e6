/**
 * The page's side of the Insights worker: posts the view's filters, keeps the latest result.
 * When a worker cannot start (or fails), the same engine runs on the page instead.
 */
import Dexie from 'dexie';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { BillingCycle } from '../../utils/budget/cycle';
import { cacheChanged } from '../../utils/db/changes';
import { db } from '../../utils/db/database';
import type { SessionFilters } from '../../utils/filters/model';
import { filtersKey } from '../../utils/filters/url';
import { databaseSource, InsightsEngine } from '../../utils/insights/engine';
import type { InsightsMessage, InsightsResult } from '../../utils/insights/messages';
import { logFailure } from '../../utils/log';

export interface InsightsState {
  result: InsightsResult | null;
  error: string | null;
  /** Where the work runs, for the status line. */
  mode: 'worker' | 'page';
}

interface Runner {
  query(filters: SessionFilters, cycle: BillingCycle): void;
  dispose(): void;
}

function startWorker(onMessage: (message: InsightsMessage) => void, onFail: () => void): Runner {
  const worker = new Worker(new URL('./insights.worker.ts', import.meta.url), { type: 'module' });
  worker.onmessage = (event: MessageEvent<InsightsMessage>) => onMessage(event.data);
  worker.onerror = (event) => {
    logFailure('the Insights worker', event.message);
    event.preventDefault();
    onFail();
  };
  return {
    query: (filters, cycle) => worker.postMessage({ type: 'query', filters, cycle }),
    dispose: () => worker.terminate(),
  };
}

function startInPage(onMessage: (message: InsightsMessage) => void): Runner {
  const engine = new InsightsEngine(databaseSource(db), onMessage);
  const listener = (parts: Record<string, unknown>) => {
    if (cacheChanged(parts, db.name)) engine.invalidate();
  };
  Dexie.on('storagemutated', listener);
  return {
    query: (filters, cycle) => engine.setQuery(filters, cycle),
    dispose: () => {
      Dexie.on('storagemutated').unsubscribe(listener);
      engine.dispose();
    },
  };
}

/** `cycle`: the billing cycle whose sessions the budget sums, whatever the filters. */
export function useInsights(filters: SessionFilters, cycle: BillingCycle): InsightsState {
  const [state, setState] = useState<InsightsState>({ result: null, error: null, mode: 'worker' });
  const runner = useRef<Runner | null>(null);
  const latest = useRef({ filters, cycle });
  latest.current = { filters, cycle };

  useEffect(() => {
    const onMessage = (message: InsightsMessage) => {
      if (message.type === 'result') {
        setState((previous) => ({ ...previous, result: message, error: null }));
      } else {
        setState((previous) => ({ ...previous, error: message.message }));
      }
    };
    const fallBack = () => {
      runner.current?.dispose();
      runner.current = startInPage(onMessage);
      setState((previous) => ({ ...previous, mode: 'page' }));
      runner.current.query(latest.current.filters, latest.current.cycle);
    };
    try {
      runner.current = startWorker(onMessage, fallBack);
    } catch (error) {
      logFailure('starting the Insights worker', error);
      runner.current = startInPage(onMessage);
      setState((previous) => ({ ...previous, mode: 'page' }));
    }
    return () => {
      runner.current?.dispose();
      runner.current = null;
    };
  }, []);

  const key = `${filtersKey(filters)} ${cycle.start}`;
  useEffect(() => {
    runner.current?.query(latest.current.filters, latest.current.cycle);
  }, [key]);

  return state;
}
