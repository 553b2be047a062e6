// `npm run mock-api -- [options]`: runs the mock Devin API as a process (demo, benchmark, manual
// testing). The first stdout line is exactly the base URL so a parent process can read one line
// and start talking to it; the keys and v3 tokens follow on their own lines.

import { parseArgs } from 'node:util';
import type { Faults } from './faults';
import { startMockApi } from './server';

const HELP = `Local Devin API (v2 and v3 enterprise endpoints) with seeded data and optional faults.

Usage: npm run mock-api -- [options]

Data
  --port <n>                 port to listen on, 0 = any free port (default 8787)
  --sessions <n>             number of sessions (default 5000)
  --orgs <n>                 number of organizations (default 3)
  --users <n>                number of enterprise members (default: sessions/25, 3..2000)
  --seed <value>             seed; same seed + same --now => identical data (default 42)
  --now <iso>                reference time for the data (default: current time)
  --api-key <key>            enterprise admin key (default: apk_user_… derived from the seed)
  --non-admin-key <key>      an ordinary user's key, answered with 403 (default: derived)
  --v3-token <token>         v3 service-user token with every permission (default: cog_… derived)
  --v3-limited-token <token> v3 token without ViewAccountSessions and the other session
                             permissions: /v3/self and the directory work, sessions get 403
                             (default: cog_… derived)
  --analysis-delay-ms <n>    v3: how long an analysis takes after POST .../insights/generate
                             (default 1500)

Faults (all off by default; they apply to /v2 and /v3 alike)
  --retry-after <s>          Retry-After seconds on 429 responses (default 1, 0 allowed)
  --rate-limit-every <n>     every nth request gets 429
  --error-burst-every <n>    a burst of 5xx responses starts every n requests
  --error-burst-length <n>   consecutive 5xx responses per burst (default 1)
  --error-burst-status <n>   status of the burst responses (default 503)
  --latency-ms <n>           delay before each response
  --latency-jitter-ms <n>    each delay varies evenly by up to ± n ms (default 0)
  --malformed-every <n>      every nth 200 response has a truncated JSON body
  --invalid-records <n>      n sessions persistently break the schema
  --directory-forbidden      organizations/members endpoints answer 403
  --billing-forbidden        consumption (billing) endpoints answer 403
  --variants                 serve documented variants (pr_url/pr_state, devin- ids, new statuses)
  --churn-interval-ms <n>    every n ms, create and update sessions (0 = off)
  --churn-create <n>         sessions created per churn tick (default 1)
  --churn-update <n>         sessions updated per churn tick (default 2)
  --cursor-repeat-every <n>  v3: every nth page that has a next page returns the end_cursor it
                             was given (its \`after\`) instead of a new one
  --cursor-null-every <n>    v3: every nth page that has a next page says has_next_page: true
                             with end_cursor: null
  --cursor-ttl-ms <n>        v3: a cursor older than n ms is answered 400 "cursor expired"
                             (0 = never, the default)

  -h, --help                 show this help
`;

