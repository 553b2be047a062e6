/**
 * The page layout of database versions 3 and 4, kept only to upgrade databases written by them:
 * a page was one indexed record holding its rows (`pages`), with its search texts
 * (`pageTexts`) and full sessions (`pageDetails`) in records with inline keys.
 */
import type { Transaction } from 'dexie';
import type { Session } from '../api';
import { pageContent, pageRecords, putPageRecords } from './pages';
import type { TableSource } from './summary';
import type { PageRecord, PageTexts, SessionRow } from './types';

interface Version4Page extends PageRecord {
  rows: SessionRow[];
}

interface Version4Details {
  seq: number;
  sessions: Session[];
}

/** Stores sessions of one organization as a version 4 page (the upgrade from version 2). */
export async function addVersion4Page(source: TableSource, sessions: Session[]): Promise<void> {
  const orgId = sessions[0]?.org_id;
  if (orgId === undefined) return;
  const { page, rows, texts } = pageRecords(0, orgId, pageContent(sessions));
  const { seq: _unset, ...unnumbered } = page;
  const seq = await source
    .table<Omit<Version4Page, 'seq'>, number>('pages')
    .put({ ...unnumbered, rows: rows.rows });
  await Promise.all([
    source.table<PageTexts, number>('pageTexts').put({ ...texts, seq }),
    source.table<Version4Details, number>('pageDetails').put({ seq, sessions }),
  ]);
}

/** Pages moved per step of the upgrade: memory holds these, never the whole cache. */
const PAGES_PER_STEP = 20;

/** Rewrites every version 4 page in the version 5 layout (see schema.ts), keeping its seq. */
export async function splitVersion4Pages(source: Transaction): Promise<void> {
  const pages = source.table<Version4Page, number>('pages');
  let after = 0;
  for (;;) {
    const chunk = await pages.where(':id').above(after).limit(PAGES_PER_STEP).toArray();
    const last = chunk.at(-1);
    if (last === undefined) return;
    after = last.seq;
    const seqs = chunk.map((page) => page.seq);
    const [texts, details] = await Promise.all([
      source.table<PageTexts, number>('pageTexts').bulkGet(seqs),
      source.table<Version4Details, number>('pageDetails').bulkGet(seqs),
    ]);
    await putPageRecords(
      source,
      chunk.map((page, i) =>
        pageRecords(
          page.seq,
          page.org_id,
          {
            rows: page.rows,
            stamps: page.stamps,
            texts: texts[i]?.texts ?? [],
            sessions: details[i]?.sessions ?? [],
          },
          true,
        ),
      ),
    );
  }
}
