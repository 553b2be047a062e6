/** The rows of the `consumption` table and the billing status (see consumption.ts). */

type ConsumptionKey = 'current' | 'previous';

export interface ConsumptionRow {
  key: ConsumptionKey;
  /** The cycle read (epoch ms, 08:00 UTC instants). */
  cycleStart: number;
  cycleEnd: number;
  fetchedAt: number;
  totalAcus: number;
  byDate: Record<string, number>;
  byOrg: Record<string, number>;
  /** Null when the API gives no per-user breakdown (v3). */
  byUser: Record<string, number> | null;
}

/** Whether the last read worked (the UI says what to do when it did not). */
export interface BillingStatus {
  state: 'ok' | 'forbidden' | 'failed';
  /** Which API answered: the permission to ask for differs (the UI words it). */
  apiVersion: 'v2' | 'v3';
  /** For `failed`: the API error's plain-words message. */
  message: string | null;
  at: number;
}
