/**
 * The popup opens on what it must load first: the built popup's first scripts leave Dexie out
 * (it is loaded after the first screen is painted) and stay within the size budget of the
 * benchmark's `popup_js_gzip_kb` target. A module that pulls Dexie's runtime (found by one of
 * its error messages) into the popup's static imports fails here, not only in a benchmark run.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { pageJsSize } from '../../scripts/bench/bundle';
import { EXTENSION_DIR } from './chromium';

const BUDGET_GZIP_BYTES = 60 * 1024;

it('loads the popup without Dexie, within 60 KB of gzipped JS', () => {
  const size = pageJsSize(EXTENSION_DIR, 'popup.html');
  expect(size).not.toBeNull();
  const files = size?.files ?? [];
  expect(files.length).toBeGreaterThan(0);
  const withDexie = files
    .filter((file) =>
      readFileSync(join(EXTENSION_DIR, file.file), 'utf8').includes('Database has been closed'),
    )
    .map((file) => file.file);
  expect(withDexie).toEqual([]);
  expect(size?.gzipBytes).toBeLessThanOrEqual(BUDGET_GZIP_BYTES);
});
