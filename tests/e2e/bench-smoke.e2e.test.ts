/**
 * Smoke test of `npm run bench`: the whole script at 1,000 sessions, one run, against the built
 * extension. It checks the shape of what the script writes, never the targets (those are for
 * the real runs at 10,000 and 50,000; see bench-results/).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const METRICS_WITH_FLOOR = [
  'backfill',
  'incremental',
  'popup_first_rows',
  'search_keystroke',
  'insights_compute',
  'open_huge_session',
];
/** Measured only at a real API's latency (`--latency-ms`), each beside its floor. */
const LATENCY_METRICS = ['backfill_latency', 'first_rows_after_save'];
const METRICS = [
  ...METRICS_WITH_FLOOR,
  ...LATENCY_METRICS,
  'popup_heap_mb',
  'worker_heap_mb',
  'idb_bytes_per_session',
  'popup_js_gzip_kb',
];

interface MetricJson {
  name: string;
  note?: string;
  value: unknown;
  unit: unknown;
  floor: unknown;
  ratio: unknown;
  target: unknown;
}

const dir = mkdtempSync(join(tmpdir(), 'bench-smoke-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const isPositive = (value: unknown) =>
  typeof value === 'number' && Number.isFinite(value) && value > 0;

describe('npm run bench', () => {
  it('measures every metric at 1,000 sessions and writes the JSON', async () => {
    const out = join(dir, 'bench-1000.json');
    const { stdout } = await promisify(execFile)(
      join(ROOT, 'node_modules/.bin/tsx'),
      ['scripts/bench.ts', '--sessions', '1000', '--runs', '1', '--out', out],
      { cwd: ROOT, timeout: 85_000, maxBuffer: 10 * 1024 * 1024 },
    );
    expect(stdout).toContain('backfill');

    const result = JSON.parse(readFileSync(out, 'utf8')) as {
      sessions: unknown;
      runs: unknown;
      browser: unknown;
      metrics: MetricJson[];
    };
    expect(result.sessions).toBe(1000);
    expect(result.runs).toBe(1);
    expect(result.browser).toEqual(expect.stringMatching(/\d+\.\d+/));
    expect(result.metrics.map((m) => m.name).sort()).toEqual([...METRICS].sort());

    for (const metric of result.metrics) {
      const where = `${metric.name}: ${JSON.stringify(metric)}`;
      if (LATENCY_METRICS.includes(metric.name)) {
        expect(metric.value, where).toBeNull();
        expect(metric.note, where).toBe('measured with --latency-ms');
        continue;
      }
      expect(Object.keys(metric), where).toEqual(
        expect.arrayContaining(['name', 'value', 'unit', 'floor', 'ratio', 'target']),
      );
      expect(isPositive(metric.value), where).toBe(true);
      expect(typeof metric.unit, where).toBe('string');
      expect(
        metric.target === null || ['string', 'number'].includes(typeof metric.target),
        where,
      ).toBe(true);
      if (METRICS_WITH_FLOOR.includes(metric.name)) {
        expect(isPositive(metric.floor), where).toBe(true);
        expect(isPositive(metric.ratio), where).toBe(true);
      } else {
        expect(metric.floor, where).toBeNull();
        expect(metric.ratio, where).toBeNull();
      }
    }
  }, 90_000);

  it('measures the first sync and the first rows at a real API latency, beside their floors', async () => {
    const out = join(dir, 'bench-1000-latency.json');
    await promisify(execFile)(
      join(ROOT, 'node_modules/.bin/tsx'),
      [
        'scripts/bench.ts',
        '--sessions',
        '1000',
        '--runs',
        '1',
        '--latency-ms',
        '100',
        '--out',
        out,
      ],
      { cwd: ROOT, timeout: 85_000, maxBuffer: 10 * 1024 * 1024 },
    );
    const result = JSON.parse(readFileSync(out, 'utf8')) as {
      metrics: MetricJson[];
      details: { latencyMs: unknown; latencyJitterMs: unknown };
    };
    expect(result.details).toMatchObject({ latencyMs: 100, latencyJitterMs: 25 });
    for (const metric of result.metrics) {
      const where = `${metric.name}: ${JSON.stringify(metric)}`;
      if (LATENCY_METRICS.includes(metric.name)) {
        expect(isPositive(metric.value), where).toBe(true);
        expect(isPositive(metric.floor), where).toBe(true);
        expect(isPositive(metric.ratio), where).toBe(true);
      } else if (metric.name !== 'popup_js_gzip_kb') {
        expect(metric.value, where).toBeNull();
      }
    }
    // The backfill's floor is the sequential walk: its pages times the latency.
    const backfill = result.metrics.find((m) => m.name === 'backfill_latency');
    expect(Number(backfill?.floor) % 100).toBe(0);
  }, 90_000);
});
