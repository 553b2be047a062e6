/**
 * The current time, refreshed every `intervalMs`: for "3 minutes ago" and lease expiry.
 *
 * One clock per interval is shared by every component of the page that reads it, and it ticks
 * only while something reads it (a signal's `watched`/`unwatched`), so a page holds one timer
 * however many relative times it shows.
 */
import { type ReadonlySignal, signal } from '@preact/signals';

const clocks = new Map<number, ReadonlySignal<number>>();

function clock(intervalMs: number): ReadonlySignal<number> {
  let shared = clocks.get(intervalMs);
  if (!shared) {
    let timer: ReturnType<typeof setInterval> | undefined;
    const now = signal(Date.now(), {
      watched() {
        now.value = Date.now();
        timer = setInterval(() => {
          now.value = Date.now();
        }, intervalMs);
      },
      unwatched() {
        clearInterval(timer);
      },
    });
    shared = now;
    clocks.set(intervalMs, shared);
  }
  return shared;
}

/** Reads the clock in render: the component re-renders when it ticks. */
export function useNow(intervalMs: number): number {
  return clock(intervalMs).value;
}
