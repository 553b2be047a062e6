// The v3-only fields of a session (status detail, message counts, size, archive and advanced
// flags, origin, playbook), derived from the session itself: a seeded stream per session id
// gives the same draws on every request, and the current status and ACUs shape the result.
// Nothing here is stored, so v2 answers stay exactly as they were.

import { Rng } from '../random';
import type { SessionDetailResponse } from '../types';

type SessionSize = 'xs' | 's' | 'm' | 'l' | 'xl';

export interface SessionTraits {
  statusDetail: string | null;
  numUserMessages: number;
  numDevinMessages: number;
  sessionSize: SessionSize;
  /** Archived unless the v3 API archived it since (the caller applies that). */
  archivedByDefault: boolean;
  isAdvanced: boolean;
  origin: string;
  playbookId: string | null;
}

const ORIGINS = ['webapp', 'slack', 'api', 'jira', 'linear', 'cli', 'automation'] as const;
const ORIGIN_WEIGHTS = [55, 20, 8, 5, 5, 4, 3];

/** When status is running: what Devin is doing. */
const RUNNING_DETAILS = ['working', 'waiting_for_user', 'waiting_for_approval', 'finished'];
const RUNNING_WEIGHTS = [65, 22, 5, 8];
/** When status is suspended: why. */
const SUSPENDED_DETAILS = [
  'inactivity',
  'user_request',
  'usage_limit_exceeded',
  'out_of_credits',
  'error',
];
const SUSPENDED_WEIGHTS = [60, 20, 10, 5, 5];

function statusDetailOf(status: string, rng: Rng): string | null {
  // One draw whatever the status, so later draws do not depend on it.
  const running = rng.weighted(RUNNING_DETAILS, RUNNING_WEIGHTS);
  const suspended = rng.weighted(SUSPENDED_DETAILS, SUSPENDED_WEIGHTS);
  if (status === 'running') return running;
  if (status === 'suspended') return suspended;
  if (status === 'exit') return 'finished';
  if (status === 'error') return 'error';
  return null;
}

function sizeOf(acus: number, messages: number): SessionSize {
  const score = acus + messages / 20;
  if (score < 1) return 'xs';
  if (score < 4) return 's';
  if (score < 12) return 'm';
  if (score < 30) return 'l';
  return 'xl';
}

/** A playbook id from a small pool per organization, so several sessions share each one. */
function playbookOf(orgId: string, slot: number): string {
  return `playbook-${new Rng(`${orgId}:playbook:${slot}`).hex(32)}`;
}

/** The v3-only fields of `session`, as its v3 answer shows them now. */
export function traitsOf(session: SessionDetailResponse, status: string): SessionTraits {
  const rng = new Rng(`v3:${session.session_id}`);
  const statusDetail = statusDetailOf(status, rng);
  const userRate = 0.1 + 0.5 * rng.next();
  const devinRate = 0.8 + 1.7 * rng.next();
  const archivedByDefault = rng.chance(0.04);
  const isAdvanced = rng.chance(0.1);
  const origin = rng.weighted(ORIGINS, ORIGIN_WEIGHTS);
  const playbookSlot = rng.chance(0.15) ? rng.int(0, 3) : -1;

  const acus = session.acus_consumed;
  const quiet = session.status === 'new' || session.status === 'claimed' || acus === 0;
  const numUserMessages = quiet ? 1 : Math.min(60, 1 + Math.floor(acus * userRate));
  const numDevinMessages = quiet
    ? 0
    : Math.min(200, numUserMessages + Math.max(1, Math.round(acus * devinRate)));
  return {
    statusDetail,
    numUserMessages,
    numDevinMessages,
    sessionSize: sizeOf(acus, numUserMessages + numDevinMessages),
    archivedByDefault,
    isAdvanced,
    origin,
    playbookId: playbookSlot >= 0 ? playbookOf(session.org_id, playbookSlot) : null,
  };
}
