/**
 * Scrolling the active row of a virtualized list or table into view, and focusing its open
 * button when asked (use-list-keyboard.ts says when). Shared by session-list.tsx and
 * session-table.tsx; `rowId` gives the DOM id each of them puts on a row.
 */
import type { Virtualizer } from '@tanstack/virtual-core';
import type { RefObject } from 'preact';
import { useEffect } from 'preact/hooks';

export interface Reveal {
  index: number;
  /** Move keyboard focus to the row too. */
  focus: boolean;
  /** Centre the row (a session opened from a link) rather than scroll just enough. */
  center: boolean;
  seq: number;
}

export function useRevealRow(
  virtualizer: Virtualizer<HTMLElement, HTMLElement>,
  scrollRef: RefObject<HTMLElement>,
  reveal: Reveal,
  count: number,
  rowId: (index: number) => string,
): void {
  useEffect(() => {
    const { index, focus, center } = reveal;
    if (index < 0 || index >= count) return;
    virtualizer.scrollToIndex(index, { align: center ? 'center' : 'auto' });
    if (focus) {
      // The row may only exist after the scroll re-renders the window.
      requestAnimationFrame(() => {
        scrollRef.current
          ?.querySelector<HTMLButtonElement>(`#${rowId(index)} .row-open`)
          ?.focus({ preventScroll: true });
      });
    }
  }, [reveal.seq]);
}
