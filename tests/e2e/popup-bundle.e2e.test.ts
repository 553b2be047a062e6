/**
 * The popup opens on what it must load first: the built popup's first scripts leave Dexie out
 * (it is loaded after the first screen is painted), stay within the size budget of the
 * benchmark's `popup_js_gzip_kb` target, and come in a few files (an extension page's files
 * arrive a few at a time; scripts/build/first-screen-chunks.ts). A module that pulls Dexie's
 * runtime (found by one of its error messages) into the popup's static imports fails here, not
 * only in a benchmark run.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pageJsSize, scriptsSize } from '../../scripts/bench/bundle';
import { EXTENSION_DIR } from './chromium';
import { FIREFOX_EXTENSION_DIR } from './firefox/firefox';

const BUDGET_GZIP_BYTES = 60 * 1024;
/**
 * The popup's entry, the bundler's runtime, and its first-screen chunks: `shared`, `pages`,
 * `first-screen` (and `background-later`, empty while the background imports nothing later).
 */
const MAX_FIRST_SCRIPTS = 5;

describe.each([
  ['Chromium', EXTENSION_DIR],
  ['Firefox', FIREFOX_EXTENSION_DIR],
])('the %s build', (_browser, dir) => {
  it('loads the popup without Dexie, within 60 KB of gzipped JS, in at most 5 scripts', () => {
    const size = pageJsSize(dir, 'popup.html');
    expect(size).not.toBeNull();
    const files = size?.files ?? [];
    expect(files.length).toBeGreaterThan(0);
    const withDexie = files
      .filter((file) =>
        readFileSync(join(dir, file.file), 'utf8').includes('Database has been closed'),
      )
      .map((file) => file.file);
    expect(withDexie).toEqual([]);
    expect(size?.gzipBytes).toBeLessThanOrEqual(BUDGET_GZIP_BYTES);
    expect(files.length).toBeLessThanOrEqual(MAX_FIRST_SCRIPTS);
  });

  it('keeps the pages’ code out of the background', () => {
    const background = scriptsSize(dir, ['background.js']).files.map((f) => f.file);
    expect(background).toContain('background.js');
    expect(background.filter((file) => /\/(pages|first-screen)-[^/]+\.js$/.test(file))).toEqual([]);
    // Preact's hooks (their state property, `__H`, keeps its name in Preact's build) are the
    // pages' alone.
    const withPreact = background.filter((file) =>
      readFileSync(join(dir, file), 'utf8').includes('__H'),
    );
    expect(withPreact).toEqual([]);
  });
});
