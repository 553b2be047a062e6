/**
 * The JS a page loads before it can run: its module scripts, their modulepreload links and,
 * transitively, the static imports of those files (dynamic `import()` is left out: it loads
 * later). Sizes are gzip (node:zlib, default level 6) of each file, summed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleSize {
  files: { file: string; bytes: number; gzipBytes: number }[];
  bytes: number;
  gzipBytes: number;
}

/** Resolves a script URL of the page or of a module to a file of the build. */
function resolveIn(root: string, fromFile: string, spec: string): string | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(spec) && !spec.startsWith('chrome-extension:')) return null;
  const path = spec.replace(/^chrome-extension:\/\/[^/]+/, '').split(/[?#]/)[0] ?? '';
  const file = path.startsWith('/') ? join(root, path) : join(dirname(fromFile), path);
  const inside = normalize(file);
  return relative(root, inside).startsWith('..') ? null : inside;
}

/** Static `import ... from "x"`, `import "x"` and `export ... from "x"` of a (minified) module. */
function staticImports(code: string): string[] {
  const found = new Set<string>();
  const patterns = [
    /\bimport\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+)["']/g,
    /\bexport\s*(?:\*|\{[^}]*\})\s*(?:as\s+[\w$]+\s*)?from\s*["']([^"']+)["']/g,
  ];
  for (const pattern of patterns) {
    for (const match of code.matchAll(pattern)) {
      const spec = match[1];
      // `import(` is dynamic: excluded by the patterns, which need a quote or a binding.
      if (spec) found.add(spec);
    }
  }
  return [...found];
}

function pageEntryScripts(html: string): string[] {
  const specs: string[] = [];
  for (const tag of html.matchAll(/<script\b[^>]*>/gi)) {
    const src = /\bsrc\s*=\s*["']([^"']+)["']/i.exec(tag[0])?.[1];
    if (src) specs.push(src);
  }
  for (const tag of html.matchAll(/<link\b[^>]*>/gi)) {
    const rel = /\brel\s*=\s*["']([^"']+)["']/i.exec(tag[0])?.[1] ?? '';
    const href = /\bhref\s*=\s*["']([^"']+)["']/i.exec(tag[0])?.[1];
    if (href && /\bmodulepreload\b/i.test(rel)) specs.push(href);
  }
  return specs;
}

export function pageJsSize(root: string, htmlFile: string): BundleSize | null {
  const htmlPath = join(root, htmlFile);
  if (!existsSync(htmlPath)) return null;
  const scripts: string[] = [];
  for (const spec of pageEntryScripts(readFileSync(htmlPath, 'utf8'))) {
    const file = resolveIn(root, htmlPath, spec);
    if (file) scripts.push(relative(root, file));
  }
  return scriptsSize(root, scripts);
}

/** The JS files `scripts` (paths in `root`) load before they run, themselves included. */
export function scriptsSize(root: string, scripts: readonly string[]): BundleSize {
  const queue = scripts.map((script) => join(root, script));
  const seen = new Set<string>();
  const files: BundleSize['files'] = [];
  while (queue.length > 0) {
    const file = queue.shift() as string;
    if (seen.has(file) || !existsSync(file)) continue;
    seen.add(file);
    const content = readFileSync(file);
    files.push({
      file: relative(root, file),
      bytes: content.length,
      gzipBytes: gzipSync(content).length,
    });
    for (const spec of staticImports(content.toString('utf8'))) {
      const next = resolveIn(root, file, spec);
      if (next?.endsWith('.js')) queue.push(next);
    }
  }
  return {
    files,
    bytes: files.reduce((sum, f) => sum + f.bytes, 0),
    gzipBytes: files.reduce((sum, f) => sum + f.gzipBytes, 0),
  };
}
