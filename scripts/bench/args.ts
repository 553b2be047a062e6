/** Command-line options of `npm run bench`. */
import { parseArgs } from 'node:util';

export const HELP = `Benchmark of the built extension against the local Devin API, in headless Chromium.

Usage: npm run bench -- [options]

  --sessions <n>         sessions served by the local API (default 1000)
  --runs <n>             runs; each value is the median over them (default 3)
  --out <file>           write the JSON results there (default: stdout table only)
  --orgs <n>             organizations (default 3)
  --seed <value>         data seed (default 42)
  --api <v2|v3>          the API the extension syncs over: v2 (admin key, default) or v3
                         (a cog_ service-user token); the floors fetch the same API's pages
  --latency-ms <n>       the local API answers after n ms, as a real one does: the run then
                         measures first_rows_after_save and backfill_latency only
                         (default 0: loopback speed, every other metric)
  --latency-jitter-ms <n> each answer's delay varies evenly by up to ± n ms (default: a
                         quarter of --latency-ms)
  --build                build the extension first (DEVIN_EXT_LOOPBACK=1 npx wxt build)
  --extension <dir>      the built extension (default .output/loopback/chrome-mv3)
  --row-selector <css>   a session row in the popup (default: see scripts/bench/popup.ts)
  --search-selector <css> the popup's search box (default: see scripts/bench/popup.ts)
  --profile <file>       also record CPU profiles in run 1 (worker backfill to <file>; the
                         incremental sync, a popup opening and the keystrokes beside it)
                         and summarize them in the JSON details; profiling slows what it
                         watches: use it to analyse, not for results
  --quiet-load <x>       before each run, wait (up to 3 min) for the 1-minute load
                         average to fall below x; each run's load is recorded either way
  --keep                 keep the browser profile and extension copy on disk (printed paths);
                         the browser and server are closed all the same
  --verbose              log each step
  -h, --help             this help
`;

export interface BenchOptions {
  sessions: number;
  runs: number;
  out: string | null;
  orgs: number;
  seed: number;
  /** The API the extension is configured for: the v2 admin key or a v3 service-user token. */
  api: 'v2' | 'v3';
  /** The local API's delay per answer (0: loopback), and its spread. */
  latencyMs: number;
  latencyJitterMs: number;
  build: boolean;
  extensionDir: string | null;
  rowSelector: string | null;
  searchSelector: string | null;
  profile: string | null;
  quietLoad: number | null;
  keep: boolean;
  verbose: boolean;
  help: boolean;
}

export class UsageError extends Error {}

function apiVersion(value: string): 'v2' | 'v3' {
  if (value !== 'v2' && value !== 'v3') {
    throw new UsageError(`--api must be v2 or v3 (got ${JSON.stringify(value)})`);
  }
  return value;
}

function positiveInt(name: string, value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isInteger(n) || n < 1) {
    throw new UsageError(`--${name} must be an integer >= 1 (got ${JSON.stringify(value)})`);
  }
  return n;
}

function nonNegativeInt(name: string, value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isInteger(n) || n < 0) {
    throw new UsageError(`--${name} must be an integer >= 0 (got ${JSON.stringify(value)})`);
  }
  return n;
}

export function parseBenchArgs(argv: string[]): BenchOptions {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values } = parsed;
  return {
    sessions: positiveInt('sessions', values.sessions),
    runs: positiveInt('runs', values.runs),
    out: values.out ?? null,
    orgs: positiveInt('orgs', values.orgs),
    seed: Number.isInteger(Number(values.seed)) ? Number(values.seed) : 42,
    api: apiVersion(values.api),
    latencyMs: nonNegativeInt('latency-ms', values['latency-ms']),
    latencyJitterMs:
      values['latency-jitter-ms'] === undefined
        ? Math.round(nonNegativeInt('latency-ms', values['latency-ms']) / 4)
        : nonNegativeInt('latency-jitter-ms', values['latency-jitter-ms']),
    build: values.build,
    extensionDir: values.extension ?? null,
    rowSelector: values['row-selector'] ?? null,
    searchSelector: values['search-selector'] ?? null,
    profile: values.profile ?? null,
    quietLoad: values['quiet-load'] === undefined ? null : Number(values['quiet-load']),
    keep: values.keep,
    verbose: values.verbose,
    help: values.help,
  };
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: false,
    strict: true,
    options: {
      sessions: { type: 'string', default: '1000' },
      runs: { type: 'string', default: '3' },
      out: { type: 'string' },
      orgs: { type: 'string', default: '3' },
      seed: { type: 'string', default: '42' },
      api: { type: 'string', default: 'v2' },
      'latency-ms': { type: 'string', default: '0' },
      'latency-jitter-ms': { type: 'string' },
      build: { type: 'boolean', default: false },
      extension: { type: 'string' },
      'row-selector': { type: 'string' },
      'search-selector': { type: 'string' },
      profile: { type: 'string' },
      'quiet-load': { type: 'string' },
      keep: { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
}
