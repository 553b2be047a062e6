/**
 * Turns whatever stopped a sync into a line the UI can show as it is. The line is written in
 * the browser's language when the sync stops: SyncErrorInfo stores text, not a message key, and
 * the next sync replaces it anyway.
 */
import { isDevinApiError, isRetryableKind } from '../api';
import type { SyncErrorInfo } from '../db';
import { t } from '../i18n';

function isQuotaError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error.name === 'QuotaExceededError') return true;
  const inner = (error as { inner?: unknown }).inner;
  return inner !== undefined && isQuotaError(inner);
}

export function toSyncError(error: unknown, now = Date.now()): SyncErrorInfo {
  if (isDevinApiError(error)) return { kind: error.kind, message: error.message, at: now };
  if (isQuotaError(error)) {
    return {
      kind: 'quota',
      message: t('background.sync.quota'),
      at: now,
    };
  }
  const detail = error instanceof Error ? error.message : String(error);
  return {
    kind: 'unknown',
    message: t('background.sync.unexpected', { detail }),
    at: now,
  };
}

/** A key that is refused stays refused: retrying on a schedule would only repeat the error. */
export function stopsSchedule(error: SyncErrorInfo): boolean {
  return error.kind === 'unauthorized' || error.kind === 'forbidden';
}

/** Errors that pass by themselves: worth a sooner try than the next scheduled sync. */
export function isTransient(error: SyncErrorInfo): boolean {
  // A page walk that broke (`pagination`) is not retried request by request, where it would
  // meet the same pages, but a whole new sync soon after may find them consistent.
  return isRetryableKind(error.kind) || error.kind === 'pagination';
}
