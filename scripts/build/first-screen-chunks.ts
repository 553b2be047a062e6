/**
 * Chunks for the popup's first screen. Left to itself, the bundler makes one chunk for each
 * combination of pages that share modules: the popup loaded 9 scripts before its first rows, and
 * an extension page's files arrive a few at a time. Here the modules the popup imports at once
 * go into a few chunks, by who else loads them:
 * - `shared`: the background too, at start (settings, storage, the browser API);
 * - `background-later`: the background too, through `import()` (none today), so that the
 *   background still loads them only when it asks for them;
 * - `pages`: the other pages too (Preact, formatting, filters);
 * - `first-screen`: only the popup and the full-tab view, which is the same session browser.
 * Every other module is chunked as before. Each chunk runs all its modules on every page that
 * loads it: modules of these chunks do nothing at load but define things.
 */
import { normalizePath, type Rolldown } from 'vite';

type ChunkingContext = Rolldown.ChunkingContext;

/** Module ids of the entries (an HTML page's id is its file's path, with forward slashes). */
export interface Entries {
  popup: string;
  background: string;
  /** Pages other than the popup and the full-tab view. */
  pages: readonly string[];
  /** The folder of the entries: a page's own modules there stay in its entry chunk. */
  entrypoints: string;
}

/** The ids of `entrypoints/`: an HTML page, and WXT's module wrapping the background script. */
export function entryIds(entrypoints: string, pages: readonly string[]): Entries {
  const folder = normalizePath(entrypoints);
  return {
    popup: `${folder}/popup/index.html`,
    background: `\0virtual:wxt-background-entrypoint?${folder}/background.ts`,
    pages: pages.map((page) => `${folder}/${page}/index.html`),
    entrypoints: `${folder}/`,
  };
}

const NAMES = ['shared', 'background-later', 'pages', 'first-screen'] as const;
type ChunkName = (typeof NAMES)[number];

/** Every module `from` imports, directly or not: statically only, or also through `import()`. */
function reachable(ctx: ChunkingContext, from: string, dynamic: boolean): Set<string> {
  const seen = new Set<string>([from]);
  const queue = [from];
  for (let id = queue.pop(); id !== undefined; id = queue.pop()) {
    const info = ctx.getModuleInfo(id);
    if (!info) continue;
    const next = dynamic ? [...info.importedIds, ...info.dynamicallyImportedIds] : info.importedIds;
    for (const dep of next) {
      if (seen.has(dep)) continue;
      seen.add(dep);
      queue.push(dep);
    }
  }
  return seen;
}

interface Graphs {
  popup: Set<string>;
  backgroundAtStart: Set<string>;
  backgroundEver: Set<string>;
  pages: Set<string>;
}

function graphsOf(ctx: ChunkingContext, entries: Entries): Graphs | null {
  // A build without the popup (WXT builds some entries on their own): nothing to group.
  if (!ctx.getModuleInfo(entries.popup)) return null;
  // Without the background, its modules would land in a page chunk it then loads: stop.
  if (!ctx.getModuleInfo(entries.background)) {
    const id = entries.background.replace('\0', '');
    throw new Error(
      `The popup's first-screen chunks (scripts/build/first-screen-chunks.ts) found no background entry "${id}" in this build: was it renamed, or is it built apart (not as a module)?`,
    );
  }
  const pages = new Set<string>();
  for (const page of entries.pages) for (const id of reachable(ctx, page, false)) pages.add(id);
  return {
    popup: reachable(ctx, entries.popup, false),
    backgroundAtStart: reachable(ctx, entries.background, false),
    backgroundEver: reachable(ctx, entries.background, true),
    pages,
  };
}

function classifier(entries: Entries): (id: string, ctx: ChunkingContext) => ChunkName | null {
  let graphs: Graphs | null = null;
  // The context is the same object for every module of one chunking pass.
  let seen: ChunkingContext | null = null;
  return (id, ctx) => {
    if (seen !== ctx) {
      seen = ctx;
      graphs = graphsOf(ctx, entries);
    }
    if (graphs === null || !graphs.popup.has(id) || id.startsWith(entries.entrypoints)) {
      return null;
    }
    if (graphs.backgroundAtStart.has(id)) return 'shared';
    if (graphs.backgroundEver.has(id)) return 'background-later';
    return graphs.pages.has(id) ? 'pages' : 'first-screen';
  };
}

/**
 * `codeSplitting.groups` for the popup's first screen, in the order they take modules: each
 * takes its own, then each of their dependencies that no group before it took.
 */
export function firstScreenGroups(entries: Entries): Rolldown.CodeSplittingGroup[] {
  const chunkOf = classifier(entries);
  return NAMES.map((name, index) => ({
    name: (id: string, ctx: ChunkingContext) => (chunkOf(id, ctx) === name ? name : null),
    debugName: name,
    priority: NAMES.length - index,
  }));
}
