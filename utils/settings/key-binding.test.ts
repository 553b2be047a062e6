import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { apiKeyItem, apiKeyOriginItem, DEFAULT_SETTINGS, settingsItem } from './items';
import {
  bindUnboundKey,
  readKeyFor,
  unconfirmedOrigin,
  unconfirmedOriginMessage,
} from './key-binding';
import { saveConnection } from './key-storage';

beforeEach(() => {
  fakeBrowser.reset();
});

const CORP = 'https://devin.corp.example';

describe('unconfirmedOrigin', () => {
  it('lets the key go to the origin it was confirmed for, however the address is written', () => {
    expect(unconfirmedOrigin(CORP, CORP, undefined)).toBeNull();
    expect(unconfirmedOrigin(`${CORP}/`, CORP, undefined)).toBeNull();
    expect(unconfirmedOrigin(' HTTPS://Devin.Corp.Example:443 ', CORP, undefined)).toBeNull();
  });

  it('holds it back from any other origin: host, port or scheme', () => {
    expect(unconfirmedOrigin('https://evil.example', CORP, undefined)).toBe('https://evil.example');
    expect(unconfirmedOrigin(`${CORP}:8443`, CORP, undefined)).toBe(`${CORP}:8443`);
    expect(unconfirmedOrigin('http://127.0.0.1:9001', 'http://127.0.0.1:9000', undefined)).toBe(
      'http://127.0.0.1:9001',
    );
    expect(unconfirmedOrigin('http://devin.corp.example', CORP, undefined)).toBe(
      'http://devin.corp.example',
    );
  });

  it('holds it back when no origin was confirmed, or the address is not one', () => {
    expect(unconfirmedOrigin(CORP, null, undefined)).toBe(CORP);
    expect(unconfirmedOrigin('not a url', CORP, undefined)).toBe('not a url');
  });

  it("counts a policy's address as confirmed, and only that address", () => {
    expect(unconfirmedOrigin(CORP, 'https://api.devin.ai', CORP)).toBeNull();
    expect(unconfirmedOrigin(CORP, null, `${CORP}/`)).toBeNull();
    expect(unconfirmedOrigin('https://evil.example', null, CORP)).toBe('https://evil.example');
  });
});

describe('readKeyFor', () => {
  it('hands over the key for its address and holds it back, in plain words, elsewhere', async () => {
    await saveConnection('apk_user_secret', CORP);
    expect(await readKeyFor(CORP)).toEqual({ apiKey: 'apk_user_secret', heldBack: null });
    const elsewhere = await readKeyFor('https://evil.example');
    expect(elsewhere.apiKey).toBeNull();
    expect(elsewhere.heldBack).toBe(
      'The API address changed to https://evil.example. Confirm your key for this address in Settings.',
    );
    expect(elsewhere.heldBack).not.toContain('secret');
    expect(unconfirmedOriginMessage('https://evil.example')).toBe(elsewhere.heldBack);
  });

  it('hands over the key for the address a policy locks', async () => {
    await saveConnection('apk_user_secret', 'https://api.devin.ai');
    await fakeBrowser.storage.managed.set({ apiBaseUrl: CORP });
    expect((await readKeyFor(CORP)).apiKey).toBe('apk_user_secret');
    expect((await readKeyFor('https://evil.example')).apiKey).toBeNull();
  });

  it('has nothing to hold back without a key', async () => {
    expect(await readKeyFor(CORP)).toEqual({ apiKey: null, heldBack: null });
  });
});

describe('a key saved before origins were recorded', () => {
  it('is bound to the address in force at upgrade, so it keeps working there only', async () => {
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, apiBaseUrl: `${CORP}/` });
    await apiKeyItem.setValue('apk_user_old');
    await bindUnboundKey();
    expect(await apiKeyOriginItem.getValue()).toBe(CORP);

    await settingsItem.setValue({ ...DEFAULT_SETTINGS, apiBaseUrl: 'https://evil.example' });
    expect((await readKeyFor('https://evil.example')).apiKey).toBeNull();
    expect((await readKeyFor(CORP)).apiKey).toBe('apk_user_old');
  });

  it("is bound to the policy's address when a policy sets one", async () => {
    await apiKeyItem.setValue('apk_user_old');
    await fakeBrowser.storage.managed.set({ apiBaseUrl: CORP });
    await bindUnboundKey();
    expect(await apiKeyOriginItem.getValue()).toBe(CORP);
  });

  it('is bound by the first read, not to the address asked about', async () => {
    await apiKeyItem.setValue('apk_user_old');
    expect((await readKeyFor('https://evil.example')).apiKey).toBeNull();
    expect(await apiKeyOriginItem.getValue()).toBe('https://api.devin.ai');
  });

  it('leaves a recorded origin alone', async () => {
    await saveConnection('apk_user_new', CORP);
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, apiBaseUrl: 'https://evil.example' });
    await bindUnboundKey();
    expect(await apiKeyOriginItem.getValue()).toBe(CORP);
  });
});
