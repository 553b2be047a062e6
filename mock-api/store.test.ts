import { describe, expect, it } from 'vitest';
import { FIXED_NOW, sessionProblems } from '../tests/fixtures/mock-api';
import { generateDataset } from './data';
import { SessionStore } from './store';

const dataset = generateDataset({ sessions: 400, orgs: 3, seed: 5, now: FIXED_NOW });
const nowMs = Date.parse(FIXED_NOW);

function ids(store: SessionStore): string[] {
  return store.all().map((e) => e.session.session_id);
}

describe('SessionStore', () => {
  it('serves the dataset in API order and pages by slicing', () => {
    const store = new SessionStore(dataset);
    expect(ids(store)).toEqual(dataset.sessions.map((s) => s.session_id));
    const page = store.querySessions({}, 10, 5);
    expect(page.total).toBe(400);
    expect(page.items.map((e) => e.session.session_id)).toEqual(
      dataset.sessions.slice(10, 15).map((s) => s.session_id),
    );
  });

  it('filters with inclusive bounds and combines filters', () => {
    const store = new SessionStore(dataset);
    const target = dataset.sessions[50];
    if (!target) throw new Error('fixture too small');
    const at = Date.parse(target.created_at);
    const exact = store.querySessions({ createdFrom: at, createdTo: at }, 0, 200);
    expect(exact.items.map((e) => e.session.session_id)).toContain(target.session_id);
    expect(exact.items.every((e) => e.createdMs === at)).toBe(true);
    expect(store.querySessions({ createdFrom: at + 0.001, createdTo: at }, 0, 200).total).toBe(0);

    const orgId = target.org_id;
    const inOrg = store.querySessions({ orgId, orgIds: [orgId] }, 0, 200);
    expect(inOrg.total).toBe(dataset.sessions.filter((s) => s.org_id === orgId).length);
    const otherOrg = dataset.orgs.find((o) => o.org_id !== orgId)?.org_id ?? '';
    expect(store.querySessions({ orgId, orgIds: [otherOrg] }, 0, 200).total).toBe(0);
  });

  it('createSessions puts new sessions first, with created_at = updated_at = now', () => {
    let clock = nowMs + 60_000;
    const store = new SessionStore(dataset, { clock: () => clock });
    const before = ids(store);
    const created = store.createSessions(3);
    expect(created).toHaveLength(3);
    expect(store.size).toBe(403);
    expect(ids(store).slice(0, 3).sort()).toEqual(created.map((s) => s.session_id).sort());
    expect(ids(store).slice(3)).toEqual(before);
    for (const s of created) {
      expect(sessionProblems(s)).toEqual([]);
      expect(s.created_at).toBe(new Date(clock).toISOString());
      expect(s.updated_at).toBe(s.created_at);
      expect(['new', 'claimed', 'running']).toContain(s.status);
    }
    // The same millisecond again: still strictly newer, still first.
    const again = store.createSessions(1);
    expect(Date.parse(again[0]?.created_at ?? '')).toBe(clock + 1);
    expect(ids(store)[0]).toBe(again[0]?.session_id);
    clock += 5;
    expect(store.createSessions(1)[0]?.created_at).toBe(new Date(clock).toISOString());
  });

  it('updateSessions bumps updated_at strictly, keeps positions, and is found by updated_date_from', () => {
    const fixed = nowMs + 1000;
    const store = new SessionStore(dataset, { clock: () => fixed });
    const before = ids(store);
    const snapshot = store.all().map((e) => e.session);
    const first = store.updateSessions(5);
    const second = store.updateSessions(5);
    expect(first).toHaveLength(5);
    expect(ids(store)).toEqual(before);
    const t1 = Date.parse(first[0]?.updated_at ?? '');
    const t2 = Date.parse(second[0]?.updated_at ?? '');
    expect(t1).toBe(fixed);
    expect(t2).toBe(fixed + 1);
    for (const s of first) expect(sessionProblems(s)).toEqual([]);

    const found = store.querySessions({ updatedFrom: t2 }, 0, 200);
    expect(found.items.map((e) => e.session.session_id).sort()).toEqual(
      second.map((s) => s.session_id).sort(),
    );
    const both = store.querySessions({ updatedFrom: t1 }, 0, 200);
    expect(both.total).toBe(new Set([...first, ...second].map((s) => s.session_id)).size);
    // Earlier snapshots are untouched (objects are replaced, not edited).
    expect(snapshot.every((s) => Date.parse(s.updated_at) <= nowMs)).toBe(true);
  });

  it('mutations are deterministic for the same seed and clock', () => {
    const run = () => {
      const store = new SessionStore(dataset, { clock: () => nowMs + 10 });
      store.createSessions(4);
      store.updateSessions(7);
      return JSON.stringify(store.all().map((e) => e.session));
    };
    expect(run()).toBe(run());
  });

  it('does not modify the dataset it was given', () => {
    const copy = JSON.stringify(dataset);
    const store = new SessionStore(dataset, { clock: () => nowMs + 10 });
    store.createSessions(10);
    store.updateSessions(50);
    expect(JSON.stringify(dataset)).toBe(copy);
  });

  it('lists members, org members and finds by email', () => {
    const store = new SessionStore(dataset);
    const m = dataset.members[1];
    if (!m) throw new Error('fixture too small');
    expect(store.listMembers({ email: m.email.toUpperCase() })).toEqual([m]);
    expect(store.getMember(m.user_id)).toEqual(m);
    const org = dataset.orgs[0];
    if (!org) throw new Error('no org');
    expect(store.listOrgMembers(org.org_id)).toHaveLength(org.org_user_count);
  });
});
