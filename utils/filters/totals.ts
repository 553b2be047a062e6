/** Sums over a list of sessions. (What the filter menus count is in facets.ts.) */
import type { SessionRow } from '../db/types';

export interface SessionTotals {
  sessions: number;
  acus: number;
  byStatus: Record<string, number>;
}

export function computeTotals(rows: readonly SessionRow[]): SessionTotals {
  let acus = 0;
  const byStatus: Record<string, number> = {};
  for (const row of rows) {
    acus += row.acus_consumed;
    byStatus[row.status] = (byStatus[row.status] ?? 0) + 1;
  }
  // Summing many two-decimal values drifts; totals are shown to two decimals.
  return { sessions: rows.length, acus: Math.round(acus * 100) / 100, byStatus };
}

/**
 * The numbers totals add up, one typed array per field in the list's order: the totals of any
 * subset (a filtered list, given by positions) are then a few additions per row, without
 * touching the row objects again on every keystroke.
 */
export class TotalsColumns {
  private readonly acus: Float64Array;
  private readonly status: Uint16Array;
  private readonly statuses: string[] = [];

  constructor(rows: readonly SessionRow[]) {
    this.acus = new Float64Array(rows.length);
    this.status = new Uint16Array(rows.length);
    const codes = new Map<string, number>();
    rows.forEach((row, i) => {
      let code = codes.get(row.status);
      if (code === undefined) {
        code = this.statuses.length;
        codes.set(row.status, code);
        this.statuses.push(row.status);
      }
      this.acus[i] = row.acus_consumed;
      this.status[i] = code;
    });
  }

  /** The totals of the rows at these positions (as `computeTotals` of those rows). */
  totalsAt(positions: readonly number[]): SessionTotals {
    let acus = 0;
    const counts = new Uint32Array(this.statuses.length);
    for (const i of positions) {
      acus += this.acus[i] as number;
      const code = this.status[i] as number;
      counts[code] = (counts[code] as number) + 1;
    }
    const byStatus: Record<string, number> = {};
    this.statuses.forEach((status, code) => {
      if ((counts[code] as number) > 0) byStatus[status] = counts[code] as number;
    });
    return { sessions: positions.length, acus: Math.round(acus * 100) / 100, byStatus };
  }
}
