/// <reference types="chrome" />
/**
 * Alerts in the built extension, in Chromium, against the local API with churn: the first sync
 * raises nothing, a session that errors afterwards raises exactly one notification, clicking it
 * opens that session, dismissing the alert keeps it from coming back; an organization over its
 * ACU threshold raises one notification (over v3), which opens its sessions.
 */
import { rmSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { summarizeConsumption } from '../../mock-api/dataset/consumption';
import { type MockApi, type MockApiOptions, startMockApi } from '../../mock-api/server';
import { billingCycleAt } from '../../utils/budget/cycle';
import { type ExtensionBrowser, extensionCopyGranting, launchWithExtension } from './chromium';
import { configure, extensionPage, readTable, waitUntil } from './extension';

const WAIT = 30_000;

interface StoredAlert {
  id: string;
  state: string;
  title: string;
}

function useServerAndBrowser(options: MockApiOptions): { api: MockApi; browser: ExtensionBrowser } {
  const env = {} as { api: MockApi; browser: ExtensionBrowser };
  let granted = '';
  beforeAll(async () => {
    env.api = await startMockApi(options);
    // Notifications are an optional permission, granted here as an admin's "Allow" would.
    granted = extensionCopyGranting([], ['notifications']);
    env.browser = await launchWithExtension({ extensionDir: granted });
  });
  afterAll(async () => {
    await env.browser?.close();
    if (granted) rmSync(granted, { recursive: true, force: true });
    await env.api?.close();
  });
  return env;
}

/** The browser notifications shown now, by id (what the OS would list). */
async function notificationIds(page: Page): Promise<string[]> {
  return Object.keys(await page.evaluate(() => chrome.notifications.getAll()));
}

/** Alert settings as the options page stores them (utils/alerts/settings.ts). */
async function setAlertSettings(page: Page, settings: Record<string, unknown>): Promise<void> {
  await page.evaluate((value) => chrome.storage.local.set({ alertSettings: value }), settings);
}

async function lastSuccess(page: Page): Promise<number> {
  const states = await readTable<{ lastSuccessAt: number | null }>(page, 'syncState');
  return Math.min(...states.map((s) => s.lastSuccessAt ?? 0));
}

/** Clicks "Sync now" on the options page and waits for every organization to finish. */
async function syncNow(page: Page, orgCount: number): Promise<void> {
  const before = await lastSuccess(page);
  await page.getByRole('button', { name: 'Sync now', exact: true }).click();
  await waitForSync(page, orgCount, before);
}

async function waitForSync(page: Page, orgCount: number, since = 0): Promise<void> {
  await waitUntil(
    'the sync to finish',
    async () => {
      const states = await readTable<{ pass: unknown; lastSuccessAt: number | null }>(
        page,
        'syncState',
      );
      return (
        states.length === orgCount &&
        states.every((s) => s.pass === null && (s.lastSuccessAt ?? 0) > since)
      );
    },
    120_000,
  );
}

async function readAlerts(page: Page): Promise<StoredAlert[]> {
  return readTable<StoredAlert>(page, 'alerts');
}

/** A notification click, as the browser reports it to the worker's listener. */
async function clickNotification(browser: ExtensionBrowser, id: string): Promise<Page> {
  const worker = await browser.worker();
  const opened = browser.context.waitForEvent('page', { timeout: WAIT });
  await worker.evaluate((notificationId) => {
    (chrome.notifications.onClicked as unknown as { dispatch(id: string): void }).dispatch(
      notificationId,
    );
  }, id);
  const page = await opened;
  await page.waitForLoadState();
  return page;
}

describe('a session that errors, over v2 with churn', () => {
  const env = useServerAndBrowser({
    sessions: 400,
    orgs: 2,
    seed: 'alerts-error',
    churn: { intervalMs: 1500, create: 1, update: 2 },
  });

  it('raises one notification that opens the session, and a dismissed alert stays gone', async () => {
    const { api, browser } = env;
    const options = await extensionPage(browser, 'options.html');
    await setAlertSettings(options, {
      notify: { error: true, waiting: true, long_running: true, over_acus: true, org_budget: true },
    });
    await configure(options, { apiKey: api.apiKey, apiBaseUrl: api.baseUrl, orgIds: api.orgIds });
    await waitForSync(options, api.orgIds.length);
    await waitUntil('the first evaluation', async () =>
      (await readTable<{ key: string }>(options, 'meta')).some((m) => m.key === 'alertsSince'),
    );
    // Set-up finds a backlog (waiting, long, costly sessions): listed, told in one digest at most.
    expect((await notificationIds(options)).filter((id) => id !== 'alerts-digest')).toEqual([]);
    const backlog = (await readAlerts(options)).length;
    expect(backlog).toBeGreaterThan(0);
    expect((await readAlerts(options)).some((a) => a.id.startsWith('error:'))).toBe(false);
    await options.evaluate(() => chrome.notifications.clear('alerts-digest'));

    // The popup paints its rows first; its alerts button follows and opens the list.
    const popup = await extensionPage(browser, 'popup.html');
    await popup.locator('[data-session-id]').first().waitFor({ timeout: WAIT });
    const alertsButton = popup.locator('summary', { hasText: /^\d+ alerts? needs? you$/ });
    await alertsButton.click({ timeout: WAIT });
    await popup.getByRole('list', { name: 'Alerts' }).waitFor({ timeout: WAIT });
    await popup.close();

    // Only errors notify from here on: the rest of the backlog stays listed, not notified.
    await setAlertSettings(options, {
      notify: {
        error: true,
        waiting: false,
        long_running: false,
        over_acus: false,
        org_budget: false,
      },
    });
    const running = api.store.all().find((entry) => entry.session.status === 'running');
    if (!running) throw new Error('The local API has no running session');
    const sessionId = running.session.session_id;
    api.store.patchSession(sessionId, { status: 'error' });
    const alertId = `error:${sessionId}`;
    await syncNow(options, api.orgIds.length);
    await waitUntil('its notification', async () =>
      (await notificationIds(options)).includes(alertId),
    );
    expect((await notificationIds(options)).filter((id) => id.includes(sessionId))).toEqual([
      alertId,
    ]);

    // Its click opens that session in the full tab, and takes the notification away.
    const tab = await clickNotification(browser, alertId);
    expect(new URL(tab.url()).pathname).toBe('/sessions.html');
    expect(new URL(tab.url()).searchParams.get('session')).toBe(sessionId);
    // The tab's title names the open session (its title, else its first line).
    const name =
      running.session.title || (running.session.initial_user_message ?? '').split('\n')[0] || '';
    expect(name).not.toBe('');
    await expect.poll(() => tab.title(), { timeout: WAIT }).toContain(name.slice(0, 20));
    expect(await notificationIds(options)).not.toContain(alertId);

    // Raised once: later syncs keep it listed without notifying it again.
    await syncNow(options, api.orgIds.length);
    expect(await notificationIds(options)).not.toContain(alertId);
    const alert = (await readAlerts(options)).find((a) => a.id === alertId);
    expect(alert?.state).toBe('active');

    // Dismissed from the tab's list: gone from the list, and not raised again for that cause,
    // even when the session changes again.
    await tab.getByRole('button', { name: `Dismiss: ${alert?.title}`, exact: true }).click();
    await tab
      .getByRole('button', { name: alert?.title ?? '', exact: true })
      .waitFor({ state: 'detached', timeout: WAIT });
    api.store.patchSession(sessionId, { status: 'error', acus_consumed: 1 });
    await syncNow(options, api.orgIds.length);
    expect(await notificationIds(options)).not.toContain(alertId);
    expect((await readAlerts(options)).find((a) => a.id === alertId)?.state).toBe('dismissed');

    // The toolbar badge counts the alerts still listed.
    const active = (await readAlerts(options)).filter((a) => a.state === 'active').length;
    const worker = await browser.worker();
    await expect
      .poll(() => worker.evaluate(() => chrome.action.getBadgeText({})), { timeout: WAIT })
      .toBe(active > 999 ? '999+' : String(active));
  });
});

describe('an organization over its ACU threshold, over v3', () => {
  const env = useServerAndBrowser({
    sessions: 600,
    orgs: 3,
    seed: 'alerts-budget',
    churn: { intervalMs: 1500, create: 1, update: 2 },
  });

  it('raises one notification, which opens its sessions', async () => {
    const { api, browser } = env;
    const options = await extensionPage(browser, 'options.html');
    await setAlertSettings(options, {
      orgBudgetPercent: null,
      notify: {
        error: false,
        waiting: false,
        long_running: false,
        over_acus: false,
        org_budget: true,
      },
    });
    await configure(options, { apiKey: api.v3Token, apiBaseUrl: api.baseUrl, orgIds: api.orgIds });
    await waitForSync(options, api.orgIds.length);
    // Churn stopped and synced once more: the cache and the server then agree on every ACU.
    api.setFaults({ churn: null });
    await syncNow(options, api.orgIds.length);

    // Each organization's share of its cycle limit, billed as the server bills it (the alert
    // reads billed consumption); the threshold falls between the top two.
    const now = Date.now();
    const cycleStart = billingCycleAt(now).start;
    const sessions = api.store.all().map((entry) => entry.session);
    const shares = api.store.orgs
      .filter((org) => org.max_cycle_acu_limit)
      .map((org) => {
        const used = summarizeConsumption(sessions, {
          fromMs: cycleStart,
          toMs: now,
          orgIds: [org.org_id],
        }).total;
        return { orgId: org.org_id, share: used / (org.max_cycle_acu_limit ?? 1) };
      })
      .sort((a, b) => b.share - a.share);
    const [top, next] = shares;
    if (!top || top.share === 0) throw new Error('No organization used ACUs in this cycle');
    const percent = (((top.share + (next?.share ?? 0)) / 2) * 100).toFixed(4);
    await setAlertSettings(options, {
      orgBudgetPercent: Number(percent),
      notify: {
        error: false,
        waiting: false,
        long_running: false,
        over_acus: false,
        org_budget: true,
      },
    });

    await waitUntil('the budget notification', async () =>
      (await notificationIds(options)).some((id) => id.startsWith('org_budget:')),
    );
    // Settings saved again change nothing: still the one.
    await syncNow(options, api.orgIds.length);
    const budget = (await notificationIds(options)).filter((id) => id.startsWith('org_budget:'));
    expect(budget).toHaveLength(1);
    expect(budget[0]).toContain(`:${top.orgId}:`);

    const tab = await clickNotification(browser, budget[0] ?? '');
    expect(new URL(tab.url()).searchParams.get('org')).toBe(top.orgId);
  });
});
