import { describe, expect, it } from 'vitest';
import { isWelcomeHash, openWelcomeOnInstall } from './first-run';

function recorder(hasKey: boolean) {
  const opened: string[] = [];
  return {
    opened,
    deps: {
      hasKey: async () => hasKey,
      openWelcome: async () => {
        opened.push('welcome');
      },
    },
  };
}

describe('openWelcomeOnInstall', () => {
  it('opens the welcome on a fresh install without a key', async () => {
    const { opened, deps } = recorder(false);
    expect(await openWelcomeOnInstall('install', deps)).toBe(true);
    expect(opened).toEqual(['welcome']);
  });

  it('stays quiet on an update, a browser update and a shared-module update', async () => {
    for (const reason of ['update', 'chrome_update', 'browser_update', 'shared_module_update']) {
      const { opened, deps } = recorder(false);
      expect(await openWelcomeOnInstall(reason, deps)).toBe(false);
      expect(opened).toEqual([]);
    }
  });

  it('stays quiet when a key is already there', async () => {
    const { opened, deps } = recorder(true);
    expect(await openWelcomeOnInstall('install', deps)).toBe(false);
    expect(opened).toEqual([]);
  });
});

describe('isWelcomeHash', () => {
  it('recognises only the welcome hash', () => {
    expect(isWelcomeHash('#welcome')).toBe(true);
    expect(isWelcomeHash('')).toBe(false);
    expect(isWelcomeHash('#organizations')).toBe(false);
  });
});
