/**
 * The session list from the keyboard: "/" goes to the search box, the arrow and Page keys move
 * the active row, Enter opens it and Escape closes the open session. One listener on the
 * document serves the search box, the list and the bare page alike, so it lives apart from
 * what the browser draws. It also owns the active row the keys move, and the requests to
 * bring a row into view that the list follows.
 */
import type { RefObject } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { SessionRow } from '../../utils/db/types';
import type { Reveal } from './reveal-row';

export interface ListKeyboardOptions {
  /** The rows the list shows, in order; null until known. */
  rows: SessionRow[] | null;
  openId: string | null;
  onOpenChange: (id: string | null) => void;
  /** The open session covers the list (the popup): the list's keys wait until it closes. */
  detailCoversList: boolean;
}

export interface ListKeyboard {
  /** The active row's index in `rows`, or -1. */
  activeIndex: number;
  reveal: Reveal;
  searchRef: RefObject<HTMLInputElement>;
  /** The element around the list: keys move the active row while focus is inside it. */
  listRegionRef: RefObject<HTMLDivElement>;
  /** Makes a row the active one (a click or focus on it). */
  activate: (index: number) => void;
  open: (index: number) => void;
  /** Closes the open session and brings the active row back, focused. */
  back: () => void;
}

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT';
}

export function useListKeyboard(options: ListKeyboardOptions): ListKeyboard {
  const { rows, openId, onOpenChange, detailCoversList } = options;

  // The active row (keyboard selection) is tracked by id so it survives re-filtering.
  const [activeId, setActiveId] = useState<string | null>(openId);
  const activeIndex = useMemo(
    () => (rows && activeId ? rows.findIndex((row) => row.session_id === activeId) : -1),
    [rows, activeId],
  );
  const [reveal, setReveal] = useState<Reveal>({ index: -1, focus: false, center: false, seq: 0 });
  const revealIndex = (index: number, focus: boolean, center = false) =>
    setReveal((previous) => ({ index, focus, center, seq: previous.seq + 1 }));

  // A session opened from outside (a link with ?session=) is brought into view once listed.
  const revealedOpen = useRef<string | null>(null);
  useEffect(() => {
    if (!openId || !rows || revealedOpen.current === openId) return;
    const index = rows.findIndex((row) => row.session_id === openId);
    if (index < 0) return;
    revealedOpen.current = openId;
    setActiveId(openId);
    revealIndex(index, false, true);
  }, [openId, rows]);

  const searchRef = useRef<HTMLInputElement>(null);
  const listRegionRef = useRef<HTMLDivElement>(null);

  const activate = (index: number) => {
    const row = rows?.[index];
    if (row) setActiveId(row.session_id);
  };
  const open = (index: number) => {
    const row = rows?.[index];
    if (!row) return;
    setActiveId(row.session_id);
    revealedOpen.current = row.session_id;
    onOpenChange(row.session_id);
  };
  const back = () => {
    onOpenChange(null);
    if (activeIndex >= 0) revealIndex(activeIndex, true);
  };
  const move = (delta: number, focusRow: boolean) => {
    if (!rows || rows.length === 0) return;
    const from = activeIndex < 0 ? (delta > 0 ? -1 : rows.length) : activeIndex;
    const index = Math.max(0, Math.min(rows.length - 1, from + delta));
    const row = rows[index];
    if (!row) return;
    setActiveId(row.session_id);
    revealIndex(index, focusRow);
  };

  // The listener is added once; it reads the latest handlers and state through these.
  const handlers = useRef({ open, back, move });
  handlers.current = { open, back, move };
  const state = useRef({ openId, activeIndex, detailCoversList });
  state.current = { openId, activeIndex, detailCoversList };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      const { openId: current, activeIndex: active, detailCoversList } = state.current;
      const target = event.target as HTMLElement | null;
      const inSearch = target === searchRef.current;
      const inList = Boolean(target && listRegionRef.current?.contains(target));
      const onPage = !target || target === document.body;

      if (event.key === '/' && !isEditable(target)) {
        event.preventDefault();
        if (detailCoversList) handlers.current.back();
        requestAnimationFrame(() => searchRef.current?.focus());
        return;
      }
      if (event.key === 'Escape') {
        if (current !== null) {
          event.preventDefault();
          handlers.current.back();
        }
        return;
      }
      if (detailCoversList || !(inSearch || inList || onPage)) return;
      const step: Record<string, number> = {
        ArrowDown: 1,
        ArrowUp: -1,
        PageDown: 10,
        PageUp: -10,
      };
      const delta = step[event.key];
      if (delta !== undefined && !(inSearch && event.key.startsWith('Page'))) {
        event.preventDefault();
        handlers.current.move(delta, inList);
        return;
      }
      // Enter in the search box opens the selected row, or the first one when none is.
      const chosen = active >= 0 ? active : inSearch ? 0 : -1;
      if (event.key === 'Enter' && (inSearch || onPage) && chosen >= 0) {
        event.preventDefault();
        handlers.current.open(chosen);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  return { activeIndex, reveal, searchRef, listRegionRef, activate, open, back };
}
