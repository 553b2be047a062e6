/**
 * The long texts of the session open in the detail view. Its stored copy keeps only their
 * beginnings (utils/db/long-texts.ts); the whole session is read when a whole text is asked for
 * ("Show all", a copy button) and then shown in place of the cut copy.
 */
import { createContext } from 'preact';
import { useContext, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Session } from '../../utils/api/schemas';
import { type TextPath, textAt } from '../../utils/db/long-texts';
import type { StoredCopy } from '../../utils/db/page-layout';
import { readWholeSession } from '../../utils/db/reads';
import { logFailure } from '../../utils/log';
import { useDatabase } from './env';

export interface WholeTextsAccess {
  /** The full length of the text at `path`, when the copy shown keeps only its beginning. */
  cutLength(path: TextPath): number | undefined;
  /** The session with its whole texts (read once, then shown instead of the cut copy). */
  readWhole(): Promise<Session>;
}

const NOTHING_CUT: WholeTextsAccess = {
  cutLength: () => undefined,
  readWhole: () => Promise.reject(new Error('No session is open.')),
};

export const WholeTextsContext = createContext<WholeTextsAccess>(NOTHING_CUT);

export interface WholeText {
  /** The whole text's length, whether or not the copy shown keeps all of it. */
  length: number;
  /** Whether `text` is only the beginning of the whole. */
  cut: boolean;
  /** The whole text (read from the cache when it was cut). */
  whole(): Promise<string>;
}

/** `text`, found at `path` of the open session (no path: a text that is never cut). */
export function useWholeText(path: TextPath | undefined, text: string): WholeText {
  const access = useContext(WholeTextsContext);
  const cutLength = path === undefined ? undefined : access.cutLength(path);
  if (cutLength === undefined || path === undefined) {
    return { length: text.length, cut: false, whole: async () => text };
  }
  return {
    length: cutLength,
    cut: true,
    whole: async () => textAt(await access.readWhole(), path) ?? text,
  };
}

/**
 * The session to show: its stored copy, or the same copy with its whole texts once one was
 * asked for. A newer copy (a sync stored one) is shown as it comes, its whole texts read again
 * if they were being shown.
 */
export function useWholeSession(
  stored: StoredCopy | undefined,
  sessionId: string,
): { session: Session | null; wholeTexts: WholeTextsAccess; wholeFailed: boolean } {
  const db = useDatabase();
  const [whole, setWhole] = useState<Session | null>(null);
  // The session whose whole texts could not be read: another session opened says nothing.
  const [failedId, setFailedId] = useState<string | null>(null);
  // The read in progress, by session: a click on another session's text starts its own.
  const reading = useRef<{ id: string; whole: Promise<Session> } | null>(null);
  const copy = stored?.session;
  const current =
    whole !== null &&
    copy !== undefined &&
    whole.session_id === copy.session_id &&
    whole.updated_at === copy.updated_at
      ? whole
      : null;
  const wholeTexts = useMemo<WholeTextsAccess>(
    () => ({
      cutLength: (path) => (current === null ? stored?.cut?.[path] : undefined),
      readWhole: () => {
        if (current !== null) return Promise.resolve(current);
        if (reading.current?.id === sessionId) return reading.current.whole;
        const whole = (async () => {
          try {
            const read = db ? await readWholeSession(db, sessionId) : undefined;
            if (read === undefined) throw new Error('The session is no longer cached.');
            setWhole(read);
            setFailedId(null);
            return read;
          } catch (error) {
            logFailure('reading the whole texts of a session', error);
            setFailedId(sessionId);
            throw error;
          } finally {
            if (reading.current?.id === sessionId) reading.current = null;
          }
        })();
        reading.current = { id: sessionId, whole };
        return whole;
      },
    }),
    [db, sessionId, stored, current],
  );
  // Whole texts were shown, then a newer copy came: read its whole texts too.
  const stale = whole !== null && current === null && whole.session_id === copy?.session_id;
  useEffect(() => {
    if (stale && stored?.cut) wholeTexts.readWhole().catch(() => undefined);
  }, [stale, wholeTexts]);
  return { session: current ?? copy ?? null, wholeTexts, wholeFailed: failedId === sessionId };
}
