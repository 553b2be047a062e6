/**
 * The virtualized list: only rows in view are in the DOM, so 50,000 sessions scroll like 50.
 * Each row has one button (the title) that opens the session; the active row's button is the
 * one Tab reaches, and ArrowUp/ArrowDown move it (see use-list-keyboard.ts).
 */
import { useMemo, useRef } from 'preact/hooks';
import type { SessionRow } from '../../utils/db/types';
import { formatAcus, formatCount } from '../../utils/format';
import type { Directory } from '../shared/directory';
import { PrLink, RelativeTime, StatusBadge, Tag } from './parts';
import { type Reveal, useRevealRow } from './reveal-row';
import { useVirtualizer } from './use-virtualizer';
import './session-list.css';
import { t } from '../../utils/i18n';

export interface SessionListProps {
  rows: readonly SessionRow[];
  layout: 'popup' | 'tab';
  activeIndex: number;
  openId: string | null;
  directory: Directory;
  now: number;
  rowHeight: number;
  /** Set to the index of the last row rendered (in view or just beyond). */
  lastRowInView?: { current: number };
  /** Changes whenever the active row should be scrolled into view (and focused if asked). */
  reveal: Reveal;
  onActivate: (index: number) => void;
  onOpen: (index: number) => void;
  labelledBy?: string;
  describedBy?: string;
}

function rowDomId(index: number): string {
  return `session-row-${index}`;
}

export function SessionList(props: SessionListProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const { rows, rowHeight } = props;
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 4,
  });

  useRevealRow(virtualizer, scrollRef, props.reveal, rows.length, rowDomId);

  const items = virtualizer.getVirtualItems();
  if (props.lastRowInView) props.lastRowInView.current = items.at(-1)?.index ?? 0;
  return (
    <div class="list-scroll" ref={scrollRef}>
      <ul
        class="session-list"
        aria-labelledby={props.labelledBy}
        aria-describedby={props.describedBy}
        style={{ height: `${virtualizer.getTotalSize()}px` }}
      >
        {items.map((item) => {
          const row = rows[item.index];
          if (!row) return null;
          return (
            // Keyed by position: when a keystroke changes the list, the rows in view are
            // updated in place rather than rebuilt, which keeps typing smooth at 50,000.
            <SessionListRow
              key={item.index}
              row={row}
              layout={props.layout}
              index={item.index}
              setSize={rows.length}
              top={item.start}
              height={rowHeight}
              active={item.index === props.activeIndex}
              tabStop={item.index === Math.max(props.activeIndex, 0)}
              open={row.session_id === props.openId}
              directory={props.directory}
              now={props.now}
              onActivate={props.onActivate}
              onOpen={props.onOpen}
            />
          );
        })}
      </ul>
    </div>
  );
}

interface RowProps {
  row: SessionRow;
  layout: 'popup' | 'tab';
  index: number;
  setSize: number;
  top: number;
  height: number;
  active: boolean;
  /** The row Tab lands on: the active one, or the first while none is (so Tab reaches the list). */
  tabStop: boolean;
  open: boolean;
  directory: Directory;
  now: number;
  onActivate: (index: number) => void;
  onOpen: (index: number) => void;
}

/**
 * One row: its place in the list (position, size, active, open) on the `li`, and what it shows
 * in `RowContent`. A keystroke moves rows and changes the list's size, but a session still in
 * view keeps its content: only the wrapper's attributes change.
 */
function SessionListRow(props: RowProps) {
  const { row, index, layout, tabStop, directory, now } = props;
  // The same element as last time tells Preact to leave the content alone.
  const content = useMemo(
    () => (
      <RowContent row={row} layout={layout} tabStop={tabStop} directory={directory} now={now} />
    ),
    [row, layout, tabStop, directory, now],
  );
  const classes = ['row', props.active ? 'active' : '', props.open ? 'open' : '']
    .filter(Boolean)
    .join(' ');
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: the row's button is the keyboard path (its click bubbles here); a click anywhere on the row is a shortcut for the pointer.
    <li
      id={rowDomId(index)}
      class={classes}
      aria-posinset={index + 1}
      aria-setsize={props.setSize}
      aria-current={props.open ? 'true' : undefined}
      data-session-id={row.session_id}
      style={{ transform: `translateY(${props.top}px)`, height: `${props.height}px` }}
      onClick={(event) => {
        const target = event.target as HTMLElement;
        if (target.closest('a, button:not(.row-open)')) return;
        props.onOpen(index);
      }}
      onFocusIn={(event) => {
        if ((event.target as HTMLElement).classList.contains('row-open')) props.onActivate(index);
      }}
    >
      {content}
    </li>
  );
}

interface RowContentProps {
  row: SessionRow;
  layout: 'popup' | 'tab';
  tabStop: boolean;
  directory: Directory;
  now: number;
}

/** What a row shows. */
function RowContent(props: RowContentProps) {
  const { row, directory } = props;
  const title = row.title || row.first_line || '(untitled session)';
  const orgName = directory.orgName(row.org_id);
  const userName = row.user_id ? directory.userName(row.user_id) : null;
  return (
    <>
      <div class="row-line">
        <StatusBadge status={row.status} detail={row.status_detail} />
        <button type="button" class="row-open" tabIndex={props.tabStop ? 0 : -1} title={title}>
          {title}
        </button>
        <span class="row-acus" title={t('sessions.row.acusTitle', [formatAcus(row.acus_consumed)])}>
          {formatAcus(row.acus_consumed)} <span class="unit">{t('sessions.row.acuUnit')}</span>
        </span>
      </div>
      <div class="row-line row-meta">
        <span class="row-org" title={t('sessions.row.orgTitle', [row.org_id])}>
          {orgName ?? row.org_id}
        </span>
        <span
          class="row-user"
          title={
            row.user_id ? t('sessions.row.userTitle', [row.user_id]) : t('sessions.row.noUserTitle')
          }
        >
          {userName ?? row.user_id ?? t('sessions.row.noUser')}
        </span>
        <span class="row-time row-created">
          <RelativeTime
            at={row.created_at}
            now={props.now}
            prefix={(exact) => t('sessions.row.createdAt', [exact])}
            sentence={(when) => t('sessions.row.created', [when])}
          />
        </span>
        <span class="row-time">
          <RelativeTime
            at={row.updated_at}
            now={props.now}
            prefix={(exact) => t('sessions.row.updatedAt', [exact])}
            sentence={(when) => t('sessions.row.updated', [when])}
          />
        </span>
        {row.analysis && row.analysis.issue_count > 0 ? (
          <span class="row-issues" title={t('sessions.row.issuesTitle')}>
            {t('sessions.row.issues', row.analysis.issue_count, [
              formatCount(row.analysis.issue_count),
            ])}
          </span>
        ) : null}
        <span class="row-extras">
          {row.archived ? (
            <span class="tag archived-mark">{t('sessions.row.archived')}</span>
          ) : null}
          {row.pull_requests.slice(0, 2).map((pr) => (
            <PrLink
              key={pr.url}
              pr={pr}
              size={props.layout === 'popup' ? 'short' : 'number'}
              tabIndex={props.tabStop ? undefined : -1}
            />
          ))}
          {row.pull_requests.length > 2 ? (
            <span class="muted">+{row.pull_requests.length - 2}</span>
          ) : null}
          {row.tags.slice(0, 3).map((tag) => (
            <Tag key={tag} tag={tag} />
          ))}
          {row.tags.length > 3 ? <span class="muted">+{row.tags.length - 3}</span> : null}
        </span>
      </div>
    </>
  );
}
