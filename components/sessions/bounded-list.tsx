/**
 * A list from the API that may be long (an analysis may hold hundreds of issues): its first
 * entries are shown until "Show all" is pressed, so opening a session costs the same whatever
 * the analysis holds.
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { formatCount } from '../../utils/format';
import { t } from '../../utils/i18n';

/** Entries shown until the whole list is asked for. */
const LIST_PREVIEW_ENTRIES = 8;

export function BoundedList<T>(props: {
  items: readonly T[];
  as: 'ol' | 'ul';
  class: string;
  /** The button's text for all `count` entries ("Show all 12 issues"), as one message. */
  showAll: (count: number) => string;
  render: (item: T, index: number) => ComponentChildren;
  /** Entries shown until "Show all" is pressed (LIST_PREVIEW_ENTRIES unless given). */
  preview?: number;
}) {
  const [expanded, setExpanded] = useState(false);
  const { items } = props;
  const preview = props.preview ?? LIST_PREVIEW_ENTRIES;
  const long = items.length > preview;
  const shown = long && !expanded ? items.slice(0, preview) : items;
  const List = props.as;
  return (
    <>
      <List class={props.class}>{shown.map(props.render)}</List>
      {long ? (
        <button
          type="button"
          class="link-button show-all"
          aria-expanded={expanded}
          onClick={() => setExpanded(!expanded)}
        >
          {expanded
            ? t('sessions.detail.showFirst', [formatCount(preview)])
            : props.showAll(items.length)}
        </button>
      ) : null}
    </>
  );
}
