/**
 * What every measured phase of one run works with: the bench's settings, the run's server and
 * browser, and the samples and details the run collects (each phase adds its own).
 */
import type { Page } from 'playwright-core';
import type { Dataset } from '../../mock-api/data';
import type { MockApi } from '../../mock-api/server';
import type { BenchOptions } from './args';
import type { BenchBrowser, WorkerCdp } from './browser';
import type { Cleanup } from './cleanup';
import type { Sample } from './report';

/** Page size of every listing the sync and the floors fetch. */
export const PAGE_SIZE = 200;
export const MB = 1024 * 1024;
/** First-rows and keystroke timings are taken this many times per run; the run keeps the median. */
export const REPEATS = 5;

/** The same for every run of one bench. */
export interface RunContext {
  options: BenchOptions;
  dataset: Dataset;
  extensionDir: string;
  cleanup: Cleanup;
  log: (message: string) => void;
}

/** One run's value of each metric, by metric name. */
export type RunSamples = Record<string, Sample>;

/** One run of the bench, as its phases see it. */
export interface BenchRun {
  ctx: RunContext;
  /** 0 for the first run. */
  index: number;
  api: MockApi;
  browser: BenchBrowser;
  /** The extension page the bench reads the database and messages the background from. */
  control: Page;
  /** The service worker's DevTools session: its heap and its CPU profiler. */
  workerCdp: WorkerCdp;
  samples: RunSamples;
  /** The run's raw numbers, written to the JSON as `details.perRun[i]`. */
  info: Record<string, unknown>;
}

/** Logs a step of this run (with --verbose). */
export function logStep(run: BenchRun, message: string): void {
  run.ctx.log(`run ${run.index + 1}: ${message}`);
}

/** The first line of an error, for a sample's note. */
export function firstLine(error: unknown): unknown {
  return error instanceof Error ? error.message.split('\n')[0] : error;
}
