/**
 * The long texts of the session open in the detail view. Its stored copy keeps only their
 * beginnings (utils/db/long-texts.ts); the whole session is read when a whole text is asked for
 * ("Show all", a copy button) and then shown in place of the cut copy.
 */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Session } from '../../utils/api/schemas';
import { type TextPath, textAt } from '../../utils/db/long-texts';

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
