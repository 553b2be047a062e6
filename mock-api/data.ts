// Deterministic, realistic fixture data: organizations, members and sessions in the exact shapes
// of the Devin v2 API. Same seed + same `now` => byte-identical output, because every random
// draw comes from seeded streams and nothing reads the wall clock. The parts are made in
// dataset/: the directory, the sessions (with their texts) and the word lists they draw from.

import type { Directory } from './dataset/directory';
import { generateDirectory } from './dataset/directory';
import { sampleCreatedAt } from './dataset/session-draws';
import { ACTIVE_STATUSES, SessionFactory } from './dataset/session-factory';
import { compareSessions } from './dataset/session-order';
import { HOUR, iso, MINUTE, toEpochMs } from './dataset/time';
import { Rng } from './random';
import type { SessionDetailResponse } from './types';
import { SESSION_STATUSES } from './types';

export interface DatasetOptions {
  sessions: number;
  orgs: number;
  /** Number of enterprise members; derived from `sessions` when omitted. */
  users?: number;
  seed: number | string;
  now: Date | number | string;
}

export interface Dataset extends Directory {
  seed: string;
  /** The reference time (ISO) everything is generated relative to. */
  now: string;
  /** Sorted as the API serves them: created_at descending, then session_id ascending. */
  sessions: SessionDetailResponse[];
}

export function generateDataset(options: DatasetOptions): Dataset {
  const nowMs = toEpochMs(options.now);
  const seed = String(options.seed);
  // Separate streams: changing how many sessions are made does not change the orgs or users.
  const directoryRng = new Rng(`${seed}:directory`);
  const sessionRng = new Rng(`${seed}:sessions`);
  const { orgs, members, memberships, repositories } = generateDirectory(
    directoryRng,
    options,
    nowMs,
  );

  const factory = new SessionFactory({ orgs, members, memberships, repositories });
  const count = Math.max(0, Math.floor(options.sessions));
  const sessions: SessionDetailResponse[] = new Array(count);
  const createdMs = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    // The first sessions take each status once, so every enum value exists even in tiny datasets.
    const forced = i < SESSION_STATUSES.length ? SESSION_STATUSES[i] : undefined;
    const recent = forced !== undefined && ACTIVE_STATUSES.includes(forced);
    const created = recent
      ? nowMs - sessionRng.int(MINUTE, 6 * HOUR)
      : sampleCreatedAt(sessionRng, nowMs);
    createdMs[i] = created;
    sessions[i] = factory.makeSession(sessionRng, created, nowMs, forced ? { status: forced } : {});
  }

  const order = Array.from({ length: count }, (_, i) => i);
  order.sort((a, b) =>
    compareSessions(
      createdMs[a] ?? 0,
      sessions[a]?.session_id ?? '',
      createdMs[b] ?? 0,
      sessions[b]?.session_id ?? '',
    ),
  );
  return {
    seed,
    now: iso(nowMs),
    orgs,
    members,
    memberships,
    repositories,
    sessions: order.map((i) => sessions[i] as SessionDetailResponse),
  };
}

/** Deterministic default API key for a seed, shaped like a real enterprise admin key. */
export function deriveApiKey(seed: number | string, role: 'admin' | 'user'): string {
  return `apk_user_${new Rng(`${seed}:api-key:${role}`).hex(40)}`;
}
