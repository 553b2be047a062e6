// The faults in effect while the server runs: the settings, their request counters, which
// sessions are served broken, and the churn timer that changes the store. Changing the faults
// restarts all of them together.

import type { CursorTrap, Faults, InvalidRecordKind, RequestVerdict } from './faults';
import { DEFAULT_FAULTS, FaultSchedule, invalidRecordPlan, mergeFaults } from './faults';
import type { SessionStore } from './store';

/** The fault settings among `options` (the server's options mix them with others). */
export function faultPatchOf(options: Partial<Faults>): Partial<Faults> {
  const faultPatch: Partial<Faults> = {};
  for (const key of Object.keys(DEFAULT_FAULTS) as (keyof Faults)[]) {
    if (options[key] !== undefined) Object.assign(faultPatch, { [key]: options[key] });
  }
  return faultPatch;
}

export class LiveFaults {
  private current: Faults;
  private readonly schedule: FaultSchedule;
  private plan: Map<number, InvalidRecordKind>;
  private churnTimer: NodeJS.Timeout | null = null;

  constructor(
    patch: Partial<Faults>,
    private readonly store: SessionStore,
  ) {
    this.current = mergeFaults(DEFAULT_FAULTS, patch);
    this.schedule = new FaultSchedule(this.current);
    this.plan = invalidRecordPlan(this.current.invalidRecords, store.initialSize);
  }

  /** The faults in effect now (do not edit). */
  get faults(): Faults {
    return this.current;
  }

  /** Which sessions (by ordinal) are served broken, and how. */
  get invalidPlan(): Map<number, InvalidRecordKind> {
    return this.plan;
  }

  /** How long the next response waits (0: at once). */
  nextDelayMs(): number {
    return this.schedule.nextDelayMs();
  }

  /** Counts an API request and says which fault, if any, answers it. */
  onRequest(): RequestVerdict {
    return this.schedule.onRequest();
  }

  /** Counts a would-be 200; true means: truncate its body. */
  shouldMalform(): boolean {
    return this.schedule.shouldMalform();
  }

  /** Counts a v3 page that has a next page; says which cursor trap, if any, it springs. */
  onContinuingPage(): CursorTrap {
    return this.schedule.onContinuingPage();
  }

  /** Changes faults; also restarts the fault counters (and the churn timer). */
  update(patch: Partial<Faults>): void {
    const previousChurn = this.current.churn;
    this.current = mergeFaults(this.current, patch);
    this.schedule.update(this.current);
    this.plan = invalidRecordPlan(this.current.invalidRecords, this.store.initialSize);
    if (patch.churn !== undefined || previousChurn !== this.current.churn) this.startChurn();
  }

  /** (Re)starts creating and updating sessions on a timer when `churn` is set. */
  startChurn(): void {
    this.stopChurn();
    const churn = this.current.churn;
    if (!churn) return;
    const store = this.store;
    this.churnTimer = setInterval(() => {
      store.createSessions(churn.create);
      store.updateSessions(churn.update);
    }, churn.intervalMs);
    // The timer alone must not keep a test process alive.
    this.churnTimer.unref();
  }

  stopChurn(): void {
    if (this.churnTimer) clearInterval(this.churnTimer);
    this.churnTimer = null;
  }
}
