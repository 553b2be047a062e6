/**
 * "Stop session" (v3 only): terminate a session, archiving it too when asked, then store the
 * copy Devin answers with, so the list and the detail show the new status at once; the next
 * sync reads the same change and confirms it.
 */
import type { DevinClient } from '../api/client';
import { isDevinApiError } from '../api/errors';
import { readSession } from '../db/reads';
import type { DevinDatabase } from '../db/schema';
import { t } from '../i18n';
import { describeFailure } from './messages';
import { storeSessionCopy } from './store-session';
import type { ActionResult } from './types';

/** Why a key cannot stop sessions; a function so it is read in the browser's language. */
export function needsV3ToStop(): string {
  return t('background.actions.needsV3ToStop');
}

export interface StopRequest {
  db: DevinDatabase;
  client: DevinClient;
  /** The key's hash (`cacheIdentity`): which cache the answered copy goes into. */
  identity: string;
  sessionId: string;
  archive: boolean;
  now?: () => number;
}

const STORE_WAIT_MS = 30_000;

export async function stopSession(request: StopRequest): Promise<ActionResult> {
  const { client, sessionId } = request;
  const now = request.now ?? Date.now;
  if (client.version !== 'v3' || !client.terminateSession) {
    return { ok: false, message: needsV3ToStop() };
  }
  const cached = await readSession(request.db, sessionId);
  if (!cached) return { ok: false, message: t('background.actions.stopNotCached') };
  let stopped: Awaited<ReturnType<NonNullable<DevinClient['terminateSession']>>>;
  try {
    stopped = await client.terminateSession(cached.org_id, sessionId, request.archive);
  } catch (error) {
    if (isDevinApiError(error) && error.kind === 'forbidden') {
      return {
        ok: false,
        message: t('background.actions.stopRefused', { detail: error.message }),
      };
    }
    return { ok: false, message: describeFailure('stopping a session', error) };
  }
  const stored = await storeSessionCopy(
    request.db,
    request.identity,
    stopped,
    now() + STORE_WAIT_MS,
    now,
  );
  // Stopped either way: only showing it waits (for the sync under way, or another key's cache).
  if (stored === 'sync-running') return { ok: true, note: t('background.actions.stoppedSyncBusy') };
  return { ok: true };
}
