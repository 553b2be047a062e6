/**
 * Chromium for the benchmark: the system's Chromium (see tests/e2e/chromium.ts) with a copy of
 * the built extension, a fresh profile per run, and CDP access to the service worker's heap.
 */
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type BrowserContext,
  type CDPSession,
  chromium,
  type Page,
  type Worker,
} from 'playwright-core';
import { chromiumPath, QUIET_FLAGS } from '../../tests/e2e/chromium';
import { HELPERS } from './in-browser';
import { median } from './report';

/** The tests' quiet flags, and no throttling of pages that are not in front. */
const FLAGS = [
  '--headless=new',
  ...QUIET_FLAGS,
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
  '--disable-renderer-backgrounding',
];

/** A private copy of the build, so a rebuild by someone else mid-run cannot change it. */
export function copyExtension(from: string): string {
  if (!existsSync(join(from, 'manifest.json'))) {
    throw new Error(
      `No built extension in ${from}. Run "DEVIN_EXT_LOOPBACK=1 npx wxt build" (or "npm run build:test"), or pass --build.`,
    );
  }
  const dir = mkdtempSync(join(tmpdir(), 'devin-bench-ext-'));
  cpSync(from, dir, { recursive: true });
  return dir;
}

export interface BenchBrowser {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  version: string;
  profileDir: string;
  close(): Promise<void>;
}

