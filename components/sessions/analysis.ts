/** Reading a session analysis: which issue an action item or feedback item points at. */
import type { SessionAnalysis } from '../../utils/api/schemas';

export type AnalysisIssue = SessionAnalysis['issues'][number];

export interface IssueRef {
  /** Position in `issues` (shown 1-based), or null when the reference matches none. */
  index: number | null;
  issue: AnalysisIssue | null;
  /** The reference as the API sent it. */
  raw: string;
}

/**
 * `issue_id` refers to an issue by its index ("0", "2") or by an id or label the API chose.
 * A number is an index into `issues`; anything else is looked up by label and text. A reference
 * that finds nothing is kept as text.
 */
export function resolveIssueRef(
  issues: readonly AnalysisIssue[],
  issueId: string | null | undefined,
): IssueRef | null {
  if (issueId === null || issueId === undefined) return null;
  const raw = issueId.trim();
  if (raw === '') return null;
  if (/^\d+$/.test(raw)) {
    const index = Number(raw);
    const issue = issues[index];
    return issue ? { index, issue, raw } : { index: null, issue: null, raw };
  }
  const wanted = raw.toLowerCase();
  const index = issues.findIndex(
    (issue) => issue.label.toLowerCase() === wanted || issue.issue.toLowerCase() === wanted,
  );
  const issue = index >= 0 ? issues[index] : undefined;
  return issue ? { index, issue, raw } : { index: null, issue: null, raw };
}

const IMPACT_RANK: Readonly<Record<string, number>> = { high: 0, medium: 1, low: 2 };

/** The issue that best explains a session's outcome: the first of the highest impact. */
export function leadingIssue(issues: readonly AnalysisIssue[]): AnalysisIssue | null {
  let best: AnalysisIssue | null = null;
  let bestRank = Number.POSITIVE_INFINITY;
  for (const issue of issues) {
    const rank = IMPACT_RANK[issue.impact.toLowerCase()] ?? 3;
    if (rank < bestRank) {
      best = issue;
      bestRank = rank;
    }
  }
  return best;
}
