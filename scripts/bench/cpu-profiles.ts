/**
 * CPU profiles written with `--profile FILE` (first run only): where each goes, and the
 * service worker's profiler around a phase.
 */
import { writeFileSync } from 'node:fs';
import type { BenchRun } from './bench-run';
import type { WorkerCdp } from './browser';
import { type CpuProfile, summarizeProfile } from './profile';

/** The `--profile` file when this run writes profiles (the first run only), else null. */
export function profileBase(run: BenchRun): string | null {
  return run.ctx.options.profile !== null && run.index === 0 ? run.ctx.options.profile : null;
}

/** `base` with a suffix before `.cpuprofile`: `x.cpuprofile` -> `x-search.cpuprofile`. */
export function profileFile(base: string, suffix: string): string {
  return base.replace(/(\.cpuprofile)?$/, `-${suffix}.cpuprofile`);
}

export async function startWorkerProfile(worker: WorkerCdp): Promise<void> {
  await worker.send('Profiler.enable');
  await worker.send('Profiler.setSamplingInterval', { interval: 500 });
  await worker.send('Profiler.start');
}

/** Stops the worker's profiler, writes the profile to `file` and summarizes it. */
export async function stopWorkerProfile(worker: WorkerCdp, run: BenchRun, file: string) {
  const result = await worker.send<{ profile: CpuProfile }>('Profiler.stop', {}, 120_000);
  if (!result) return { error: 'the profiler did not answer' };
  writeFileSync(file, JSON.stringify(result.profile));
  run.ctx.log(`worker CPU profile written to ${file}`);
  return { file, ...summarizeProfile(result.profile, run.ctx.extensionDir) };
}
