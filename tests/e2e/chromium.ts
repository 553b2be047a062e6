/**
 * Starts the system's Chromium with the built extension loaded. Chromium comes from the
 * Debian package (`apt-get install -y chromium`) or `$CHROMIUM_PATH`; browser downloads are
 * never attempted.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Worker } from 'playwright-core';

export const EXTENSION_DIR =
  process.env.DEVIN_EXT_DIR ?? resolve(import.meta.dirname, '../../.output/loopback/chrome-mv3');

export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(
      `Chromium was not found at ${path}. Install it with "sudo apt-get install -y chromium" (Debian/Ubuntu), or set CHROMIUM_PATH to a Chromium binary.`,
    );
  }
  return path;
}

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  worker: () => Promise<Worker>;
  close: () => Promise<void>;
}

/** Flags that keep Chromium quiet on a machine with no network but loopback. */
export const QUIET_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export async function launchWithExtension(
  options: {
    headless?: boolean;
    extensionDir?: string;
    viewport?: { width: number; height: number };
    /**
     * The browser's UI language (e.g. "de"), which picks the extension's _locales and the
     * number formats. Chromium on Linux takes it from --lang, and from LANGUAGE for the parts
     * that read the environment; both are set. Unset: the machine's language, as before.
     */
    locale?: string;
    /**
     * Keep the welcome tab a fresh install opens (see utils/welcome/first-run.ts). Closed by
     * default: it is an options page, so `runtime.openOptionsPage()` would focus it instead of
     * opening the page other tests wait for.
     */
    keepWelcome?: boolean;
  } = {},
): Promise<ExtensionBrowser> {
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension in ${extensionDir}. Run "npm run build:test" first.`);
  }
  const headless = options.headless ?? true;
  const userDataDir = mkdtempSync(join(tmpdir(), 'devin-ext-'));
  const { locale } = options;
  const posixLocale = locale?.replace('-', '_');
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless,
    ...(locale
      ? { locale, env: { ...process.env, LANGUAGE: posixLocale, LANG: `${posixLocale}.UTF-8` } }
      : {}),
    viewport: options.viewport ?? { width: 1280, height: 860 },
    args: [
      ...(headless ? ['--headless=new'] : []),
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      ...(locale ? [`--lang=${locale}`] : []),
      ...QUIET_FLAGS,
    ],
  });
  const worker = async (): Promise<Worker> => {
    const current = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
    return current ?? context.waitForEvent('serviceworker', { timeout: 30_000 });
  };
  const extensionId = new URL((await worker()).url()).host;
  if (!options.keepWelcome) await closeWelcome(context, extensionId);
  return {
    context,
    extensionId,
    worker,
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Waits for the welcome tab the install opens, and closes it. */
async function closeWelcome(context: BrowserContext, extensionId: string): Promise<void> {
  const url = `chrome-extension://${extensionId}/options.html#welcome`;
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const welcome = context.pages().find((page) => page.url() === url);
    if (welcome) {
      await welcome.close();
      return;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`The install did not open the welcome at ${url} within 15 s.`);
}

/** Stops every service worker, as Chrome does to an idle or crashed worker. */
export async function stopServiceWorkers(browser: ExtensionBrowser): Promise<void> {
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  const cdp = await browser.context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
}

/**
 * A copy of the built extension whose manifest requires `hosts` (and `permissions`, such as the
 * optional `notifications`) up front, so Chromium grants them at load as if the person had
 * accepted the prompt: Chromium gives automation no way to answer an extension's permission
 * prompt (there is no switch or CDP command for it). A later `permissions.request` for them then
 * resolves true without a prompt, as for a person who allowed them before. The caller removes
 * the copy (`rmSync(dir, { recursive: true })`).
 */
export function extensionCopyGranting(
  hosts: readonly string[],
  permissions: readonly string[] = [],
): string {
  const dir = mkdtempSync(join(tmpdir(), 'devin-ext-granted-'));
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  const path = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as {
    host_permissions?: string[];
    permissions?: string[];
  };
  manifest.host_permissions = [...(manifest.host_permissions ?? []), ...hosts];
  manifest.permissions = [...(manifest.permissions ?? []), ...permissions];
  writeFileSync(path, JSON.stringify(manifest));
  return dir;
}
