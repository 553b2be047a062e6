/**
 * Starts the system's Firefox ESR with the built extension installed as a temporary add-on,
 * driven by puppeteer-core over WebDriver BiDi. Firefox comes from the Debian package
 * (`apt-get install -y firefox-esr`) or `$FIREFOX_PATH`; browser downloads are never attempted.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import type { PageLike } from '../extension';

export const FIREFOX_EXTENSION_DIR =
  process.env.DEVIN_EXT_FIREFOX_DIR ??
  resolve(import.meta.dirname, '../../../.output/loopback/firefox-mv3');

/** `browser_specific_settings.gecko.id` in wxt.config.ts. */
const GECKO_ID = 'devin-sessions@devin-admin-tools.example';
/** Any fixed UUID: Firefox gives each install a random one unless told, so pages have a known origin. */
const ADDON_UUID = '6d1f1e0c-3b9a-4c55-9a8e-5e2f0c4d7a10';
export const EXTENSION_ORIGIN = `moz-extension://${ADDON_UUID}`;

function firefoxPath(): string {
  const path = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
  if (!existsSync(path)) {
    throw new Error(
      `Firefox was not found at ${path}. Install Firefox ESR with "sudo apt-get install -y firefox-esr" (Debian/Ubuntu), or set FIREFOX_PATH to a Firefox binary (version 140 or later).`,
    );
  }
  return path;
}

export interface FirefoxExtension {
  browser: Browser;
  /** Opens an extension page (e.g. `popup.html`) in a new tab, once its document has loaded. */
  open: (path: string, viewport?: Viewport) => Promise<Page>;
  close: () => Promise<void>;
}

export interface Viewport {
  width: number;
  height: number;
}

/** The document's own address: `page.url()` may still say about:blank for moz-extension pages. */
export function locationOf(page: Page): Promise<string> {
  return page.evaluate(() => location.href);
}

/**
 * Sets the page's viewport with the BiDi command itself: puppeteer's setViewport also sends a
 * screen-orientation command Firefox 140 does not know.
 */
export async function setViewport(browser: Browser, page: Page, viewport: Viewport): Promise<void> {
  const connection = (browser as unknown as { connection: BidiSender }).connection;
  const context = (page.mainFrame() as unknown as { _id: string })._id;
  await connection.send('browsingContext.setViewport', { context, viewport });
}

interface BidiSender {
  send(method: string, params: unknown): Promise<unknown>;
}

/** A puppeteer page as the shared storage and database helpers (../extension.ts) take it. */
export function evaluator(page: Page): PageLike {
  return {
    evaluate: (fn, arg) =>
      // The same call; only puppeteer's typing of arguments (handles) differs from Playwright's.
      page.evaluate(fn as (arg: unknown) => never, arg),
  };
}

/** Waits until the page's document is an extension page that has rendered something. */
async function waitForDocument(page: Page, url: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ready = await page
      .evaluate(
        (expected) =>
          location.href === expected &&
          document.readyState === 'complete' &&
          // biome-ignore lint/performance/useDomNodeTextContent: rendered, not just parsed.
          (document.body?.innerText.trim().length ?? 0) > 0,
        url,
      )
      .catch(() => false);
    if (ready) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not load within ${timeoutMs} ms`);
}

export async function launchFirefoxWithExtension(
  options: {
    headless?: boolean;
    extensionDir?: string;
    viewport?: Viewport;
    /** Extra Firefox preferences (about:config), e.g. a shorter background idle time-out. */
    prefs?: Record<string, string | number | boolean>;
  } = {},
): Promise<FirefoxExtension> {
  const executablePath = firefoxPath();
  const extensionDir = options.extensionDir ?? FIREFOX_EXTENSION_DIR;
  if (!existsSync(resolve(extensionDir, 'manifest.json'))) {
    throw new Error(
      `No built Firefox extension in ${extensionDir}. Run "npm run build:test:firefox" first.`,
    );
  }
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: options.headless ?? true,
    defaultViewport: null,
    // Without it, BiDi refuses to navigate to moz-extension:// and privileged pages.
    args: ['-remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: ADDON_UUID }),
      // Quiet on a machine with no network but loopback.
      'browser.shell.checkDefaultBrowser': false,
      'extensions.update.enabled': false,
      ...options.prefs,
    },
  });
  try {
    // A temporary add-on, as about:debugging loads one; it gets its host_permissions at install.
    await browser.installExtension(extensionDir);
  } catch (error) {
    await browser.close();
    throw error;
  }
  const viewport = options.viewport ?? { width: 1280, height: 860 };
  return {
    browser,
    open: async (path, size = viewport) => {
      const page = await browser.newPage();
      await setViewport(browser, page, size);
      const url = `${EXTENSION_ORIGIN}/${path}`;
      // The load event of a moz-extension page never reaches BiDi: do not wait for it.
      page.goto(url).catch(() => {});
      await waitForDocument(page, url);
      return page;
    },
    close: () => browser.close(),
  };
}

/**
 * The tab the extension opened at an address starting with `prefix`, waited for. A tab opened
 * by a `target="_blank" rel="noopener"` link is not among puppeteer's pages (24.x over BiDi);
 * then `probe` (an extension page) confirms through the tabs API that Firefox opened it, and
 * its exact address is loaded in a page the test can drive.
 */
export async function waitForTab(
  instance: Browser,
  prefix: string,
  probe?: Page,
  timeoutMs = 20_000,
): Promise<Page> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const page of await instance.pages()) {
      const href = await locationOf(page).catch(() => '');
      const loaded = await page
        .evaluate(() => document.readyState === 'complete')
        .catch(() => false);
      if (href.startsWith(prefix) && loaded) return page;
    }
    const opened = await probe
      ?.evaluate(async (start) => {
        const tabs = await browser.tabs.query({});
        return tabs.find((tab) => tab.url?.startsWith(start))?.url ?? null;
      }, prefix)
      .catch(() => null);
    if (opened) {
      const page = await instance.newPage();
      page.goto(opened).catch(() => {});
      await waitForDocument(page, opened);
      return page;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`No tab at ${prefix}… opened within ${timeoutMs} ms`);
}
