// Shared by the mock-api tests: a fixed fixture and a strict checker of the contract's session
// shape (so "follows the contract" is tested field by field, not assumed).

import { SESSION_STATUSES } from './types';

/** Fixed reference time: tests must not depend on the wall clock. */
export const FIXED_NOW = '2025-06-01T12:00:00.000Z';

export const ISO_MS_Z = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

const SESSION_KEYS = [
  'acus_consumed',
  'created_at',
  'initial_user_message',
  'org_id',
  'pull_requests',
  'session_analysis',
  'session_id',
  'status',
  'tags',
  'title',
  'updated_at',
  'url',
  'user_id',
].sort();

type Json = Record<string, unknown>;

function isStringOrNull(value: unknown): boolean {
  return value === null || typeof value === 'string';
}

function sameKeys(value: Json, keys: readonly string[]): boolean {
  return JSON.stringify(Object.keys(value).sort()) === JSON.stringify([...keys].sort());
}

/** Problems with one item against SessionDetailResponse; empty when it conforms. */
export function sessionProblems(item: unknown): string[] {
  const problems: string[] = [];
  if (typeof item !== 'object' || item === null) return ['not an object'];
  const s = item as Json;
  if (!sameKeys(s, SESSION_KEYS)) problems.push(`keys: ${Object.keys(s).sort().join(',')}`);
  if (typeof s.session_id !== 'string' || !/^[0-9a-f]{32}$/.test(s.session_id))
    problems.push('session_id');
  if (s.url !== `https://app.devin.ai/sessions/${String(s.session_id)}`) problems.push('url');
  if (!(SESSION_STATUSES as readonly unknown[]).includes(s.status)) problems.push('status');
  if (!Array.isArray(s.tags) || !s.tags.every((t) => typeof t === 'string')) problems.push('tags');
  if (typeof s.org_id !== 'string') problems.push('org_id');
  if (typeof s.created_at !== 'string' || !ISO_MS_Z.test(s.created_at)) problems.push('created_at');
  if (typeof s.updated_at !== 'string' || !ISO_MS_Z.test(s.updated_at)) problems.push('updated_at');
  if (
    typeof s.created_at === 'string' &&
    typeof s.updated_at === 'string' &&
    s.updated_at < s.created_at
  ) {
    problems.push('updated_at < created_at');
  }
  if (
    typeof s.acus_consumed !== 'number' ||
    Math.round(s.acus_consumed * 100) / 100 !== s.acus_consumed
  ) {
    problems.push('acus_consumed');
  }
  if (!isStringOrNull(s.initial_user_message)) problems.push('initial_user_message');
  if (!isStringOrNull(s.title)) problems.push('title');
  if (!isStringOrNull(s.user_id)) problems.push('user_id');
  if (!Array.isArray(s.pull_requests)) problems.push('pull_requests');
  else {
    for (const pr of s.pull_requests as Json[]) {
      if (
        !sameKeys(pr, ['url', 'state']) ||
        typeof pr.url !== 'string' ||
        !isStringOrNull(pr.state)
      ) {
        problems.push('pull_request');
      }
    }
  }
  const a = s.session_analysis as Json | null;
  if (a !== null) {
    if (
      typeof a !== 'object' ||
      !sameKeys(a, ['issues', 'action_items', 'timeline', 'suggested_prompt'])
    ) {
      problems.push('session_analysis keys');
    } else {
      for (const i of a.issues as Json[]) {
        if (!sameKeys(i, ['issue', 'impact', 'label']) || typeof i.issue !== 'string')
          problems.push('issue');
      }
      for (const i of a.action_items as Json[]) {
        if (!sameKeys(i, ['action_item', 'issue_id', 'type']) || !isStringOrNull(i.issue_id)) {
          problems.push('action_item');
        }
      }
      for (const t of a.timeline as Json[]) {
        if (!sameKeys(t, ['title', 'description'])) problems.push('timeline');
      }
      const p = a.suggested_prompt as Json | null;
      if (p !== null) {
        if (!sameKeys(p, ['original_prompt', 'suggested_prompt', 'feedback_items']))
          problems.push('suggested_prompt');
        for (const f of (p.feedback_items as Json[]) ?? []) {
          if (
            !sameKeys(f, ['issue_id', 'summary', 'excerpt', 'details']) ||
            ![f.issue_id, f.summary, f.excerpt, f.details].every(isStringOrNull)
          ) {
            problems.push('feedback_item');
          }
        }
      }
    }
  }
  return problems;
}
