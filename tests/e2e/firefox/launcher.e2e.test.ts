/**
 * Without Firefox the Firefox journeys fail, saying how to install it; they are never skipped.
 */
import { afterEach, expect, it } from 'vitest';
import { launchFirefoxWithExtension } from './firefox';

const saved = process.env.FIREFOX_PATH;

afterEach(() => {
  if (saved === undefined) delete process.env.FIREFOX_PATH;
  else process.env.FIREFOX_PATH = saved;
});

it('says how to install Firefox ESR when the binary is missing', async () => {
  process.env.FIREFOX_PATH = '/nonexistent/firefox-esr';
  await expect(launchFirefoxWithExtension()).rejects.toThrow(
    'Firefox was not found at /nonexistent/firefox-esr. Install Firefox ESR with "sudo apt-get install -y firefox-esr"',
  );
});

it('says how to build the extension when the Firefox build is missing', async () => {
  await expect(launchFirefoxWithExtension({ extensionDir: '/nonexistent/build' })).rejects.toThrow(
    'Run "npm run build:test:firefox" first.',
  );
});
