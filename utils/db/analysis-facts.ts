/**
 * What Insights counts of an analysis beyond the row's digest: each issue's label and impact and
 * each action item's type. The sync packs them into one short string of the digest
 * (`AnalysisDigest.facts`), so the Insights page reads no session's details to count impacts
 * and action types: at 200,000 sessions that read took seconds.
 *
 * An issue is packed as the position of its label in the digest's `labels` and its impact; the
 * action item types follow the issues. Rows stored before facts were kept, and analyses whose
 * facts would be long or could not be packed unambiguously, have none: their details are read
 * instead.
 */
import type { SessionAnalysis } from '../api';

/** Between an issue's label position and its impact. */
const FIELD = '\u0001';
/** Between two issues, or two action item types. */
const ITEM = '\u0002';
/** Between the issues and the action item types. */
const PART = '\u0003';

/** Whether a value holds a separator (no API text should; such a row keeps no facts). */
function holdsSeparator(value: string): boolean {
  return value.includes(FIELD) || value.includes(ITEM) || value.includes(PART);
}

/** Past this many issues and action items, a row keeps no facts: the list rows stay small. */
const MAX_ITEMS = 64;
/** Past this length, likewise (an impact or a type is a word or two). */
const MAX_LENGTH = 1024;

export interface AnalysisFacts {
  /** One entry per issue. */
  issues: { label: string; impact: string }[];
  /** One entry per action item: its type. */
  actionTypes: string[];
}

/**
 * The facts of `analysis` packed for its digest, whose (distinct, first-seen order) issue
 * labels are `labels`; undefined when there is nothing to count or they cannot be kept.
 */
export function packFacts(
  analysis: SessionAnalysis,
  labels: readonly string[],
): string | undefined {
  const { issues, action_items: actions } = analysis;
  if (issues.length + actions.length === 0 || issues.length + actions.length > MAX_ITEMS) {
    return undefined;
  }
  const packedIssues: string[] = [];
  for (const issue of issues) {
    if (holdsSeparator(issue.impact)) return undefined;
    packedIssues.push(`${labels.indexOf(issue.label)}${FIELD}${issue.impact}`);
  }
  const types = actions.map((item) => item.type);
  if (types.some(holdsSeparator)) return undefined;
  // Each type follows its own ITEM, so that one empty type still counts as one.
  const packed = `${packedIssues.join(ITEM)}${PART}${types.map((type) => ITEM + type).join('')}`;
  return packed.length > MAX_LENGTH ? undefined : packed;
}

/** The facts `packFacts` packed, given the same labels; null when they do not fit them. */
export function unpackFacts(facts: string, labels: readonly string[]): AnalysisFacts | null {
  const end = facts.indexOf(PART);
  if (end < 0) return null;
  const issues: AnalysisFacts['issues'] = [];
  if (end > 0) {
    for (const entry of facts.slice(0, end).split(ITEM)) {
      const field = entry.indexOf(FIELD);
      const label = labels[Number(entry.slice(0, field))];
      if (field < 0 || label === undefined) return null;
      issues.push({ label, impact: entry.slice(field + 1) });
    }
  }
  return {
    issues,
    actionTypes: facts
      .slice(end + 1)
      .split(ITEM)
      .slice(1),
  };
}
