/** Small pieces shared by the list and the detail: badges, times, PR links, copy buttons. */
import { useEffect, useState } from 'preact/hooks';
import type { PullRequest } from '../../utils/api/schemas';
import { formatExact, formatRelative } from '../../utils/format';
import { statusWord } from '../../utils/status-words';
import { humanize, shortPrLabel, statusTone } from '../shared/labels';
import { SafeLink } from '../shared/safe-link';
import { useSessionsEnv } from './env';
import './parts.css';
import { t } from '../../utils/i18n';
import { prStateWord } from './value-words';

/** The status, and beside it the v3 status detail when there is one ("Running · Waiting for user"). */
export function StatusBadge(props: { status: string; detail?: string | null }) {
  const detail = props.detail ? humanize(props.detail) : null;
  return (
    <span
      class={`badge status-${statusTone(props.status)}`}
      title={
        props.detail
          ? t('sessions.row.statusDetailTitle', [props.status, props.detail])
          : t('sessions.row.statusTitle', [props.status])
      }
    >
      {statusWord(props.status)}
      {detail ? <span class="badge-detail"> · {detail}</span> : null}
    </span>
  );
}

/** A relative time with the exact one on hover and in `datetime`. */
export function RelativeTime(props: {
  at: number;
  now: number;
  /** The hover text around the exact time, e.g. "Created $1": one message per sentence. */
  prefix?: (exact: string) => string;
  /**
   * The visible words around the relative time, e.g. "created $1": the whole sentence is one
   * message (word order differs between languages), and the time element sits where $1 is.
   */
  sentence?: (when: string) => string;
}) {
  const exact = formatExact(props.at);
  const time = (
    <time
      dateTime={new Date(props.at).toISOString()}
      title={props.prefix ? props.prefix(exact) : exact}
    >
      {formatRelative(props.at, props.now)}
    </time>
  );
  if (!props.sentence) return time;
  const [before = '', after = ''] = props.sentence(TIME_SLOT).split(TIME_SLOT);
  return (
    <>
      {before}
      {time}
      {after}
    </>
  );
}

/** Marks where the time goes in a sentence: a private-use character, never in a message. */
const TIME_SLOT = '\uE000';

function prTone(state: string | null): string {
  const value = (state ?? '').toLowerCase();
  if (value === 'merged') return 'merged';
  if (value === 'open' || value === 'opened') return 'open';
  if (value === 'closed' || value === 'declined' || value === 'abandoned') return 'closed';
  return 'unknown';
}

/**
 * A PR as a link (http(s) only) with its state in words. `size` picks the label: the full URL,
 * "owner/repo #N", or just "#N" where space is short (the URL is in the hover title).
 */
export function PrLink(props: {
  pr: PullRequest;
  size?: 'full' | 'short' | 'number';
  /** -1 in list rows other than the active one: Tab crosses the list in one step. */
  tabIndex?: number;
}) {
  const { pr } = props;
  const state = pr.state ? prStateWord(pr.state) : t('sessions.detail.stateUnknown');
  const size = props.size ?? 'short';
  const short = shortPrLabel(pr.url);
  const label =
    size === 'full' ? pr.url : size === 'number' ? (/#\d+$/.exec(short)?.[0] ?? short) : short;
  return (
    <span class={`pr pr-${prTone(pr.state)}`} title={size === 'full' ? undefined : pr.url}>
      <SafeLink href={pr.url} class="pr-link" tabIndex={props.tabIndex}>
        {label}
      </SafeLink>
      <span class="pr-state">{state}</span>
    </span>
  );
}

export function Tag(props: { tag: string }) {
  return <span class="tag">{props.tag}</span>;
}

/** Copies text with navigator.clipboard and says so. */
export function CopyButton(props: {
  /** The text, or how to get it (a whole text read from the cache on demand). */
  text: string | (() => Promise<string>);
  label: string;
  /** The visible text; `label` is what it says to assistive technology and on hover. */
  caption?: string;
  class?: string;
}) {
  const { copyText } = useSessionsEnv();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), 1600);
    return () => clearTimeout(timer);
  }, [state]);
  return (
    <button
      type="button"
      class={`copy ${props.class ?? ''}`}
      // A caption is the button's name (what is seen is what is said, WCAG 2.5.3); the label
      // then only describes it.
      aria-label={props.caption ? undefined : props.label}
      title={props.label}
      onClick={() => {
        const { text } = props;
        (typeof text === 'string' ? copyText(text) : text().then(copyText)).then(
          () => setState('copied'),
          () => setState('failed'),
        );
      }}
    >
      {state === 'copied'
        ? t('sessions.row.copied')
        : state === 'failed'
          ? t('sessions.row.copyFailed')
          : (props.caption ?? t('sessions.row.copy'))}
    </button>
  );
}
