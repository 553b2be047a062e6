/**
 * The current time, refreshed every `intervalMs`: for "3 minutes ago" and lease expiry.
 *
 * One clock per interval is shared by every component of the page that reads it, and it ticks
 * only while something reads it, so a page holds one timer however many relative times it
 * shows. A plain subscription rather than a signal: importing @preact/signals hooks into every
 * render of every component, which the popup pays on each keystroke.
 */
import { useEffect, useState } from 'preact/hooks';

interface Clock {
  now: number;
  readers: Set<(now: number) => void>;
  timer?: ReturnType<typeof setInterval>;
}

const clocks = new Map<number, Clock>();

function clock(intervalMs: number): Clock {
  let shared = clocks.get(intervalMs);
  if (!shared) {
    shared = { now: Date.now(), readers: new Set() };
    clocks.set(intervalMs, shared);
  }
  return shared;
}

function watch(intervalMs: number, reader: (now: number) => void): () => void {
  const shared = clock(intervalMs);
  if (shared.readers.size === 0) {
    shared.timer = setInterval(() => {
      shared.now = Date.now();
      for (const read of shared.readers) read(shared.now);
    }, intervalMs);
  }
  shared.readers.add(reader);
  return () => {
    shared.readers.delete(reader);
    if (shared.readers.size === 0) clearInterval(shared.timer);
  };
}

/** The clock's time; the component re-renders when it ticks. */
export function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => {
    const shared = clock(intervalMs);
    // A clock nobody reads has stopped: it starts again from now.
    if (shared.readers.size === 0) shared.now = Date.now();
    return shared.now;
  });
  useEffect(() => watch(intervalMs, setNow), [intervalMs]);
  return now;
}
