// Parent and child sessions (a session that started follow-up sessions). Derived once from the
// sessions the server started with: a few sessions, picked by a seeded draw per id, adopt the
// next one or two sessions the same user started in the same organization. Every link is
// consistent both ways; sessions created later have no relations.

import { Rng } from '../random';
import type { StoredSession } from '../store';

export interface Relations {
  parent: string | null;
  children: string[];
}

const NONE: Relations = { parent: null, children: [] };

/** Relations by store id, for the first `initialSize` sessions (by ordinal). */
export function buildRelations(
  entries: readonly StoredSession[],
  initialSize: number,
): ReadonlyMap<string, Relations> {
  // Oldest first, grouped by who started them where.
  const groups = new Map<string, StoredSession[]>();
  for (let i = entries.length - 1; i >= 0; i--) {
    const entry = entries[i];
    if (!entry || entry.ordinal >= initialSize || entry.session.user_id === null) continue;
    const key = `${entry.session.user_id}|${entry.session.org_id}`;
    const list = groups.get(key) ?? [];
    list.push(entry);
    groups.set(key, list);
  }

  const relations = new Map<string, Relations>();
  for (const list of groups.values()) {
    for (let i = 0; i < list.length; i++) {
      const parentId = list[i]?.session.session_id ?? '';
      if (relations.has(parentId)) continue;
      const rng = new Rng(`v3:parent:${parentId}`);
      if (!rng.chance(0.03)) continue;
      const wanted = rng.chance(0.3) ? 2 : 1;
      const children: string[] = [];
      for (let j = i + 1; j < list.length && children.length < wanted; j++) {
        const childId = list[j]?.session.session_id ?? '';
        if (relations.has(childId)) continue;
        children.push(childId);
        relations.set(childId, { parent: parentId, children: [] });
      }
      if (children.length > 0) relations.set(parentId, { parent: null, children });
    }
  }
  return relations;
}

export function relationsOf(index: ReadonlyMap<string, Relations>, storeId: string): Relations {
  return index.get(storeId) ?? NONE;
}
