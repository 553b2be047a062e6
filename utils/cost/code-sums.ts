/**
 * Cost figures (sessions, ACUs, PRs, merged PRs, shared sessions) by a small integer code, in
 * typed arrays: the pass over the page's sessions adds to them once or twice per session, and an
 * object per code found through a lookup cost more than the additions themselves.
 */
import type { CostFigures, GroupCost, IdList } from './types';

export class CodeSums {
  readonly sessions: Int32Array;
  readonly acus: Float64Array;
  readonly prs: Int32Array;
  readonly merged: Int32Array;
  /** Sessions whose ACUs were split with other codes (repositories). */
  readonly shared: Int32Array;
  private readonly seen: Uint8Array;
  /** Codes in the order first met. */
  readonly met: number[] = [];

  constructor(size: number) {
    this.sessions = new Int32Array(size);
    this.acus = new Float64Array(size);
    this.prs = new Int32Array(size);
    this.merged = new Int32Array(size);
    this.shared = new Int32Array(size);
    this.seen = new Uint8Array(size);
  }

  meet(code: number): void {
    if (this.seen[code] === 1) return;
    this.seen[code] = 1;
    this.met.push(code);
  }

  /** Counts one session in `code` (met already). */
  count(code: number, acus: number, prs: number, merged: number): void {
    this.sessions[code] = (this.sessions[code] as number) + 1;
    this.acus[code] = (this.acus[code] as number) + acus;
    this.prs[code] = (this.prs[code] as number) + prs;
    this.merged[code] = (this.merged[code] as number) + merged;
  }

  figures(code: number): CostFigures {
    return {
      sessions: this.sessions[code] as number,
      acus: this.acus[code] as number,
      prs: this.prs[code] as number,
      mergedPrs: this.merged[code] as number,
    };
  }

  /** Each code met, named by `keys`, in the order met. */
  groups<K extends string | null>(keys: readonly K[]): (GroupCost & { shared: number })[] {
    return this.met.map((code) => ({
      key: keys[code] as K,
      ...this.figures(code),
      shared: this.shared[code] as number,
    }));
  }
}

/** Ids of one figure, until there are too many to open (`limit`). */
export class IdCollector {
  private ids: string[] = [];
  private over = false;

  constructor(private readonly limit: number) {}

  add(id: string): void {
    if (this.over) return;
    if (this.ids.length >= this.limit) {
      this.over = true;
      this.ids = [];
    } else this.ids.push(id);
  }

  result(): IdList {
    return this.over ? null : this.ids;
  }
}
