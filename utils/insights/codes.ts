/**
 * Small integer codes for the strings the Insights and Cost aggregations group by, growable
 * typed arrays to lay out per-session lists in, and how many sessions list each code. Apart
 * from the column store so that what a column holds (columns.ts) reads apart from how it is
 * stored.
 */

/** Each distinct key gets the next code, for as long as the dictionary lives. */
export class Codes<K> {
  private readonly map = new Map<K, number>();
  readonly keys: K[] = [];

  code(key: K): number {
    let code = this.map.get(key);
    if (code === undefined) {
      code = this.keys.length;
      this.map.set(key, code);
      this.keys.push(key);
    }
    return code;
  }

  get size(): number {
    return this.keys.length;
  }
}

/** Int32 values appended one by one, doubling its buffer as it grows. */
export class IntStream {
  data: Int32Array;
  length = 0;

  constructor(capacity = 1024) {
    this.data = new Int32Array(Math.max(16, capacity));
  }

  private grow(need: number): void {
    let size = this.data.length;
    while (size < need) size *= 2;
    const grown = new Int32Array(size);
    grown.set(this.data.subarray(0, this.length));
    this.data = grown;
  }

  push(value: number): void {
    if (this.length === this.data.length) this.grow(this.length + 1);
    this.data[this.length++] = value;
  }

  /** Appends `source[from..to)`. */
  append(source: Int32Array, from: number, to: number): void {
    const need = this.length + (to - from);
    if (need > this.data.length) this.grow(need);
    // Segments are a few values: a loop, not a subarray object per call.
    const data = this.data;
    let at = this.length;
    for (let k = from; k < to; k++) data[at++] = source[k] as number;
    this.length = need;
  }

  /** An exact-size copy, so the doubling's slack is not kept. */
  done(): Int32Array {
    return this.data.slice(0, this.length);
  }
}

/** How many sessions list each code at least once, in lists laid out with start offsets. */
export function sessionsPerCode(start: Int32Array, values: Int32Array, size: number): Int32Array {
  const sessions = new Int32Array(size);
  const last = new Int32Array(size).fill(-1);
  for (let g = 0; g + 1 < start.length; g++) {
    for (let k = start[g] as number; k < (start[g + 1] as number); k++) {
      const code = values[k] as number;
      if (last[code] !== g) {
        last[code] = g;
        sessions[code] = (sessions[code] ?? 0) + 1;
      }
    }
  }
  return sessions;
}
