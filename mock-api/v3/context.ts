// What the v3 handlers share beyond the store: the service users, the clock cursors are dated
// with, the cursor traps of the live faults, what v3 changed about sessions (archived ones,
// analyses under way) and the parent/child links. One per server; close() stops its timers.

import type { CursorTrap } from '../faults';
import type { LiveFaults } from '../live-faults';
import type { SessionStore } from '../store';
import type { ServiceUser } from './auth';
import type { Relations } from './relations';
import { buildRelations, relationsOf } from './relations';

export interface V3Options {
  users: readonly ServiceUser[];
  /** Dates cursors (for their time to live). */
  clock: () => number;
  /** How long an analysis takes after POST .../insights/generate. */
  analysisDelayMs: number;
}

export class V3Context {
  /** Sessions archived through the v3 API, by store id. */
  private readonly archived = new Set<string>();
  /** Analyses under way, by store id. */
  private readonly pending = new Map<string, NodeJS.Timeout>();
  private relationIndex: ReadonlyMap<string, Relations> | null = null;

  constructor(
    readonly store: SessionStore,
    private readonly live: LiveFaults,
    readonly options: V3Options,
  ) {}

  now(): number {
    return this.options.clock();
  }

  /** Cursors older than this are refused (0 = never). */
  get cursorTtlMs(): number {
    return this.live.faults.cursorTtlMs;
  }

  /** Counts a page that has a next page; says which cursor trap it springs. */
  cursorTrap(): CursorTrap {
    return this.live.onContinuingPage();
  }

  isArchived(storeId: string, byDefault: boolean): boolean {
    return byDefault || this.archived.has(storeId);
  }

  archive(storeId: string): void {
    this.archived.add(storeId);
  }

  relations(storeId: string): Relations {
    this.relationIndex ??= buildRelations(this.store.all(), this.store.initialSize);
    return relationsOf(this.relationIndex, storeId);
  }

  /**
   * Starts analysing a session that has no analysis: it appears `analysisDelayMs` later (and
   * moves updated_at). `already_exists` when it has one or one is under way.
   */
  startAnalysis(storeId: string): 'started' | 'already_exists' {
    const entry = this.store.getSession(storeId);
    if (!entry || entry.session.session_analysis !== null || this.pending.has(storeId)) {
      return 'already_exists';
    }
    const timer = setTimeout(() => {
      this.pending.delete(storeId);
      this.store.completeAnalysis(storeId);
    }, this.options.analysisDelayMs);
    timer.unref();
    this.pending.set(storeId, timer);
    return 'started';
  }

  stop(): void {
    for (const timer of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
  }
}