export async function launchBenchBrowser(
  extensionDir: string,
  options: { keepProfile: boolean },
): Promise<BenchBrowser> {
  const profileDir = mkdtempSync(join(tmpdir(), 'devin-bench-profile-'));
  let context: BrowserContext | null = null;
  const close = async () => {
    await context?.close().catch(() => {});
    context = null;
    if (!options.keepProfile) rmSync(profileDir, { recursive: true, force: true });
  };
  try {
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: chromiumPath(),
      headless: true,
      viewport: { width: 800, height: 600 },
      args: [
        `--disable-extensions-except=${extensionDir}`,
        `--load-extension=${extensionDir}`,
        ...FLAGS,
      ],
    });
    const ctx = context;
    const worker =
      ctx.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ??
      (await ctx.waitForEvent('serviceworker', { timeout: 30_000 }));
    await worker.evaluate(HELPERS);
    const extensionId = new URL(worker.url()).host;
    return {
      context: ctx,
      extensionId,
      worker,
      version: ctx.browser()?.version() ?? (await browserVersion(ctx)),
      profileDir,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

async function browserVersion(context: BrowserContext): Promise<string> {
  const page = context.pages()[0] ?? (await context.newPage());
  const cdp = await context.newCDPSession(page);
  const { product } = await cdp.send('Browser.getVersion');
  await cdp.detach();
  return product;
}

/** A page of the extension's origin with no code of its own, to run bench code in. */
export async function controlPage(browser: BenchBrowser): Promise<Page> {
  const page = await browser.context.newPage();
  await page.addInitScript(HELPERS);
  await page.goto(`chrome-extension://${browser.extensionId}/manifest.json`);
  return page;
}

/**
 * Samples the service worker's JS heap (CDP `Runtime.getHeapUsage`) through a page session
 * attached to the worker target. Playwright cannot open a CDP session on a worker itself.
 */
export class WorkerCdp {
  private samples: number[] = [];
  private retained: number[] = [];
  private timer: NodeJS.Timeout | null = null;
  private retainedTimer: NodeJS.Timeout | null = null;
  private nextId = 1;
  private pending = new Map<number, (message: { result?: unknown; error?: unknown }) => void>();

  private constructor(
    private readonly cdp: CDPSession,
    private readonly sessionId: string,
  ) {
    cdp.on('Target.receivedMessageFromTarget', (event) => {
      if (event.sessionId !== this.sessionId) return;
      const message = JSON.parse(event.message) as {
        id?: number;
        result?: unknown;
        error?: unknown;
      };
      if (message.id === undefined) return;
      const resolve = this.pending.get(message.id);
      this.pending.delete(message.id);
      resolve?.(message);
    });
  }

  static async attach(browser: BenchBrowser, page: Page): Promise<WorkerCdp> {
    const cdp = await browser.context.newCDPSession(page);
    const { targetInfos } = await cdp.send('Target.getTargets');
    const target = targetInfos.find(
      (t) =>
        t.type === 'service_worker' &&
        t.url.startsWith(`chrome-extension://${browser.extensionId}/`),
    );
    if (!target) throw new Error('The extension service worker target was not found');
    const { sessionId } = await cdp.send('Target.attachToTarget', {
      targetId: target.targetId,
      flatten: false,
    });
    return new WorkerCdp(cdp, sessionId);
  }

  /** A CDP command to the worker; null when it failed or did not answer in time. */
  send<T>(
    method: string,
    params: Record<string, unknown> = {},
    timeoutMs = 5_000,
  ): Promise<T | null> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, (message) =>
        resolve((message.error ? null : message.result) as T | null),
      );
      const timeout = setTimeout(() => {
        if (this.pending.delete(id)) resolve(null);
      }, timeoutMs);
      timeout.unref();
      this.cdp
        .send('Target.sendMessageToTarget', {
          sessionId: this.sessionId,
          message: JSON.stringify({ id, method, params }),
        })
        .catch(() => {
          this.pending.delete(id);
          resolve(null);
        });
    });
  }

  /** One `Runtime.getHeapUsage` of the worker, in bytes (null if the worker did not answer). */
  async heapUsed(): Promise<number | null> {
    const result = await this.send<{ usedSize: number }>('Runtime.getHeapUsage');
    return result?.usedSize ?? null;
  }

  /**
   * The worker's heap after full garbage collections: what it holds, without the garbage a
   * busy worker leaves for later (which `heapUsed` counts, and which varies run to run).
   */
  async retainedHeap(): Promise<number | null> {
    await this.send('HeapProfiler.enable');
    for (let i = 0; i < 2; i++) {
      if ((await this.send('HeapProfiler.collectGarbage', {}, 30_000)) === null) return null;
    }
    return this.heapUsed();
  }

  /**
   * Samples the heap every `intervalMs`, and what it retains (`retainedHeap`) every
   * `retainedEveryMs`: a collection takes milliseconds at this heap's size, a few per backfill.
   */
  start(intervalMs = 100, retainedEveryMs = 5_000): void {
    this.samples = [];
    this.retained = [];
    this.retainedTimer = sampleEvery(retainedEveryMs, () => this.retainedHeap(), this.retained);
    this.timer = sampleEvery(intervalMs, () => this.heapUsed(), this.samples);
  }

  stop(): {
    peak: number;
    count: number;
    retainedPeak: number;
    retainedMedian: number | null;
    retainedCount: number;
  } {
    if (this.timer) clearInterval(this.timer);
    if (this.retainedTimer) clearInterval(this.retainedTimer);
    this.timer = null;
    this.retainedTimer = null;
    return {
      peak: Math.max(0, ...this.samples),
      count: this.samples.length,
      retainedPeak: Math.max(0, ...this.retained),
      retainedMedian: median(this.retained),
      retainedCount: this.retained.length,
    };
  }

  async detach(): Promise<void> {
    this.stop();
    await this.cdp.detach().catch(() => {});
  }
}

/** Calls `sample` every `intervalMs`, never two calls at once, and keeps what it answers. */
function sampleEvery(
  intervalMs: number,
  sample: () => Promise<number | null>,
  into: number[],
): NodeJS.Timeout {
  let busy = false;
  return setInterval(() => {
    if (busy) return;
    busy = true;
    void sample().then((value) => {
      busy = false;
      if (value !== null) into.push(value);
    });
  }, intervalMs);
}
