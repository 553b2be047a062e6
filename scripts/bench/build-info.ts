/** Which build and which source a bench measured, for the JSON's details. */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Which build and which source were measured (the tree may hold uncommitted work). */
export function buildInfo(extensionDir: string) {
  const hash = createHash('sha256');
  const files = readdirSync(extensionDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(extensionDir, join(entry.parentPath, entry.name)))
    .sort();
  for (const file of files) hash.update(file).update(readFileSync(join(extensionDir, file)));
  const git = (args: string[]) => {
    try {
      return execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    } catch {
      return null;
    }
  };
  const status = git(['status', '--porcelain']);
  return {
    extensionSha256: hash.digest('hex').slice(0, 16),
    commit: git(['rev-parse', '--short', 'HEAD'])?.trim() ?? null,
    uncommittedFiles: status === null ? null : status.split('\n').filter(Boolean).length,
  };
}
