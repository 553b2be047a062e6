/**
 * The IndexedDB layout. Sessions are stored the way they arrive: by fetched page. A page is an
 * index record (`pages`: which sessions it holds, their PRs, its oldest session) and, apart, its
 * list rows, its search texts and its full sessions. A page is thus a handful of writes however
 * many sessions it holds, which keeps a 50,000-session backfill close to the time it takes to
 * fetch it; a list reads only the rows, so listing never deserializes 50,000 analyses.
 *
 * Only the index record has an inline key and indexes. Chromium extracts such keys from a copy
 * of the value (it serializes the value, then reads it back), so a large record with an inline
 * key costs twice; the large records are therefore keyed from outside (`put(value, key)`). Full
 * sessions are stored in parts (see `SESSIONS_PER_PART` in page-layout.ts): Chromium writes a
 * value of over about 64 KB to a file of its own, which costs more than several smaller values.
 * Their long texts are kept apart (long-texts.ts).
 *
 * A session fetched again (it changed) is written with its new page; the older copy stays
 * where it was until compaction (see compact.ts) drops it. Readers take, for each session, the
 * copy with the newest `updated_at` (ties: the later page), see reads.ts.
 */
import Dexie, { type Table } from 'dexie';
import type { AlertRow } from '../alerts/types';
import type { Session, SessionMessage } from '../api';
import type { ConsumptionRow } from './consumption-row';
import { addVersion4Page, splitVersion4Pages } from './legacy-layout';
import type { WholeTexts } from './long-texts';
import { DATABASE_NAME } from './name';
import { toSearchText, toSessionRow } from './rows';
import { recountSummary } from './summary';
import type {
  ConversationEntry,
  FirstPromptRow,
  MemberRow,
  MetaRow,
  OrganizationRow,
  OrgSyncState,
  PageRecord,
  PageRows,
  PageSessions,
  PageTexts,
  SavedInsightsRow,
  SessionDetail,
} from './types';

export class DevinDatabase extends Dexie {
  pages!: Table<PageRecord, number>;
  pageRows!: Table<PageRows, number>;
  pageSearch!: Table<PageTexts, number>;
  pageSessions!: Table<PageSessions, [number, number]>;
  /** The whole long texts of the sessions in `pageSessions` (long-texts.ts). */
  longTexts!: Table<WholeTexts, [number, number, number]>;
  syncState!: Table<OrgSyncState, string>;
  organizations!: Table<OrganizationRow, string>;
  members!: Table<MemberRow, string>;
  meta!: Table<MetaRow, string>;
  firstPrompts!: Table<FirstPromptRow, string>;
  alerts!: Table<AlertRow, string>;
  conversations!: Table<ConversationEntry, string>;
  /** The messages of each entry of `conversations`, keyed from outside by its session id. */
  conversationMessages!: Table<SessionMessage[], string>;
  /** Billed consumption of the current and previous billing cycles (see consumption.ts). */
  consumption!: Table<ConsumptionRow, string>;
  /** The last complete Insights result, shown at once when the page opens again. */
  savedInsights!: Table<SavedInsightsRow, string>;

