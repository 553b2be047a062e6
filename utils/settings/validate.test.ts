import { afterEach, describe, expect, it } from 'vitest';
import { useFakeLocale } from '../../tests/fake-i18n';
import {
  apiKeyHint,
  checkApiBaseUrl,
  checkHistoryDays,
  checkSyncInterval,
  originPattern,
  parseOrgIds,
} from './validate';

describe('checkApiBaseUrl', () => {
  it.each([
    ['https://api.devin.ai', 'https://api.devin.ai'],
    ['https://api.devin.ai/', 'https://api.devin.ai'],
    ['  https://api.devin.ai  ', 'https://api.devin.ai'],
    ['HTTPS://API.Devin.AI', 'https://api.devin.ai'],
    ['https://devin.corp.example:8443', 'https://devin.corp.example:8443'],
    ['https://api.devin.ai:443', 'https://api.devin.ai'],
    ['http://127.0.0.1:8123', 'http://127.0.0.1:8123'],
    ['http://localhost:3000/', 'http://localhost:3000'],
    ['http://[::1]:8080', 'http://[::1]:8080'],
  ])('accepts %j as %j', (input, origin) => {
    expect(checkApiBaseUrl(input)).toEqual({ ok: true, value: origin });
  });

  it.each([
    ['http://example.com', /unencrypted.*https:\/\//],
    ['http://api.devin.ai', /unencrypted/],
    ['http://127.0.0.2', /unencrypted/],
    ['http://localhost.evil.example', /unencrypted/],
    ['api.devin.ai', /not a URL/],
    ['', /not a URL/],
    ['ftp://api.devin.ai', /must start with https/],
    ['javascript:alert(1)', /must start with https/],
    ['https://user:pass@api.devin.ai', /user name or password/],
    ['https://token@api.devin.ai', /user name or password/],
    ['https://api.devin.ai/v2', /origin only.*https:\/\/api\.devin\.ai$/],
    ['https://api.devin.ai/?x=1', /origin only/],
    ['https://api.devin.ai/#top', /origin only/],
  ])('refuses %j with a reason', (input, reason) => {
    const result = checkApiBaseUrl(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });

  it('refuses plain http on loopback too in a store build', () => {
    for (const input of ['http://127.0.0.1:8123', 'http://localhost:3000', 'http://[::1]:8080']) {
      const result = checkApiBaseUrl(input, false);
      expect(result).toMatchObject({ ok: false, reason: expect.stringMatching(/unencrypted/) });
    }
    expect(checkApiBaseUrl('https://localhost:8443', false)).toEqual({
      ok: true,
      value: 'https://localhost:8443',
    });
  });
});

describe('apiKeyHint', () => {
  it('says nothing for an admin key or an empty field', () => {
    expect(apiKeyHint('apk_user_abc123')).toBeNull();
    expect(apiKeyHint('  apk_user_abc123  ')).toBeNull();
    expect(apiKeyHint('')).toBeNull();
    expect(apiKeyHint('   ')).toBeNull();
  });

  it('hints when the key does not look like an enterprise admin key', () => {
    expect(apiKeyHint('apk_abc123')).toMatch(/apk_user_/);
    expect(apiKeyHint('sk-123')).toMatch(/apk_user_/);
  });

  it('hints when the key was copied with extra text', () => {
    expect(apiKeyHint('apk_user_abc 123')).toMatch(/spaces/);
    expect(apiKeyHint('Key: apk_user_abc')).toMatch(/spaces/);
  });
});

describe('parseOrgIds', () => {
  it.each([
    ['org-1', ['org-1']],
    ['org-1, org-2', ['org-1', 'org-2']],
    ['org-1\norg-2\r\n org-3', ['org-1', 'org-2', 'org-3']],
    ['org-1,,org-2 ,', ['org-1', 'org-2']],
    ['org-1 org-1 org-2', ['org-1', 'org-2']],
    ['', []],
    ['  ,  ', []],
  ])('reads %j as %j', (text, ids) => {
    expect(parseOrgIds(text)).toEqual(ids);
  });
});

describe('checkSyncInterval', () => {
  it.each([1, 15, 60, 1440])('accepts %i minutes', (minutes) => {
    expect(checkSyncInterval(minutes)).toEqual({ ok: true, value: minutes });
  });

  it.each([0, -5, 1441, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('refuses %s', (minutes) => {
    const result = checkSyncInterval(minutes);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/between 1 and 1,440/);
  });
});

describe('checkHistoryDays', () => {
  it('accepts all history (null) and whole days from 1 to 3650', () => {
    expect(checkHistoryDays(null)).toEqual({ ok: true, value: null });
    expect(checkHistoryDays(1)).toEqual({ ok: true, value: 1 });
    expect(checkHistoryDays(3650)).toEqual({ ok: true, value: 3650 });
  });

  it.each([0, -1, 3651, 7.5, Number.NaN])('refuses %s', (days) => {
    const result = checkHistoryDays(days);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/between 1 and 3,650/);
  });
});

describe('originPattern', () => {
  it('drops the port and path: match patterns carry neither', () => {
    expect(originPattern('https://api.devin.ai')).toBe('https://api.devin.ai/*');
    expect(originPattern('http://127.0.0.1:8123')).toBe('http://127.0.0.1/*');
    expect(originPattern('https://devin.corp.example:8443/')).toBe('https://devin.corp.example/*');
  });
});

describe('reasons in the browser’s language', () => {
  afterEach(() => useFakeLocale('en', 'en-US'));

  it('writes the bounds the German way inside a German sentence', () => {
    useFakeLocale('de');
    expect(checkSyncInterval(0)).toEqual({
      ok: false,
      reason: 'Wählen Sie eine ganze Zahl von Minuten zwischen 1 und 1.440.',
    });
    expect(checkHistoryDays(0)).toEqual({
      ok: false,
      reason:
        'Wählen Sie eine ganze Zahl von Tagen zwischen 1 und 3.650 oder den gesamten Verlauf.',
    });
  });

  it('shows the origin to enter inside the translated reason', () => {
    useFakeLocale('ja');
    expect(checkApiBaseUrl('https://api.devin.ai/v1', false)).toEqual({
      ok: false,
      reason: 'パスを含めず、オリジンのみを入力してください: https://api.devin.ai',
    });
    expect(apiKeyHint('apk user')).toBe(
      'キーに空白が含まれています。余分なテキストと一緒にコピーされた可能性があります。',
    );
  });
});
