/**
 * CPU profile of the service worker during the backfill (`--profile FILE`): the raw profile for
 * DevTools, and a summary of where the worker's main thread spent its time.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  hitCount?: number;
}

export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

export interface ProfileSummary {
  wallMs: number;
  /** Time the worker's thread had nothing to run (waiting on IndexedDB or the network). */
  idleMs: number;
  gcMs: number;
  /** Self time by function; minified names come with a snippet of the built code. */
  top: { ms: number; fn: string; at: string; code: string }[];
}

/** Self time per node: each sample's time delta is charged to the node sampled. */
export function summarizeProfile(
  profile: CpuProfile,
  extensionDir: string,
  topN = 25,
): ProfileSummary {
  const self = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) {
    const id = samples[i] as number;
    const next = deltas[i + 1] ?? 0;
    self.set(id, (self.get(id) ?? 0) + next / 1000);
  }
  const sources = new Map<string, string>();
  const snippet = (url: string, line: number, column: number): string => {
    const file = url.replace(/^chrome-extension:\/\/[^/]+\//, '');
    if (!file || file === url) return '';
    if (!sources.has(file)) {
      try {
        sources.set(file, readFileSync(join(extensionDir, file), 'utf8'));
      } catch {
        sources.set(file, '');
      }
    }
    const text = (sources.get(file) ?? '').split('\n')[line] ?? '';
    return text.slice(Math.max(0, column - 20), column + 60);
  };
  const byKey = new Map<string, { ms: number; fn: string; at: string; code: string }>();
  let idleMs = 0;
  let gcMs = 0;
  for (const node of profile.nodes) {
    const ms = self.get(node.id) ?? 0;
    if (ms === 0) continue;
    const { functionName, url, lineNumber, columnNumber } = node.callFrame;
    if (functionName === '(idle)') {
      idleMs += ms;
      continue;
    }
    if (functionName === '(garbage collector)') gcMs += ms;
    const file = url.split('/').pop() ?? '';
    const key = `${functionName}@${file}:${lineNumber}:${columnNumber}`;
    const entry = byKey.get(key) ?? {
      ms: 0,
      fn: functionName || '(anonymous)',
      at: file ? `${file}:${lineNumber + 1}:${columnNumber + 1}` : '',
      code: snippet(url, lineNumber, columnNumber),
    };
    entry.ms += ms;
    byKey.set(key, entry);
  }
  const top = [...byKey.values()]
    .sort((a, b) => b.ms - a.ms)
    .slice(0, topN)
    .map((e) => ({ ...e, ms: Math.round(e.ms) }));
  return {
    wallMs: Math.round((profile.endTime - profile.startTime) / 1000),
    idleMs: Math.round(idleMs),
    gcMs: Math.round(gcMs),
    top,
  };
}