const OPTIONS = {
  port: { type: 'string', default: '8787' },
  sessions: { type: 'string', default: '5000' },
  orgs: { type: 'string', default: '3' },
  users: { type: 'string' },
  seed: { type: 'string', default: '42' },
  now: { type: 'string' },
  'api-key': { type: 'string' },
  'non-admin-key': { type: 'string' },
  'v3-token': { type: 'string' },
  'v3-limited-token': { type: 'string' },
  'analysis-delay-ms': { type: 'string', default: '1500' },
  'retry-after': { type: 'string', default: '1' },
  'rate-limit-every': { type: 'string', default: '0' },
  'error-burst-every': { type: 'string', default: '0' },
  'error-burst-length': { type: 'string', default: '1' },
  'error-burst-status': { type: 'string', default: '503' },
  'latency-ms': { type: 'string', default: '0' },
  'latency-jitter-ms': { type: 'string', default: '0' },
  'malformed-every': { type: 'string', default: '0' },
  'invalid-records': { type: 'string', default: '0' },
  'directory-forbidden': { type: 'boolean', default: false },
  'billing-forbidden': { type: 'boolean', default: false },
  variants: { type: 'boolean', default: false },
  'churn-interval-ms': { type: 'string', default: '0' },
  'churn-create': { type: 'string', default: '1' },
  'churn-update': { type: 'string', default: '2' },
  'cursor-repeat-every': { type: 'string', default: '0' },
  'cursor-null-every': { type: 'string', default: '0' },
  'cursor-ttl-ms': { type: 'string', default: '0' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

class UsageError extends Error {}

function int(name: string, value: string | undefined): number {
  const n = Number(value);
  if (value === undefined || value.trim() === '' || !Number.isInteger(n) || n < 0) {
    throw new UsageError(`--${name} must be an integer >= 0 (got ${JSON.stringify(value)})`);
  }
  return n;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: OPTIONS, allowPositionals: false, strict: true });
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }

  const burstEvery = int('error-burst-every', values['error-burst-every']);
  const churnInterval = int('churn-interval-ms', values['churn-interval-ms']);
  const faults: Partial<Faults> = {
    retryAfterSeconds: int('retry-after', values['retry-after']),
    rateLimitEvery: int('rate-limit-every', values['rate-limit-every']),
    serverErrorBurst:
      burstEvery > 0
        ? {
            every: burstEvery,
            length: int('error-burst-length', values['error-burst-length']),
            status: int('error-burst-status', values['error-burst-status']),
          }
        : null,
    latencyMs: int('latency-ms', values['latency-ms']),
    latencyJitterMs: int('latency-jitter-ms', values['latency-jitter-ms']),
    malformedEvery: int('malformed-every', values['malformed-every']),
    invalidRecords: int('invalid-records', values['invalid-records']),
    directoryForbidden: values['directory-forbidden'],
    billingForbidden: values['billing-forbidden'],
    variants: values.variants,
    churn:
      churnInterval > 0
        ? {
            intervalMs: churnInterval,
            create: int('churn-create', values['churn-create']),
            update: int('churn-update', values['churn-update']),
          }
        : null,
    cursorRepeatEvery: int('cursor-repeat-every', values['cursor-repeat-every']),
    cursorNullEvery: int('cursor-null-every', values['cursor-null-every']),
    cursorTtlMs: int('cursor-ttl-ms', values['cursor-ttl-ms']),
  };
  if (values.now !== undefined && !Number.isFinite(Date.parse(values.now))) {
    throw new UsageError(`--now must be an ISO date-time (got ${JSON.stringify(values.now)})`);
  }

  const started = performance.now();
  const api = await startMockApi({
    port: int('port', values.port),
    sessions: int('sessions', values.sessions),
    orgs: Math.max(1, int('orgs', values.orgs)),
    users: values.users === undefined ? undefined : Math.max(1, int('users', values.users)),
    seed: values.seed,
    now: values.now,
    apiKey: values['api-key'],
    nonAdminKey: values['non-admin-key'],
    v3Token: values['v3-token'],
    v3LimitedToken: values['v3-limited-token'],
    analysisDelayMs: int('analysis-delay-ms', values['analysis-delay-ms']),
    ...faults,
  });

  // Line 1 is the contract with parent processes: the base URL and nothing else.
  process.stdout.write(
    `${api.baseUrl}\nAPI key: ${api.apiKey}\nOrganizations: ${api.orgIds.join(',')}\n` +
      `Non-admin API key: ${api.nonAdminKey ?? '(none)'}\n` +
      `Sessions: ${api.store.size} (seed ${values.seed}, ready in ${Math.round(performance.now() - started)} ms)\n` +
      `V3 token: ${api.v3Token}\n` +
      `V3 limited token: ${api.v3LimitedToken ?? '(none)'}\n`,
  );

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    api.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`[mock-api] error while closing on ${signal}:`, error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  if (
    error instanceof UsageError ||
    (error instanceof Error && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))
  ) {
    console.error(`mock-api: ${error.message}\nRun with --help for the options.`);
    process.exit(2);
  }
  console.error('[mock-api] failed to start:', error);
  process.exit(1);
});
