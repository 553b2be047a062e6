// The random draws behind a session's numbers: ACUs, when it was created and last updated, how
// many pull requests it opened and their states. Each follows the session's status and age.

import type { Rng } from '../random';
import { round2 } from '../random';
import type { SessionStatus } from '../types';
import { DAY, HISTORY_DAYS, HOUR, MINUTE } from './time';

export function sessionAcus(rng: Rng, status: SessionStatus): number {
  if (status === 'new' || status === 'claimed')
    return rng.chance(0.7) ? 0 : round2(rng.next() * 0.2);
  // Log-normal: median ~2.5 ACUs, 80% between 0.5 and 10, a thin tail past 100.
  const median =
    status === 'running' || status === 'resuming' ? 1.5 : status === 'error' ? 1.2 : 2.5;
  return Math.max(0.01, round2(rng.lognormal(median, 1.15)));
}

export function sessionUpdatedAt(
  rng: Rng,
  status: SessionStatus,
  createdMs: number,
  nowMs: number,
  acus: number,
): number {
  let updated: number;
  if (status === 'new') updated = createdMs + rng.int(0, 30_000);
  else if (status === 'claimed') updated = createdMs + rng.int(5_000, 60_000);
  else if (status === 'running') updated = nowMs - rng.int(0, 15 * MINUTE);
  else if (status === 'resuming') updated = nowMs - rng.int(0, 2 * MINUTE);
  else {
    // Roughly 8-20 minutes of work per ACU, plus occasional follow-ups days later.
    updated = createdMs + Math.round((acus * rng.int(8, 20) + rng.int(1, 10)) * MINUTE);
    if (rng.chance(0.1)) updated += rng.int(1, 20) * DAY;
  }
  return Math.min(nowMs, Math.max(createdMs, updated));
}

export function pullRequestCount(rng: Rng, status: SessionStatus): number {
  const counts = [0, 1, 2, 3];
  if (status === 'exit') return rng.weighted(counts, [35, 45, 14, 6]);
  if (status === 'error') return rng.weighted(counts, [70, 25, 5, 0]);
  if (status === 'suspended') return rng.weighted(counts, [50, 38, 10, 2]);
  if (status === 'running' || status === 'resuming') return rng.weighted(counts, [55, 40, 5, 0]);
  return 0;
}

export function pullRequestState(rng: Rng, sinceUpdateMs: number): string | null {
  // State can lag or be unknown (null); old PRs are mostly resolved, recent ones mostly open.
  if (sinceUpdateMs > 14 * DAY)
    return rng.weighted(['merged', 'closed', 'open', null], [65, 20, 8, 7]);
  return rng.weighted(['open', 'merged', 'closed', null], [55, 30, 8, 7]);
}

/** Created times over the last HISTORY_DAYS: denser recently, quieter on weekends, daytime-heavy. */
export function sampleCreatedAt(rng: Rng, nowMs: number): number {
  let t = nowMs - 1;
  for (let attempt = 0; attempt < 3; attempt++) {
    t = nowMs - Math.floor(HISTORY_DAYS * DAY * rng.next() ** 1.3) - 1;
    const weekday = new Date(t).getUTCDay();
    if ((weekday === 0 || weekday === 6) && rng.chance(0.65)) continue;
    break;
  }
  const dayStart = t - (t % DAY);
  const hour = Math.min(23.99, Math.max(0, 15 + 4 * rng.normal()));
  const shifted = dayStart + Math.floor(hour * HOUR) + rng.int(0, 999);
  return shifted < nowMs ? shifted : t;
}
