/**
 * Long texts are stored apart from their session. A session may carry a first message of 1 MB
 * and an analysis of hundreds of 64 KB texts (utils/api/bounds.ts); the detail view shows only
 * the beginning of each until "Show all" is pressed. Reading all of it to open the session
 * allocated megabytes on the page's main thread and set off a full garbage collection of a page
 * that holds 200,000 list rows. So a stored session keeps the beginning of each long text, with
 * the text's full length (`CutLengths`), and the whole texts are a record of their own
 * (`longTexts` in schema.ts), read when a whole text is asked for, and for export.
 *
 * Which texts: those the detail view shows through a preview, each cut to its preview's length.
 * Search texts, list rows and analysis facts are made from the whole session before it is cut.
 */
import type { Session } from '../api';

/** Characters of a message or prompt shown until the whole is asked for. */
export const MESSAGE_PREVIEW_CHARS = 4_000;
/** The same for one text of an analysis (an issue, a timeline step), of which there are many. */
export const ANALYSIS_TEXT_PREVIEW_CHARS = 600;
/**
 * Prompts up to this length (both together) are compared word by word in the detail view, so
 * they are kept whole; a longer one is shown side by side, through a preview.
 */
export const PROMPT_DIFF_MAX_CHARS = 20_000;

/** Where a text sits in a session, as property names and list indexes joined by dots. */
export type TextPath = string;

/** The full length of each text a stored session keeps only the beginning of. */
export type CutLengths = Record<TextPath, number>;

/** A session's whole texts, by path: what its stored copy keeps only the beginning of. */
export type WholeTexts = Record<TextPath, string>;

/** A text to cut: where it is, and how much of it is kept. */
interface LongText {
  path: TextPath;
  text: string;
  keep: number;
}

/** A text is cut only when that saves most of it: a little over its preview is kept whole. */
const SLACK = 2;
const MESSAGE = { keep: MESSAGE_PREVIEW_CHARS, cutAbove: MESSAGE_PREVIEW_CHARS * SLACK };
const PROMPT = { keep: MESSAGE_PREVIEW_CHARS, cutAbove: PROMPT_DIFF_MAX_CHARS };
const ANALYSIS_TEXT = {
  keep: ANALYSIS_TEXT_PREVIEW_CHARS,
  cutAbove: ANALYSIS_TEXT_PREVIEW_CHARS * SLACK,
};

/**
 * The texts of `session` that the detail view shows through a preview and that are long enough
 * to cut. Every stored session passes here, so a path is made only for a text that is cut.
 */
function longTexts(session: Session): LongText[] {
  const long: LongText[] = [];
  const check = (
    text: string | null | undefined,
    bounds: { keep: number; cutAbove: number },
    path: () => TextPath,
  ) => {
    if (text && text.length > bounds.cutAbove) long.push({ path: path(), text, keep: bounds.keep });
  };
  check(session.initial_user_message, MESSAGE, () => 'initial_user_message');
  const analysis = session.session_analysis;
  if (!analysis) return long;
  const at = 'session_analysis';
  analysis.issues.forEach((issue, i) => {
    check(issue.issue, ANALYSIS_TEXT, () => `${at}.issues.${i}.issue`);
  });
  analysis.action_items.forEach((item, i) => {
    check(item.action_item, ANALYSIS_TEXT, () => `${at}.action_items.${i}.action_item`);
  });
  analysis.timeline.forEach((step, i) => {
    check(step.description, ANALYSIS_TEXT, () => `${at}.timeline.${i}.description`);
  });
  const suggested = analysis.suggested_prompt;
  if (!suggested) return long;
  const prompt = `${at}.suggested_prompt`;
  check(suggested.original_prompt, PROMPT, () => `${prompt}.original_prompt`);
  check(suggested.suggested_prompt, PROMPT, () => `${prompt}.suggested_prompt`);
  suggested.feedback_items.forEach((item, i) => {
    const path = (field: string) => () => `${prompt}.feedback_items.${i}.${field}`;
    check(item.summary, ANALYSIS_TEXT, path('summary'));
    check(item.excerpt, ANALYSIS_TEXT, path('excerpt'));
    check(item.details, ANALYSIS_TEXT, path('details'));
  });
  return long;
}

/** The first `max` characters, never ending on half of a surrogate pair. */
export function beginning(text: string, max: number): string {
  const code = text.charCodeAt(max - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}

type Container = Record<string, unknown> | unknown[];

/**
 * A copy of `root` with the value at `path` replaced: only the objects and lists on the way
 * are copied, the rest is shared. Each path must lead through objects and lists.
 */
function withValueAt<T>(root: T, path: TextPath, value: unknown): T {
  const keys = path.split('.');
  const copy = (container: Container): Container =>
    Array.isArray(container) ? [...container] : { ...container };
  const top = copy(root as Container);
  let parent = top as Record<string, unknown>;
  keys.forEach((key, i) => {
    if (i === keys.length - 1) {
      parent[key] = value;
      return;
    }
    const child = copy(parent[key] as Container);
    parent[key] = child;
    parent = child as Record<string, unknown>;
  });
  return top as T;
}

/** A session as it is stored: the long texts cut, and what was cut. */
export interface StoredForm {
  session: Session;
  /** Null when nothing was cut (most sessions). */
  cut: CutLengths | null;
  whole: WholeTexts | null;
}

/** Cuts the long texts of `session` to their previews (the session itself is left as it is). */
export function cutLongTexts(session: Session): StoredForm {
  const long = longTexts(session);
  if (long.length === 0) return { session, cut: null, whole: null };
  let stored = session;
  const cut: CutLengths = {};
  const whole: WholeTexts = {};
  for (const { path, text, keep } of long) {
    stored = withValueAt(stored, path, beginning(text, keep));
    cut[path] = text.length;
    whole[path] = text;
  }
  return { session: stored, cut, whole };
}

/**
 * The stored session with its whole texts put back. `whole` is undefined when the record that
 * holds them was not found: a session whose texts were cut is then refused, not passed off as
 * whole (the cache writes both in one transaction, so only a damaged cache lacks it).
 */
export function joinLongTexts(
  session: Session,
  whole: WholeTexts | null | undefined,
  cut: CutLengths | null | undefined,
): Session {
  if (!cut) return session;
  if (!whole) {
    throw new Error(
      `The whole texts of session ${session.session_id} are missing from the cache. Clear the cache in the options and sync again.`,
    );
  }
  let joined = session;
  for (const [path, text] of Object.entries(whole)) {
    // Only where the stored copy has a text: a path elsewhere would create objects on the way.
    if (textAt(joined, path) !== undefined) joined = withValueAt(joined, path, text);
  }
  return joined;
}

/** The value at `path` of `session` (a text of it), or undefined. */
export function textAt(session: Session, path: TextPath): string | undefined {
  let value: unknown = session;
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return typeof value === 'string' ? value : undefined;
}
