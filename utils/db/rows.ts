/** Turns a validated API session into the rows the database stores. */
import type { Session } from '../api';
import { toEpochMs } from '../api/time';
import { normalizePullRequestUrl } from '../pr-urls';
import { packFacts } from './analysis-facts';
import type { AnalysisDigest, SearchText, SessionDetail, SessionRow } from './types';

const FIRST_LINE_MAX = 200;

function firstLine(message: string | null): string {
  if (!message) return '';
  const line = message.trim().split('\n', 1)[0] ?? '';
  return line.length > FIRST_LINE_MAX ? `${line.slice(0, FIRST_LINE_MAX - 1)}…` : line;
}

function digestAnalysis(session: Session): AnalysisDigest | null {
  const analysis = session.session_analysis;
  if (!analysis) return null;
  const labels = [...new Set(analysis.issues.map((issue) => issue.label))];
  const digest: AnalysisDigest = {
    issue_count: analysis.issues.length,
    action_item_count: analysis.action_items.length,
    has_suggested_prompt: analysis.suggested_prompt !== null,
    labels,
  };
  const facts = packFacts(analysis, labels);
  if (facts !== undefined) digest.facts = facts;
  return digest;
}

export function toSessionRow(session: Session): SessionRow {
  const prKeys = session.pull_requests
    .map((pr) => normalizePullRequestUrl(pr.url))
    .filter((key): key is string => key !== null);
  return {
    session_id: session.session_id,
    org_id: session.org_id,
    user_id: session.user_id,
    status: session.status,
    title: session.title,
    first_line: firstLine(session.initial_user_message),
    created_at: toEpochMs(session.created_at),
    updated_at: toEpochMs(session.updated_at),
    acus_consumed: session.acus_consumed,
    tags: session.tags,
    url: session.url,
    pull_requests: session.pull_requests,
    pr_keys: [...new Set(prKeys)],
    analysis: digestAnalysis(session),
    ...v3RowFields(session),
  };
}

/** The v3-only fields a row keeps, each only when the API sent it. */
function v3RowFields(session: Session): Partial<SessionRow> {
  const fields: Partial<SessionRow> = {};
  if (session.status_detail) fields.status_detail = session.status_detail;
  const classification = session.classification;
  if (classification?.category) fields.category = classification.category;
  if (classification && classification.programming_languages.length > 0) {
    fields.languages = classification.programming_languages;
  }
  if (session.is_archived) fields.archived = true;
  return fields;
}

/** Everything a text search looks in: title, first message, tags, analysis issues, id, PR URLs. */
export function toSearchText(session: Session): SearchText {
  const parts = [
    session.session_id,
    session.title ?? '',
    session.initial_user_message ?? '',
    session.tags.join(' '),
    ...(session.session_analysis?.issues.map((issue) => issue.issue) ?? []),
    ...session.pull_requests.map((pr) => pr.url),
  ];
  return { session_id: session.session_id, text: parts.join('\n').toLowerCase() };
}

export function toSessionDetail(session: Session): SessionDetail {
  return { session_id: session.session_id, session };
}
