/**
 * The JSON export: every cached session as the API sent it (a `SessionDetailResponse` array),
 * so the file can be read back by anything that reads the API. Only the contract's fields are
 * written, in the contract's order: nothing else (settings, the key) can slip into a file.
 */
import { type Session, toEpochMs } from '../api';

/** The fields of the v2 `SessionDetailResponse`, in contract order. */
export const SESSION_EXPORT_FIELDS = [
  'session_id',
  'url',
  'status',
  'tags',
  'org_id',
  'created_at',
  'updated_at',
  'acus_consumed',
  'pull_requests',
  'session_analysis',
  'initial_user_message',
  'title',
  'user_id',
] as const satisfies readonly (keyof Session)[];

type ExportedSession = Pick<Session, (typeof SESSION_EXPORT_FIELDS)[number]>;

/** Newest first, as the API lists them; ties by id, so the same cache gives the same file. */
function compareForExport(a: Session, b: Session): number {
  const byTime = toEpochMs(b.created_at) - toEpochMs(a.created_at);
  if (byTime !== 0) return byTime;
  return a.session_id < b.session_id ? -1 : a.session_id > b.session_id ? 1 : 0;
}

function toExportedSession(session: Session): ExportedSession {
  const exported: Record<string, unknown> = {};
  for (const field of SESSION_EXPORT_FIELDS) exported[field] = session[field];
  return exported as ExportedSession;
}

/** `details` are sessions, or records holding one (`{ session }`); the result is pretty-printed JSON. */
export function toExportJson(details: readonly ({ session: Session } | Session)[]): string {
  const sessions = details.map((detail) => ('session' in detail ? detail.session : detail));
  const sorted = [...sessions].sort(compareForExport);
  return `${JSON.stringify(sorted.map(toExportedSession), null, 2)}\n`;
}
