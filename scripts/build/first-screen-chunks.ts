/**
 * Chunks for the popup's first screen. Left to itself, the bundler makes one chunk for each
 * combination of pages that share modules: the popup loaded 9 scripts before its first rows, and
 * an extension page's files arrive a few at a time. Here the modules the popup imports at once
 * go into three chunks, by who else loads them:
 * - `shared`: the background too (settings, storage, the browser API);
 * - `pages`: the other pages too (Preact, formatting, filters);
 * - `first-screen`: only the popup and the full-tab view, which is the same session browser.
 * Every other module is chunked as before.
 */
import type { Rolldown } from 'vite';

type ChunkingContext = Rolldown.ChunkingContext;

/** Module ids of the entries (an HTML page's id is its file's path). */
export interface Entries {
  popup: string;
  background: string;
  /** Pages other than the popup and the full-tab view. */
  pages: readonly string[];
}

type ChunkName = 'shared' | 'pages' | 'first-screen';

/** A page's own modules (entrypoints/) run as they load: they stay in their page's chunk. */
const PAGE_OWN_MODULE = /[\\/]entrypoints[\\/]/;

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
  background: Set<string>;
  pages: Set<string>;
}

function graphsOf(ctx: ChunkingContext, entries: Entries): Graphs | null {
  // A build without the popup (WXT builds some entries on their own): nothing to group.
  if (!ctx.getModuleInfo(entries.popup)) return null;
  // Without the background, its modules would land in a page chunk it then loads: stop.
  if (!ctx.getModuleInfo(entries.background)) {
    throw new Error(
      `The popup's first-screen chunks need the background entry "${entries.background}", which this build does not have (see wxt.config.ts).`,
    );
  }
  const pages = new Set<string>();
  for (const page of entries.pages) for (const id of reachable(ctx, page, false)) pages.add(id);
  return {
    popup: reachable(ctx, entries.popup, false),
    // What the background may ever load: a module it imports later comes with this chunk.
    background: reachable(ctx, entries.background, true),
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
    if (graphs === null || !graphs.popup.has(id) || PAGE_OWN_MODULE.test(id)) return null;
    if (graphs.background.has(id)) return 'shared';
    return graphs.pages.has(id) ? 'pages' : 'first-screen';
  };
}

/**
 * `codeSplitting.groups` for the popup's first screen. The first chunk takes its modules first,
 * then each dependency that no earlier chunk took (a group takes its modules' dependencies).
 */
export function firstScreenGroups(entries: Entries): Rolldown.CodeSplittingGroup[] {
  const chunkOf = classifier(entries);
  const names: ChunkName[] = ['shared', 'pages', 'first-screen'];
  return names.map((name, index) => ({
    name: (id: string, ctx: ChunkingContext) => (chunkOf(id, ctx) === name ? name : null),
    priority: names.length - index,
  }));
}
