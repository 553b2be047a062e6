/**
 * "Generate analysis" for one session (v3 only): ask Devin to start it, poll the session with a
 * growing pause until the analysis is there, then store that copy of the session in the cache,
 * where the open detail view's live query picks it up. A 403 is remembered for the key (see
 * analysis-denials.ts), so the next attempt is answered at once, without a request.
 */
import type { DevinClient } from '../api/client';
import { isDevinApiError } from '../api/errors';
import { sleep } from '../api/retry';
import type { Session } from '../api/schemas';
import type { DevinDatabase } from '../db/schema';
import { t } from '../i18n';
import { readDenial, rememberDenial } from './analysis-denials';
import { describeFailure, needsV3Token } from './messages';
import { storeSessionCopy } from './store-session';
import type { ActionResult } from './types';

export interface PollPolicy {
  /** The first pause after asking; each next one is twice as long, up to `maxDelayMs`. */
  firstDelayMs: number;
  maxDelayMs: number;
  /** Devin usually needs about a minute; after this long the action stops waiting. */
  giveUpAfterMs: number;
}

const ANALYSIS_POLL_POLICY: PollPolicy = {
  firstDelayMs: 1_000,
  maxDelayMs: 15_000,
  giveUpAfterMs: 120_000,
};

export interface GenerateRequest {
  db: DevinDatabase;
  client: DevinClient;
  /** The key's hash (`cacheIdentity`): which cache to store into, which key a 403 is about. */
  identity: string;
  sessionId: string;
  policy?: PollPolicy;
  /** Called at each poll: the background keeps its worker awake while it waits. */
  onPoll?: () => void;
  now?: () => number;
}

const STORE_WAIT_MS = 30_000;

export async function generateAnalysis(request: GenerateRequest): Promise<ActionResult> {
  const { client, identity, sessionId } = request;
  const policy = request.policy ?? ANALYSIS_POLL_POLICY;
  const now = request.now ?? Date.now;
  if (client.version !== 'v3' || !client.generateAnalysis || !client.getSession) {
    return { ok: false, message: needsV3Token() };
  }
  const denied = await readDenial(identity);
  if (denied !== null) return { ok: false, message: denied };

  const deadline = now() + policy.giveUpAfterMs;
  let analysed: Session | null = null;
  try {
    await client.generateAnalysis(sessionId);
    for (let delay = policy.firstDelayMs; analysed === null; ) {
      if (now() + delay > deadline)
        return { ok: false, message: t('background.actions.analysisGaveUp') };
      await sleep(delay);
      request.onPoll?.();
      const session = await client.getSession(sessionId);
      if (session.session_analysis !== null) analysed = session;
      delay = Math.min(delay * 2, policy.maxDelayMs);
    }
  } catch (error) {
    if (isDevinApiError(error) && error.kind === 'forbidden') {
      await rememberDenial(identity, error.message);
    }
    return { ok: false, message: describeFailure('generating an analysis', error) };
  }

  // A sync may be writing; waiting for it is worth a little longer than polling was.
  const storeBy = Math.max(deadline, now() + STORE_WAIT_MS);
  const stored = await storeSessionCopy(request.db, identity, analysed, storeBy, now);
  if (stored === 'sync-running')
    return { ok: false, message: t('background.actions.analysisSyncBusy') };
  if (stored === 'other-cache')
    return { ok: false, message: t('background.actions.analysisKeyChanged') };
  return { ok: true };
}
