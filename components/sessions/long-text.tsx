/**
 * Text from the API that may be very long (a message of 1 MB, an analysis text of 64 KB): its
 * beginning is shown until "Show all" is pressed. Laying out a megabyte of wrapped text blocks
 * the page for seconds; the beginning is what a reader looks at first anyway. Shown as text.
 */
import { useState } from 'preact/hooks';
import { formatCount } from '../../utils/format';
import { t } from '../../utils/i18n';

/** Characters shown until the whole text is asked for. */
export const LONG_TEXT_PREVIEW_CHARS = 4_000;
/** The same for one text of an analysis (an issue, a timeline step), of which there are many. */
export const ANALYSIS_TEXT_PREVIEW_CHARS = 600;

/** The first `max` characters, never ending on half of a surrogate pair. */
function beginning(text: string, max: number): string {
  const code = text.charCodeAt(max - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}

/** At most `max` characters of `text`, with "…" when it was cut: for one-line mentions. */
export function clipText(text: string, max: number): string {
  return text.length > max ? `${beginning(text, max)}…` : text;
}

export function LongText(props: {
  text: string;
  /** `pre` keeps line breaks (messages, prompts); `p` and `span` flow (analysis texts). */
  as: 'pre' | 'p' | 'span';
  class?: string;
  preview?: number;
}) {
  const { text } = props;
  const preview = props.preview ?? LONG_TEXT_PREVIEW_CHARS;
  const [expanded, setExpanded] = useState(false);
  const long = text.length > preview;
  const shown = long && !expanded ? `${beginning(text, preview)}…` : text;
  const Tag = props.as;
  return (
    <>
      <Tag class={props.class}>{shown}</Tag>
      {long ? (
        <button
          type="button"
          class="link-button show-all"
          aria-expanded={expanded}
          onClick={() => setExpanded(!expanded)}
        >
          {expanded
            ? t('sessions.detail.showLess')
            : t('sessions.detail.showAllChars', [formatCount(text.length)])}
        </button>
      ) : null}
    </>
  );
}
