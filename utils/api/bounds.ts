/**
 * How much of the API's data the extension keeps per item. Data from the API can be huge or
 * hostile; every later step (storing, search, rendering, export) then works on bounded values.
 * Cut text ends with a visible mark, so nobody mistakes it for the whole.
 */
import * as v from 'valibot';

export const TRUNCATED_MARK = '… [truncated]';

export const MAX_TITLE = 1_024;
export const MAX_MESSAGE = 1_048_576;
/** Each text of an analysis: an issue, an action item, a timeline step, a prompt. */
export const MAX_ANALYSIS_TEXT = 65_536;
/** Ids, labels, states, tags, URLs. */
export const MAX_SHORT_TEXT = 2_048;
/** Tags, PRs, issues, action items, timeline steps, feedback, child sessions: each list. */
export const MAX_LIST = 500;

/** The text cut to `max` characters (never half a surrogate pair), marked when cut. */
function capText(text: string, max: number): string {
  if (text.length <= max) return text;
  const end = max - TRUNCATED_MARK.length;
  const code = text.charCodeAt(end - 1);
  return `${text.slice(0, code >= 0xd800 && code <= 0xdbff ? end - 1 : end)}${TRUNCATED_MARK}`;
}

/** A string schema whose value is kept to `max` characters. */
export function boundedText(max: number) {
  return v.pipe(
    v.string(),
    v.transform((text) => capText(text, max)),
  );
}

/** A list schema that keeps its first `MAX_LIST` items. */
export function boundedList<T extends v.GenericSchema>(item: T) {
  return v.pipe(
    v.array(item),
    v.transform((items) => (items.length > MAX_LIST ? items.slice(0, MAX_LIST) : items)),
  );
}
