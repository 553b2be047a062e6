import * as v from 'valibot';
import { afterEach, beforeEach, describe, expect, it, type MockInstance, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { guardHandler } from './messaging-guard';
import { testConnectionPayload } from './messaging-schemas';

const KEY = 'apk_user_secret_value_1234';
const GOOD = { apiBaseUrl: 'https://api.devin.ai', apiKey: KEY, orgIds: ['org-a'] };

let errors: MockInstance<typeof console.error>;
beforeEach(() => {
  fakeBrowser.reset();
  errors = vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(() => errors.mockRestore());

function ownPage() {
  return { id: browser.runtime.id, url: browser.runtime.getURL('/options.html') };
}

function loggedText(): string {
  return errors.mock.calls.map((call: unknown[]) => call.map(String).join(' ')).join('\n');
}

describe('guardHandler', () => {
  it('runs the handler for a good payload from an own page', () => {
    const handler = vi.fn(() => 'done');
    const guarded = guardHandler(testConnectionPayload, handler);
    expect(guarded({ type: 'testConnection', data: GOOD, sender: ownPage() })).toBe('done');
    expect(handler).toHaveBeenCalledWith(GOOD);
  });

  it('refuses a message from another extension id, logging no payload', () => {
    const handler = vi.fn();
    const guarded = guardHandler(testConnectionPayload, handler);
    const sender = { id: 'another-extension', url: 'chrome-extension://another-extension/x.html' };
    expect(() => guarded({ type: 'testConnection', data: GOOD, sender })).toThrow(/refused/);
    expect(handler).not.toHaveBeenCalled();
    expect(errors).toHaveBeenCalledTimes(1);
    expect(loggedText()).not.toContain(KEY);
  });

  it('refuses a message from a web page (own id, foreign URL)', () => {
    const handler = vi.fn();
    const guarded = guardHandler(testConnectionPayload, handler);
    const sender = { id: browser.runtime.id, url: 'https://evil.example/page' };
    expect(() => guarded({ type: 'testConnection', data: GOOD, sender })).toThrow(/refused/);
    expect(handler).not.toHaveBeenCalled();
    expect(loggedText()).not.toContain(KEY);
  });

  it('refuses a sender without a URL', () => {
    const handler = vi.fn();
    const guarded = guardHandler(v.undefined(), handler);
    const sender = { id: browser.runtime.id };
    expect(() => guarded({ type: 'syncNow', data: undefined, sender })).toThrow(/refused/);
    expect(handler).not.toHaveBeenCalled();
  });

  it('refuses a malformed payload from an own page, logging no payload', () => {
    const handler = vi.fn();
    const guarded = guardHandler(testConnectionPayload, handler);
    const data = { ...GOOD, orgIds: 'org-a' };
    expect(() => guarded({ type: 'testConnection', data, sender: ownPage() })).toThrow(/refused/);
    expect(handler).not.toHaveBeenCalled();
    expect(errors).toHaveBeenCalledTimes(1);
    expect(loggedText()).not.toContain(KEY);
  });
});
