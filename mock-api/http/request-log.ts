// What the server saw, kept apart from the routing so tests and the demo can read and reset it.

interface RequestLogEntry {
  method: string;
  /** Path and query as received. */
  url: string;
  path: string;
  authorization: boolean;
  status: number;
  /** When the answer was sent (epoch ms), for timelines. */
  at?: number;
}

/** What the server saw: counts per path and the last N requests (for tests and the demo). */
export class RequestLog {
  total = 0;
  readonly byPath = new Map<string, number>();
  readonly recent: RequestLogEntry[] = [];

  constructor(private readonly capacity: number) {}

  record(entry: RequestLogEntry): void {
    this.total++;
    this.byPath.set(entry.path, (this.byPath.get(entry.path) ?? 0) + 1);
    this.recent.push({ ...entry, at: entry.at ?? Date.now() });
    if (this.recent.length > this.capacity)
      this.recent.splice(0, this.recent.length - this.capacity);
  }

  count(path: string): number {
    return this.byPath.get(path) ?? 0;
  }

  reset(): void {
    this.total = 0;
    this.byPath.clear();
    this.recent.length = 0;
  }
}
