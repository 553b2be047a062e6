import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const children: ChildProcess[] = [];

/** Starts the CLI in its own process group so the whole npx -> tsx -> node chain can be signalled. */
function runCli(args: string[]): ChildProcess {
  const child = spawn('npx', ['tsx', 'mock-api/cli.ts', ...args], {
    cwd: root,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  return child;
}

async function readLines(child: ChildProcess, count: number): Promise<string[]> {
  if (!child.stdout) throw new Error('no stdout');
  const lines: string[] = [];
  const rl = createInterface({ input: child.stdout });
  for await (const line of rl) {
    lines.push(line);
    if (lines.length === count) break;
  }
  return lines;
}

function stop(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): void {
  if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) {
    try {
      process.kill(-child.pid, signal);
    } catch {
      // Already gone.
    }
  }
}

afterEach(() => {
  for (const child of children.splice(0)) stop(child, 'SIGKILL');
});

describe('cli', () => {
  it('prints the base URL first, then the key and orgs, serves, and stops on SIGTERM', async () => {
    const child = runCli(['--port', '0', '--sessions', '50', '--orgs', '2', '--seed', '9']);
    const [url, keyLine, orgLine] = await readLines(child, 3);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(keyLine).toMatch(/^API key: apk_user_\w+$/);
    expect(orgLine).toMatch(/^Organizations: org-\w+,org-\w+$/);
    const key = keyLine?.slice('API key: '.length) ?? '';

    const res = await fetch(`${url}/v2/enterprise/sessions/insights?limit=5`, {
      headers: { authorization: `Bearer ${key}` },
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { total: number; items: unknown[] };
    expect(body.total).toBe(50);
    expect(body.items).toHaveLength(5);

    const exited = once(child, 'exit');
    stop(child);
    await exited;
  });

  it('prints the two v3 tokens after the existing lines, and they work', async () => {
    const child = runCli(['--port', '0', '--sessions', '20', '--seed', '9']);
    const lines = await readLines(child, 7);
    expect(lines[0]).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(lines[4]).toMatch(/^Sessions: 20 /);
    expect(lines[5]).toMatch(/^V3 token: cog_\w+$/);
    expect(lines[6]).toMatch(/^V3 limited token: cog_\w+$/);
    const token = (line: string | undefined) => line?.split(': ')[1] ?? '';
    const call = (path: string, line: string | undefined) =>
      fetch(`${lines[0]}${path}`, { headers: { authorization: `Bearer ${token(line)}` } });
    expect((await call('/v3/enterprise/sessions/insights?first=1', lines[5])).status).toBe(200);
    expect((await call('/v3/enterprise/sessions/insights?first=1', lines[6])).status).toBe(403);
    expect((await call('/v3/self', lines[6])).status).toBe(200);
    stop(child);
  });

  it('lists the v3 options in --help', async () => {
    const child = runCli(['--help']);
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    await once(child, 'exit');
    for (const option of [
      'v3-token',
      'v3-limited-token',
      'analysis-delay-ms',
      'cursor-repeat-every',
      'cursor-null-every',
      'cursor-ttl-ms',
    ]) {
      expect(out).toContain(`--${option} `);
    }
  });

  it('lists every option in --help', async () => {
    const child = runCli(['--help']);
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    await once(child, 'exit');
    for (const option of [
      'port',
      'sessions',
      'orgs',
      'users',
      'seed',
      'api-key',
      'non-admin-key',
      'retry-after',
      'rate-limit-every',
      'error-burst-every',
      'error-burst-length',
      'latency-ms',
      'latency-jitter-ms',
      'malformed-every',
      'invalid-records',
      'directory-forbidden',
      'variants',
      'churn-interval-ms',
      'churn-create',
      'churn-update',
    ]) {
      expect(out).toContain(`--${option}`);
    }
  });
});
