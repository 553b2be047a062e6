/**
 * `npm run bench -- --sessions N --runs R --out FILE`: the built extension in headless Chromium
 * against the local Devin API (in this process), each metric beside its floor measured in the
 * same run. See scripts/bench/ and `--help`.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { HELP, parseBenchArgs, UsageError } from './bench/args';
import { copyExtension } from './bench/browser';
import { Cleanup } from './bench/cleanup';
import { formatTable } from './bench/report';
import { runBench } from './bench/run';

const ROOT = resolve(import.meta.dirname, '..');
const DEFAULT_EXTENSION_DIR = resolve(ROOT, '.output/loopback/chrome-mv3');

/** Set on Ctrl-C / SIGTERM: the signal handler closes everything and exits. */
let stopping = false;

async function main(): Promise<number> {
  const options = parseBenchArgs(process.argv.slice(2));
  if (options.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const cleanup = new Cleanup();
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.error(`\nbench: ${signal}, closing the browser and the server...`);
    void cleanup.runAll().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  try {
    if (options.build) {
      console.error('bench: building the extension (DEVIN_EXT_LOOPBACK=1 npx wxt build)...');
      execFileSync('npx', ['wxt', 'build'], {
        cwd: ROOT,
        stdio: ['ignore', 'inherit', 'inherit'],
        env: { ...process.env, DEVIN_EXT_LOOPBACK: '1' },
      });
    }
    const source = options.extensionDir ? resolve(options.extensionDir) : DEFAULT_EXTENSION_DIR;
    const extensionDir = copyExtension(source);
    if (options.keep) console.error(`bench: extension copy kept in ${extensionDir}`);
    else
      cleanup.add('the extension copy', () =>
        rmSync(extensionDir, { recursive: true, force: true }),
      );

    const result = await runBench(options, extensionDir, cleanup);
    if (options.out) {
      const out = resolve(options.out);
      mkdirSync(dirname(out), { recursive: true });
      writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
    }
    console.log(formatTable(result));
    if (options.out) console.log(`\nResults written to ${options.out}`);
    return 0;
  } finally {
    await cleanup.runAll();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    // Interrupted: whatever failed because the browser went away is no news.
    if (stopping) return;
    if (error instanceof UsageError) {
      console.error(`bench: ${error.message}\nRun with --help for the options.`);
      process.exit(2);
    }
    console.error('bench: failed:', error instanceof Error ? error.message : error);
    if (error instanceof Error && error.stack && process.env.BENCH_DEBUG)
      console.error(error.stack);
    process.exit(1);
  },
);
