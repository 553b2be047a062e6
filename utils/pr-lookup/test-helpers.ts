// Test-only helpers shared by the pr-lookup tests.
import type { Session } from '../api';
import { type ContextMenusAdapter, LINK_MENU_ID, PAGE_MENU_ID, type PullRequestMenu } from './menu';
import type { MenusAdapter } from './register';

let sequence = 0;

/** A fresh database name, so test files and tests never share data. */
export function uniqueDbName(): string {
  sequence += 1;
  return `pr-lookup-test-${Date.now()}-${sequence}`;
}

export function sessionWithPullRequests(
  id: string,
  prUrls: readonly string[],
  overrides: Partial<Session> = {},
): Session {
  return {
    session_id: id,
    url: `https://app.devin.ai/sessions/${id}`,
    status: 'exit',
    tags: [],
    org_id: 'org-1',
    created_at: '2025-03-01T10:00:00Z',
    updated_at: '2025-03-01T12:00:00Z',
    acus_consumed: 2.5,
    pull_requests: prUrls.map((url) => ({ url, state: 'open' })),
    session_analysis: null,
    initial_user_message: `Task of ${id}`,
    title: `Session ${id}`,
    user_id: null,
    ...overrides,
  };
}

/**
 * contextMenus as Chrome behaves (checked in Chromium): `create` fails on a duplicate id,
 * `remove` fails on an unknown one. Clicks are dispatched with `click`.
 */
export class FakeMenus implements ContextMenusAdapter, MenusAdapter {
  readonly items = new Map<string, PullRequestMenu>();
  readonly calls: string[] = [];
  private readonly listeners = new Set<Parameters<MenusAdapter['onClicked']>[0]>();

  async create(menu: PullRequestMenu): Promise<void> {
    // The browser answers asynchronously; a tick lets overlapping callers interleave.
    await Promise.resolve();
    this.calls.push(`create ${menu.id}`);
    if (this.items.has(menu.id)) throw new Error(`Cannot create item with duplicate id ${menu.id}`);
    this.items.set(menu.id, structuredClone(menu));
  }

  async remove(id: string): Promise<void> {
    await Promise.resolve();
    this.calls.push(`remove ${id}`);
    if (!this.items.delete(id)) throw new Error(`Cannot find menu item with id ${id}`);
  }

  onClicked(listener: Parameters<MenusAdapter['onClicked']>[0]): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get listenerCount(): number {
    return this.listeners.size;
  }

  click(...args: Parameters<Parameters<MenusAdapter['onClicked']>[0]>): void {
    for (const listener of this.listeners) listener(...args);
  }

  page(): PullRequestMenu | undefined {
    return this.items.get(PAGE_MENU_ID);
  }

  link(): PullRequestMenu | undefined {
    return this.items.get(LINK_MENU_ID);
  }
}

type Color = string | [number, number, number, number];

interface Scoped<T> {
  global: T;
  tabs: Map<number, T>;
}

export interface ResolvedBadge {
  text: string;
  title: string;
  color: Color;
}

/**
 * A faithful model of `browser.action`'s badge state, installed over the fake browser's
 * (whose per-tab getters do not fall back to the global values). A tab shows its own value,
 * else the global one. `chrome`: as checked in Chromium, a null or missing text unsets a tab's
 * text, a null title or colour is refused; `firefox`: null unsets all three (MDN).
 * `newDocument(tabId)` does what a cross-document navigation does: clears the tab's values.
 */
export class ActionModel {
  readonly text: Scoped<string> = { global: '', tabs: new Map() };
  readonly title: Scoped<string> = { global: 'Devin Sessions for Admins', tabs: new Map() };
  readonly color: Scoped<Color> = { global: '#5f5d5b', tabs: new Map() };
  readonly calls: string[] = [];

  constructor(readonly browserKind: 'chrome' | 'firefox') {}

  shown(tabId: number): ResolvedBadge {
    return {
      text: this.text.tabs.get(tabId) ?? this.text.global,
      title: this.title.tabs.get(tabId) ?? this.title.global,
      color: this.color.tabs.get(tabId) ?? this.color.global,
    };
  }

  /** Whether the tab has any value of its own. */
  hasOwn(tabId: number): boolean {
    return this.text.tabs.has(tabId) || this.title.tabs.has(tabId) || this.color.tabs.has(tabId);
  }

  newDocument(tabId: number): void {
    this.text.tabs.delete(tabId);
    this.title.tabs.delete(tabId);
    this.color.tabs.delete(tabId);
  }

  /** Replaces the fake browser's action methods with this model's. */
  install(action: {
    setBadgeText: unknown;
    setTitle: unknown;
    setBadgeBackgroundColor: unknown;
    getBadgeText: unknown;
  }): void {
    const target = action as Record<string, unknown>;
    target.setBadgeText = (details: { tabId?: number; text?: string | null }) =>
      this.set('text', this.text, details.tabId, details.text, true);
    target.setTitle = (details: { tabId?: number; title?: string | null }) =>
      this.set('title', this.title, details.tabId, details.title, this.browserKind === 'firefox');
    target.setBadgeBackgroundColor = (details: { tabId?: number; color?: Color | null }) =>
      this.set('color', this.color, details.tabId, details.color, this.browserKind === 'firefox');
    target.getBadgeText = async (details: { tabId?: number } = {}) =>
      details.tabId === undefined ? this.text.global : this.shown(details.tabId).text;
  }

  private async set<T>(
    name: string,
    scoped: Scoped<T>,
    tabId: number | undefined,
    value: T | null | undefined,
    canUnset: boolean,
  ): Promise<void> {
    this.calls.push(`${name}:${tabId ?? 'global'}:${value === null ? 'null' : String(value)}`);
    if (value === null || value === undefined) {
      if (!canUnset) throw new TypeError(`Missing required property '${name}'.`);
      if (tabId === undefined) throw new TypeError('Unsetting the global value is not modelled.');
      scoped.tabs.delete(tabId);
      return;
    }
    if (tabId === undefined) scoped.global = value;
    else scoped.tabs.set(tabId, value);
  }
}
