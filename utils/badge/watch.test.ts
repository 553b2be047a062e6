import { afterEach, describe, expect, it } from 'vitest';
import { putSessions } from '../../tests/fixtures/db';
import { makeSession } from '../../tests/fixtures/rows';
import { DevinDatabase } from '../db';
import type { BadgeView } from './badge';
import { watchGlobalBadge } from './watch';

const stops: (() => void)[] = [];
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
});

const until = async (check: () => boolean, timeoutMs = 3_000) => {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe('watchGlobalBadge', () => {
  it('shows the running count at once, then follows a burst of writes with a few reads', async () => {
    const db = new DevinDatabase(`badge-${Math.random()}`);
    const views: BadgeView[] = [];
    stops.push(watchGlobalBadge(db, (view) => void views.push(view), 200));
    await until(() => views.length === 1);
    expect(views[0]?.text).toBe('');

    // Twenty pages written in a row, each with one more running session.
    for (let i = 0; i < 20; i++) {
      await putSessions(db, [
        makeSession({ session_id: `run-${i}`, org_id: 'o', status: 'running' }),
      ]);
    }
    await until(() => views.at(-1)?.text === '20');
    // Far fewer reads than writes, and none after the last one landed.
    expect(views.length).toBeLessThanOrEqual(5);
    const settled = views.length;
    await new Promise((r) => setTimeout(r, 400));
    expect(views).toHaveLength(settled);
  });

  it('stops reading once stopped', async () => {
    const db = new DevinDatabase(`badge-${Math.random()}`);
    const views: BadgeView[] = [];
    const stop = watchGlobalBadge(db, (view) => void views.push(view), 20);
    await until(() => views.length === 1);
    stop();
    await putSessions(db, [makeSession({ session_id: 'late', org_id: 'o', status: 'running' })]);
    await new Promise((r) => setTimeout(r, 100));
    expect(views).toHaveLength(1);
  });
});
