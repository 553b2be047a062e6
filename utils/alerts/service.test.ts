import { describe, expect, it } from 'vitest';
import { putSessions } from '../../tests/fixtures/db';
import { HOUR, makeSession, TEST_NOW } from '../../tests/fixtures/rows';
import { DevinDatabase } from '../db';
import type { Notifier } from './notifier';
import { createAlertService, DIGEST_ID } from './service';
import { type AlertSettings, DEFAULT_ALERT_SETTINGS } from './settings';
import { readActiveAlerts, SNOOZE_MS } from './store';

const ALL_ON: AlertSettings = {
  ...DEFAULT_ALERT_SETTINGS,
  notify: { error: true, waiting: true, long_running: true, over_acus: true, org_budget: true },
};

/** The browser's notification centre as the service sees it: what is shown now. */
function fakeNotifier() {
  const shown = new Map<string, string>();
  const created: string[] = [];
  const notifier: Notifier = {
    async show(id, title) {
      shown.set(id, title);
      created.push(id);
    },
    async clear(id) {
      shown.delete(id);
    },
  };
  return { notifier, shown, created };
}

function setUp(db: DevinDatabase, settings: AlertSettings = ALL_ON) {
  const clock = { now: TEST_NOW };
  const centre = fakeNotifier();
  const opened: string[] = [];
  const make = () =>
    createAlertService({
      db,
      readSettings: async () => settings,
      notifier: centre.notifier,
      openPage: async (path) => void opened.push(path),
      now: () => clock.now,
    });
  return { service: make(), restart: make, clock, ...centre, opened };
}

const at = (ms: number) => new Date(ms).toISOString();

async function filledDatabase(): Promise<DevinDatabase> {
  const db = new DevinDatabase(`alerts-${Math.random()}`);
  await putSessions(db, [
    // Before set-up: an old error (history), and a backlog of two long-running sessions.
    makeSession({ session_id: 'old-error', status: 'error' }),
    makeSession({ session_id: 'long-1', status: 'running', created_at: at(TEST_NOW - 9 * HOUR) }),
    makeSession({ session_id: 'long-2', status: 'running', created_at: at(TEST_NOW - 9 * HOUR) }),
    makeSession({ session_id: 'busy', status: 'running' }),
  ]);
  return db;
}

describe('the alert service', () => {
  it('waits for a filled cache, then lists the backlog with one digest and no old errors', async () => {
    const db = new DevinDatabase(`alerts-${Math.random()}`);
    const { service, created } = setUp(db);
    await service.evaluate();
    expect(await db.alerts.count()).toBe(0);

    await putSessions(db, [
      makeSession({ session_id: 'old-error', status: 'error' }),
      makeSession({ session_id: 'long-1', status: 'running', created_at: at(TEST_NOW - 9 * HOUR) }),
      makeSession({ session_id: 'long-2', status: 'running', created_at: at(TEST_NOW - 9 * HOUR) }),
    ]);
    await service.evaluate();
    expect((await readActiveAlerts(db)).map((a) => a.id).sort()).toEqual([
      'long_running:long-1',
      'long_running:long-2',
    ]);
    expect(created).toEqual([DIGEST_ID]);
  });

  it('notifies a session that errors later once, even from a restarted worker', async () => {
    const db = await filledDatabase();
    const { service, restart, clock, created, shown } = setUp(db);
    await service.evaluate();
    created.length = 0;

    clock.now += HOUR;
    await putSessions(db, [
      makeSession({ session_id: 'busy', status: 'error', updated_at: at(clock.now - 1000) }),
    ]);
    await service.evaluate();
    expect(created).toEqual(['error:busy']);
    expect(shown.get('error:busy')).toContain('Ended in error');

    await service.evaluate();
    await restart().evaluate();
    expect(created).toEqual(['error:busy']);
  });

  it('tells a burst in one digest, and notifies only the kinds turned on', async () => {
    const db = await filledDatabase();
    const settings = { ...ALL_ON, notify: { ...ALL_ON.notify, long_running: false } };
    const { service, clock, created } = setUp(db, settings);
    await service.evaluate();
    created.length = 0;
    clock.now += HOUR;
    const errors = Array.from({ length: 6 }, (_, i) =>
      makeSession({ session_id: `e${i}`, status: 'error', updated_at: at(clock.now - 1000) }),
    );
    const long = makeSession({ status: 'running', created_at: at(clock.now - 10 * HOUR) });
    await putSessions(db, [...errors, long]);
    await service.evaluate();
    expect(created).toEqual([DIGEST_ID]);
    // Listed all the same.
    expect((await readActiveAlerts(db)).map((a) => a.id)).toContain(
      `long_running:${long.session_id}`,
    );
  });

  it('never raises a dismissed alert again; a snoozed one comes back when its time is up', async () => {
    const db = await filledDatabase();
    const { service, clock, created, shown } = setUp(db);
    await service.evaluate();
    clock.now += HOUR;
    await putSessions(db, [
      makeSession({ session_id: 'busy', status: 'error', updated_at: at(clock.now - 1000) }),
    ]);
    await service.evaluate();
    expect(shown.has('error:busy')).toBe(true);

    expect(await service.act('error:busy', 'dismiss')).toBe(true);
    expect(shown.has('error:busy')).toBe(false);
    // The session changes again, still in error: the same cause.
    clock.now += HOUR;
    await putSessions(db, [
      makeSession({ session_id: 'busy', status: 'error', updated_at: at(clock.now - 1000) }),
    ]);
    await service.evaluate();
    expect(shown.has('error:busy')).toBe(false);
    expect((await readActiveAlerts(db)).map((a) => a.id)).not.toContain('error:busy');

    created.length = 0;
    await service.act('long_running:long-1', 'snooze');
    await service.evaluate();
    expect((await readActiveAlerts(db)).map((a) => a.id)).not.toContain('long_running:long-1');
    clock.now += SNOOZE_MS;
    await service.evaluate();
    expect((await readActiveAlerts(db)).map((a) => a.id)).toContain('long_running:long-1');
    expect(created).toEqual(['long_running:long-1']);
  });

  it('opens the session or organization of a clicked notification, and clears it', async () => {
    const db = await filledDatabase();
    await db.organizations.put({ org_id: 'org-a', org_name: 'A', max_cycle_acu_limit: 1 });
    const { service, shown, opened } = setUp(db);
    await service.evaluate();
    await service.clicked('long_running:long-1');
    const budget = (await readActiveAlerts(db)).find((a) => a.kind === 'org_budget');
    await service.clicked(budget?.id ?? '');
    await service.clicked(DIGEST_ID);
    await service.clicked('not-an-alert');
    expect(opened).toEqual([
      '/sessions.html?session=long-1',
      '/sessions.html?org=org-a',
      '/sessions.html',
    ]);
    expect(shown.has(DIGEST_ID)).toBe(false);
  });
});
