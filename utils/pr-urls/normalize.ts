import { parsePullRequestUrl } from './parse';

/**
 * The one function the database uses to index stored PR URLs, and the page matcher uses to look
 * them up. Keeping both sides on this single function is what makes "the PR I am looking at"
 * find "the PR a session opened" whatever view, casing or legacy host either URL uses.
 * Returns null for anything that is not a recognizable pull-request URL.
 */
export function normalizePullRequestUrl(input: string): string | null {
  return parsePullRequestUrl(input)?.key ?? null;
}
