/**
 * Text from the API that may be very long (a message of 1 MB, an analysis text of 64 KB): its
 * beginning is shown until "Show all" is pressed. Laying out a megabyte of wrapped text blocks
 * the page for seconds; the beginning is what a reader looks at first anyway. Shown as text.
 * The stored copy of a session keeps only that beginning of its long texts; "Show all" then
 * reads the whole (whole-texts.ts).
 */
import { useState } from 'preact/hooks';
import { beginning, MESSAGE_PREVIEW_CHARS, type TextPath } from '../../utils/db/long-texts';
import { formatCount } from '../../utils/format';
import { t } from '../../utils/i18n';
import { useWholeText } from './whole-texts';

/** Characters shown until the whole text is asked for. */
export const LONG_TEXT_PREVIEW_CHARS = MESSAGE_PREVIEW_CHARS;

/** At most `max` characters of `text`, with "…" when it was cut: for one-line mentions. */
export function clipText(text: string, max: number): string {
  return text.length > max ? `${beginning(text, max)}…` : text;
}

export function LongText(props: {
  text: string;
  /** Where the text is in the open session, when its stored copy may keep only the beginning. */
  path?: TextPath;
  /** `pre` keeps line breaks (messages, prompts); `p` and `span` flow (analysis texts). */
  as: 'pre' | 'p' | 'span';
  class?: string;
  preview?: number;
}) {
  const { text } = props;
  const preview = props.preview ?? LONG_TEXT_PREVIEW_CHARS;
  const [expanded, setExpanded] = useState(false);
  const whole = useWholeText(props.path, text);
  const long = whole.length > preview;
  // A cut text shows its beginning until the whole is read; the detail view then re-renders
  // with the whole session, and this text is no longer cut.
  const shown = long && (!expanded || whole.cut) ? `${beginning(text, preview)}…` : text;
  const Tag = props.as;
  return (
    <>
      <Tag class={props.class}>{shown}</Tag>
      {long ? (
        <button
          type="button"
          class="link-button show-all"
          aria-expanded={expanded}
          onClick={() => {
            // A failed read is reported by the detail view; the beginning stays shown.
            if (!expanded && whole.cut) whole.whole().catch(() => undefined);
            setExpanded(!expanded);
          }}
        >
          {expanded
            ? t('sessions.detail.showLess')
            : t('sessions.detail.showAllChars', [formatCount(whole.length)])}
        </button>
      ) : null}
    </>
  );
}
