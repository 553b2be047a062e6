/**
 * How many requests a client keeps in flight at once. The window starts at its maximum and
 * halves whenever the server says it is overloaded (429 or a 5xx); a `Retry-After` holds every
 * new request back until it has passed. It grows back by one only after several windows' worth
 * of answers in a row succeeded, so a struggling server is not hit as hard again at once.
 * Every attempt goes through it, retries included.
 */
export const MAX_IN_FLIGHT = 4;
/** Successful answers in a row, per place in the window, before the window grows by one. */
const GROW_AFTER_PER_SLOT = 4;

/** How an attempt ended, as far as the server's load is concerned. */
export type AttemptOutcome =
  | { kind: 'ok' }
  | { kind: 'overloaded'; retryAfterMs?: number }
  | { kind: 'other' };

/** Gives a place back, saying how its attempt ended (later calls do nothing). */
export type Release = (outcome: AttemptOutcome) => void;

export class AdaptiveLimiter {
  constructor(
    readonly max = MAX_IN_FLIGHT,
    private readonly now: () => number = Date.now,
  ) {
    this.window = max;
  }

  private window: number;
  private inFlight = 0;
  private successes = 0;
  private heldUntil = 0;
  /** Requests waiting for a place, first come first served; each is woken with its place. */
  private readonly waiting: Array<() => void> = [];
  private timer: ReturnType<typeof setTimeout> | null = null;

  /** Requests allowed in flight now. */
  get size(): number {
    return this.window;
  }

  /** Waits for a place; rejects with the signal's reason when it aborts first. */
  async acquire(signal?: AbortSignal): Promise<Release> {
    signal?.throwIfAborted();
    if (this.waiting.length === 0 && this.hasRoom()) {
      this.inFlight++;
    } else {
      await new Promise<void>((resolve, reject) => {
        const wake = () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        };
        const onAbort = () => {
          const index = this.waiting.indexOf(wake);
          if (index >= 0) this.waiting.splice(index, 1);
          reject(signal?.reason);
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        this.waiting.push(wake);
        this.wakeWaiting();
      });
    }
    let released = false;
    return (outcome) => {
      if (released) return;
      released = true;
      this.inFlight--;
      this.record(outcome);
      this.wakeWaiting();
    };
  }

  private hasRoom(): boolean {
    return this.inFlight < this.window && this.now() >= this.heldUntil;
  }

  private record(outcome: AttemptOutcome): void {
    if (outcome.kind === 'overloaded') {
      this.window = Math.max(1, Math.floor(this.window / 2));
      this.successes = 0;
      if (outcome.retryAfterMs !== undefined && outcome.retryAfterMs > 0) {
        this.heldUntil = Math.max(this.heldUntil, this.now() + outcome.retryAfterMs);
      }
    } else if (outcome.kind === 'ok' && this.window < this.max) {
      if (++this.successes >= this.window * GROW_AFTER_PER_SLOT) {
        this.window++;
        this.successes = 0;
      }
    }
  }

  /** Gives free places to waiting requests, in order; after a Retry-After, once it passed. */
  private wakeWaiting(): void {
    while (this.waiting.length > 0 && this.hasRoom()) {
      this.inFlight++;
      (this.waiting.shift() as () => void)();
    }
    const wait = this.heldUntil - this.now();
    if (this.waiting.length > 0 && wait > 0 && this.timer === null) {
      this.timer = setTimeout(() => {
        this.timer = null;
        this.wakeWaiting();
      }, wait);
    }
  }
}
