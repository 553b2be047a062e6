/**
 * How a stored page lies in the tables, and reading its sessions back. Every page is its index
 * record, its rows, its search texts and its full sessions in parts (see schema.ts), with the
 * whole long texts of those sessions apart (long-texts.ts). Writing is in pages.ts: a page
 * that only lists and opens sessions (the popup) loads none of it.
 */
import type { Session } from '../api';
import { type CutLengths, joinLongTexts, type WholeTexts } from './long-texts';
import type { TableSource } from './summary';
import type { PageRecord, PageSessions } from './types';

/** The tables a page lives in; a transaction that writes pages takes all of them and `meta`. */
export const PAGE_TABLES = [
  'pages',
  'pageRows',
  'pageSearch',
  'pageSessions',
  'longTexts',
  'meta',
] as const;

/**
 * Full sessions per stored part: 40 sessions of a typical size stay under the ~64 KB above
 * which Chromium writes a value to a file of its own (measured: five parts of 40 cost the
 * worker less than one record of 200).
 */
export const SESSIONS_PER_PART = 40;

/** Where the whole long texts of one stored session are: its page, part and place in the part. */
export type LongTextsKey = [number, number, number];

/** The key range of every part of page `seq`'s full sessions, and of their long texts. */
export function partsOf(seq: number): [[number, number], [number, number]] {
  return [
    [seq, 0],
    [seq, Number.POSITIVE_INFINITY],
  ];
}

/** One stored copy of a session, its long texts cut (long-texts.ts). */
export interface StoredCopy {
  session: Session;
  /** What was cut; null when nothing was. */
  cut: CutLengths | null;
  /** Where its whole long texts are (null for copies read from a whole page, never cut). */
  key: LongTextsKey | null;
}

/**
 * One copy of a session, read from the one part of its page that holds it: a page's rows, stamps
 * and sessions share one order, so the stamp's place in the page names the part. Undefined when
 * the page or the part does not hold it (pages written with other part sizes): read the page.
 */
export async function readSessionCopy(
  source: TableSource,
  seq: number,
  stamp: string,
  sessionId: string,
): Promise<StoredCopy | undefined> {
  const page = await source.table<PageRecord, number>('pages').get(seq);
  const at = page?.stamps.indexOf(stamp) ?? -1;
  if (at < 0) return undefined;
  const partIndex = Math.floor(at / SESSIONS_PER_PART);
  const part = await source
    .table<PageSessions, [number, number]>('pageSessions')
    .get([seq, partIndex]);
  const index = part?.sessions.findIndex((session) => session.session_id === sessionId) ?? -1;
  if (part === undefined || index < 0) return undefined;
  return {
    session: part.sessions[index] as Session,
    cut: part.cut?.[index] ?? null,
    key: [seq, partIndex, index],
  };
}

/** The session of a stored copy with its whole long texts read back. */
export async function readWholeCopy(source: TableSource, copy: StoredCopy): Promise<Session> {
  if (copy.cut === null || copy.key === null) return copy.session;
  const whole = await source.table<WholeTexts, LongTextsKey>('longTexts').get(copy.key);
  return joinLongTexts(copy.session, whole, copy.cut);
}

/** The parts of page `seq`'s full sessions, in order. */
function partsRange(source: TableSource, seq: number) {
  const [lower, upper] = partsOf(seq);
  return source
    .table<PageSessions, [number, number]>('pageSessions')
    .where(':id')
    .between(lower, upper, true, true);
}

/** The full sessions of page `seq`, its parts joined, their long texts cut (long-texts.ts). */
export async function readPageSessions(source: TableSource, seq: number): Promise<Session[]> {
  return (await partsRange(source, seq).toArray()).flatMap((part) => part.sessions);
}

/** The sessions of page `seq` with their whole long texts: for rewriting the page. */
export async function readWholePageSessions(source: TableSource, seq: number): Promise<Session[]> {
  const range = partsRange(source, seq);
  const parts = await range.toArray();
  if (parts.every((part) => part.cut === undefined)) return parts.flatMap((part) => part.sessions);
  // The parts' numbers and the page's whole texts, keyed `[seq, part, index]`.
  const [lower, upper] = partsOf(seq);
  const table = source.table<WholeTexts, LongTextsKey>('longTexts');
  const texts = table.where(':id').between(lower, upper, true, true);
  const [keys, wholes, textKeys] = await Promise.all([
    range.primaryKeys(),
    texts.toArray(),
    texts.primaryKeys(),
  ]);
  const wholeAt = new Map(textKeys.map((key, i) => [`${key[1]}:${key[2]}`, wholes[i]]));
  return parts.flatMap((part, p) =>
    part.sessions.map((session, index) =>
      joinLongTexts(session, wholeAt.get(`${keys[p]?.[1]}:${index}`), part.cut?.[index]),
    ),
  );
}
