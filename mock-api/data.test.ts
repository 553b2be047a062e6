import { describe, expect, it } from 'vitest';
import { FIXED_NOW, ISO_MS_Z, sessionProblems } from '../tests/fixtures/mock-api';
import { generateDataset } from './data';
import { ISSUE_LABELS } from './dataset/vocab-analysis';
import { Rng } from './random';
import { SESSION_STATUSES } from './types';

const dataset = generateDataset({ sessions: 3000, orgs: 3, seed: 42, now: FIXED_NOW });
const nowMs = Date.parse(FIXED_NOW);

describe('random', () => {
  it('is reproducible per seed and differs across seeds', () => {
    const a = new Rng(1);
    const b = new Rng(1);
    const c = new Rng(2);
    const seqA = Array.from({ length: 5 }, () => a.nextUint32());
    expect(Array.from({ length: 5 }, () => b.nextUint32())).toEqual(seqA);
    expect(Array.from({ length: 5 }, () => c.nextUint32())).not.toEqual(seqA);
    expect(new Rng('x').hex(32)).toMatch(/^[0-9a-f]{32}$/);
  });
});

describe('generateDataset', () => {
  it('is byte-identical for the same seed and now, different for another seed', () => {
    const again = generateDataset({ sessions: 3000, orgs: 3, seed: 42, now: FIXED_NOW });
    expect(again).toEqual(dataset);
    expect(JSON.stringify(again)).toBe(JSON.stringify(dataset));
    const other = generateDataset({ sessions: 3000, orgs: 3, seed: 43, now: FIXED_NOW });
    expect(other.sessions[0]?.session_id).not.toBe(dataset.sessions[0]?.session_id);
    expect(JSON.stringify(other)).not.toBe(JSON.stringify(dataset));
  });

  it('produces sessions exactly in the contract shape', () => {
    const bad = dataset.sessions
      .map((s) => ({ id: s.session_id, problems: sessionProblems(s) }))
      .filter((r) => r.problems.length > 0);
    expect(bad).toEqual([]);
    expect(new Set(dataset.sessions.map((s) => s.session_id)).size).toBe(dataset.sessions.length);
  });

  it('sorts sessions by created_at descending, then session_id', () => {
    for (let i = 1; i < dataset.sessions.length; i++) {
      const prev = dataset.sessions[i - 1];
      const cur = dataset.sessions[i];
      if (!prev || !cur) throw new Error('missing session');
      const ok =
        prev.created_at > cur.created_at ||
        (prev.created_at === cur.created_at && prev.session_id < cur.session_id);
      expect(ok).toBe(true);
    }
  });

  it('has realistic distributions', () => {
    const n = dataset.sessions.length;
    const share = (pred: (s: (typeof dataset.sessions)[number]) => boolean) =>
      dataset.sessions.filter(pred).length / n;
    const statuses = new Set(dataset.sessions.map((s) => s.status));
    expect([...statuses].sort()).toEqual([...SESSION_STATUSES].sort());
    expect(share((s) => s.status === 'exit')).toBeGreaterThan(0.7);
    expect(share((s) => s.session_analysis === null)).toBeGreaterThan(0.33);
    expect(share((s) => s.session_analysis === null)).toBeLessThan(0.47);
    expect(share((s) => s.title === null)).toBeGreaterThan(0.05);
    expect(share((s) => s.title === null)).toBeLessThan(0.11);
    expect(share((s) => s.user_id === null)).toBeGreaterThan(0.03);
    expect(share((s) => s.user_id === null)).toBeLessThan(0.08);
    const acus = dataset.sessions.map((s) => s.acus_consumed);
    expect(acus.filter((a) => a >= 0.5 && a <= 10).length / n).toBeGreaterThan(0.7);
    expect(Math.max(...acus)).toBeGreaterThan(50);
    expect(share((s) => s.initial_user_message?.includes('\n') ?? false)).toBeGreaterThan(0.2);

    for (const s of dataset.sessions) {
      const created = Date.parse(s.created_at);
      expect(created).toBeLessThanOrEqual(nowMs);
      expect(created).toBeGreaterThanOrEqual(nowMs - 181 * 24 * 3600_000);
      if (s.status === 'running')
        expect(nowMs - Date.parse(s.updated_at)).toBeLessThan(36 * 3600_000);
      expect(s.pull_requests.length).toBeLessThanOrEqual(3);
    }
  });

  it('uses the four git hosts with their real URL shapes and all PR states', () => {
    const urls = dataset.sessions.flatMap((s) => s.pull_requests.map((p) => p.url));
    expect(urls.some((u) => /^https:\/\/github\.com\/[\w-]+\/[\w-]+\/pull\/\d+$/.test(u))).toBe(
      true,
    );
    expect(
      urls.some((u) =>
        /^https:\/\/gitlab\.com\/[\w-]+\/[\w-]+\/[\w-]+\/-\/merge_requests\/\d+$/.test(u),
      ),
    ).toBe(true);
    expect(
      urls.some((u) => /^https:\/\/bitbucket\.org\/[\w-]+\/[\w-]+\/pull-requests\/\d+$/.test(u)),
    ).toBe(true);
    expect(
      urls.some((u) =>
        /^https:\/\/dev\.azure\.com\/[\w-]+\/[\w%]+\/_git\/[\w-]+\/pullrequest\/\d+$/.test(u),
      ),
    ).toBe(true);
    expect(urls.some((u) => u.includes('%20'))).toBe(true);
    const states = new Set(dataset.sessions.flatMap((s) => s.pull_requests.map((p) => p.state)));
    expect(states).toEqual(new Set(['open', 'merged', 'closed', null]));
  });

  it('keeps analysis references consistent and labels in the vocabulary', () => {
    for (const s of dataset.sessions) {
      const a = s.session_analysis;
      if (!a) continue;
      for (const issue of a.issues) {
        expect(ISSUE_LABELS).toContain(issue.label);
        expect(['high', 'medium', 'low']).toContain(issue.impact);
      }
      for (const item of a.action_items) {
        if (item.issue_id !== null) expect(Number(item.issue_id)).toBeLessThan(a.issues.length);
      }
    }
  });

  it('builds orgs and members in the documented shapes', () => {
    expect(dataset.orgs).toHaveLength(3);
    for (const org of dataset.orgs) {
      expect(Object.keys(org).sort()).toEqual(
        [
          'created_at',
          'max_cycle_acu_limit',
          'max_session_acu_limit',
          'org_admin_count',
          'org_id',
          'org_member_count',
          'org_name',
          'org_user_count',
        ].sort(),
      );
      expect(org.org_user_count).toBe(org.org_admin_count + org.org_member_count);
      expect(org.org_user_count).toBeGreaterThan(0);
      expect(org.created_at).toMatch(ISO_MS_Z);
    }
    const orgIds = new Set(dataset.orgs.map((o) => o.org_id));
    expect(new Set(dataset.sessions.map((s) => s.org_id))).toEqual(orgIds);
    const memberIds = new Set(dataset.members.map((m) => m.user_id));
    for (const s of dataset.sessions)
      if (s.user_id !== null) expect(memberIds.has(s.user_id)).toBe(true);
    expect(new Set(dataset.members.map((m) => m.email)).size).toBe(dataset.members.length);
    for (const m of dataset.members) {
      expect(Object.keys(m).sort()).toEqual(
        [
          'created_at',
          'email',
          'enterprise_role',
          'last_login',
          'login_count',
          'name',
          'user_id',
        ].sort(),
      );
    }
  });

  it('generates 50,000 sessions with distinct ids, newest first', () => {
    const big = generateDataset({ sessions: 50_000, orgs: 5, seed: 1, now: FIXED_NOW });
    expect(big.sessions).toHaveLength(50_000);
    expect(new Set(big.sessions.map((s) => s.session_id)).size).toBe(50_000);
    const created = big.sessions.map((s) => Date.parse(s.created_at));
    expect(created.every((t, i) => i === 0 || t <= (created[i - 1] as number))).toBe(true);
  });
});