  constructor(name = DATABASE_NAME) {
    // Relaxed durability skips a disk flush per transaction. A transaction stays atomic, so a
    // page and its checkpoint are still kept or lost together; only the last moments before an
    // operating-system crash may need to be synced again.
    super(name, { chromeTransactionDurability: 'relaxed' });
    // Version 1: the initial layout. Kept so that databases created by it upgrade in place.
    this.version(1).stores({
      sessions: 'session_id, org_id, status, user_id, created_at, updated_at, acus_consumed, *tags',
      details: 'session_id',
      syncState: 'org_id',
      organizations: 'org_id',
      members: 'user_id',
      meta: 'key',
    });
    // Version 2: PR lookup by normalized URL, and search text moved out of the list rows.
    this.version(2)
      .stores({
        sessions:
          'session_id, org_id, status, user_id, created_at, updated_at, acus_consumed, *tags, *pr_keys',
        searchText: 'session_id',
      })
      .upgrade(async (tx) => {
        const details = tx.table<SessionDetail, string>('details');
        // The writes are awaited together after the walk: `each` ignores what its callback
        // returns, so a failed write (a full disk) would otherwise go unheard by the upgrade.
        const writes: Promise<unknown>[] = [];
        await details.each(({ session }) => {
          const write = Promise.all([
            tx.table('sessions').put(toSessionRow(session)),
            tx.table('searchText').put(toSearchText(session)),
          ]);
          write.catch(() => undefined);
          writes.push(write);
        });
        await Promise.all(writes);
      });
    // Version 3: one record per page instead of one per session (see the top of this file).
    // The sessions cached by version 2 are regrouped into pages of their organization.
    this.version(3)
      .stores({
        pages: '++seq, org_id, *stamps, *pr_keys, oldest',
        pageTexts: 'seq',
        pageDetails: 'seq',
      })
      .upgrade(async (tx) => {
        // Read a chunk at a time and write each organization's page once it is full, so that
        // memory holds a few pages, never the whole cache.
        const details = tx.table<SessionDetail, string>('details');
        const byOrg = new Map<string, Session[]>();
        let after: string | null = null;
        for (;;) {
          const chunk: SessionDetail[] = await (after === null
            ? details.orderBy(':id')
            : details.where(':id').above(after)
          )
            .limit(UPGRADE_PAGE_SIZE)
            .toArray();
          if (chunk.length === 0) break;
          after = (chunk[chunk.length - 1] as SessionDetail).session_id;
          for (const { session } of chunk) {
            const list = byOrg.get(session.org_id) ?? [];
            list.push(session);
            byOrg.set(session.org_id, list);
            if (list.length === UPGRADE_PAGE_SIZE) {
              byOrg.delete(session.org_id);
              await addVersion4Page(tx, list);
            }
          }
        }
        for (const sessions of byOrg.values()) await addVersion4Page(tx, sessions);
      });
    // Version 4: the per-session tables of version 2 go, now that version 3 has read them.
    this.version(4).stores({ sessions: null, details: null, searchText: null });
    // Version 5: rows, search texts and full sessions out of the indexed records, keyed from
    // outside (see the top of this file). Pages keep their seq.
    this.version(5)
      .stores({ pageRows: '', pageSearch: '', pageSessions: '' })
      .upgrade(async (tx) => {
        await splitVersion4Pages(tx);
        await recountSummary(tx);
      });
    // Version 6: the page tables of versions 3 and 4 go, now that version 5 has read them.
    this.version(6).stores({ pageTexts: null, pageDetails: null });
    // Version 7: the first message of sessions whose API sends none with the session (v3
    // without analysis), fetched when a session is opened; kept beside the cache it belongs to,
    // so clearing the cache clears it too. Indexed by when it was stored, to drop the oldest.
    this.version(7).stores({ firstPrompts: 'session_id, storedAt' });
    // Version 8: alerts (utils/alerts), with the dismissed and snoozed ones, so a restarted
    // worker neither raises them again nor forgets a dismissal. A new table: nothing to move.
    this.version(8).stores({ alerts: 'id, state' });
    // Version 9: v3 sessions' conversations, fetched when asked for in the detail view and kept
    // beside the cache like the first messages. The small entries are indexed by last use, to
    // drop the least recently used; their messages are a table apart (see ConversationEntry).
    this.version(9).stores({ conversations: 'session_id, usedAt', conversationMessages: '' });
    // Version 12 (10 and 11 are other features'): billed consumption per billing cycle, read
    // after each sync (utils/budget). A new table: nothing to move.
    this.version(12).stores({ consumption: 'key' });
    // Version 13: the whole long texts of stored sessions, whose pages keep only their
    // beginning (long-texts.ts), keyed from outside by `[seq, part, index]`. Sessions stored
    // before are whole in their pages and read as they are; nothing to move.
    this.version(13).stores({ longTexts: '' });
    // Version 14: the last complete Insights result (utils/insights/saved.ts), one record keyed
    // from outside. A new table: nothing to move.
    this.version(14).stores({ savedInsights: '' });
  }
}

const UPGRADE_PAGE_SIZE = 200;
