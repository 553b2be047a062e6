// Test-only: a database filled with sessions, and the session browser mounted around it.
import { useState } from 'preact/hooks';
import type { Session } from '../../utils/api/schemas';
import { DevinDatabase } from '../../utils/db/schema';
import { putSessions } from '../../utils/db/test-helpers';
import { emptyFilters, type SessionFilters } from '../../utils/filters/model';
import { type SessionsEnv, SessionsEnvContext } from './env';
import { type Layout, SessionBrowser } from './session-browser';

export async function makeDatabase(
  sessions: Session[],
  directory: {
    organizations?: { org_id: string; org_name: string | null }[];
    members?: { user_id: string; name: string | null; email: string | null }[];
  } = {},
): Promise<DevinDatabase> {
  const db = new DevinDatabase(`test-${Math.random().toString(36).slice(2)}`);
  await putSessions(db, sessions);
  await db.organizations.bulkPut(directory.organizations ?? []);
  await db.members.bulkPut(directory.members ?? []);
  return db;
}

export interface TestEnv extends SessionsEnv {
  calls: {
    syncNow: number;
    openOptions: number;
    openInTab: string[];
    openInsights: string[];
    copied: string[];
  };
  setConfigured: (configured: boolean) => void;
}

export function makeEnv(db: DevinDatabase, configured = true): TestEnv {
  const listeners = new Set<(configured: boolean) => void>();
  let current = configured;
  const calls: TestEnv['calls'] = {
    syncNow: 0,
    openOptions: 0,
    openInTab: [],
    openInsights: [],
    copied: [],
  };
  return {
    openDatabase: () => Promise.resolve(db),
    databaseName: db.name,
    calls,
    syncNow: async () => {
      calls.syncNow++;
      return 'done';
    },
    openOptions: () => {
      calls.openOptions++;
    },
    openInsights: (query) => {
      calls.openInsights.push(query);
    },
    openInTab: (query) => {
      calls.openInTab.push(query);
    },
    watchConfigured: (callback) => {
      listeners.add(callback);
      callback(current);
      return () => listeners.delete(callback);
    },
    copyText: async (text) => {
      calls.copied.push(text);
    },
    setConfigured: (value) => {
      current = value;
      for (const listener of listeners) listener(value);
    },
  };
}

export interface HarnessProps {
  env: SessionsEnv;
  layout?: Layout;
  initialFilters?: SessionFilters;
  initialOpenId?: string | null;
  onView?: (view: { filters: SessionFilters; openId: string | null }) => void;
}

/** Owns the filters and the open session as the popup and the tab do. */
export function Harness(props: HarnessProps) {
  const [filters, setFilters] = useState(props.initialFilters ?? emptyFilters());
  const [openId, setOpenId] = useState<string | null>(props.initialOpenId ?? null);
  props.onView?.({ filters, openId });
  return (
    <SessionsEnvContext.Provider value={props.env}>
      <SessionBrowser
        layout={props.layout ?? 'tab'}
        filters={filters}
        onFiltersChange={setFilters}
        openId={openId}
        onOpenChange={setOpenId}
      />
    </SessionsEnvContext.Provider>
  );
}
