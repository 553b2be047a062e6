/**
 * A session's first message. v2 sends it with the session; v3 only inside an analysis, so for
 * a v3 session without one the background fetches it once (and caches it) when it is opened.
 * Long messages show their beginning until "Show all" is pressed: a page of text is read
 * faster, and a very long one is not laid out unless asked for. Shown as text.
 */
import { useEffect, useState } from 'preact/hooks';
import type { FirstPromptResult } from '../../utils/actions/types';
import type { Session } from '../../utils/api/schemas';
import { formatCount } from '../shared/format';
import { useSessionsEnv } from './env';
import { CopyButton } from './parts';
import './session-actions.css';

/** Characters shown until the whole message is asked for. */
export const FIRST_PROMPT_PREVIEW_CHARS = 4_000;

/** The first `max` characters, never ending on half of a surrogate pair. */
function beginning(text: string, max: number): string {
  const code = text.charCodeAt(max - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}

function MessageText(props: { text: string; truncated: boolean }) {
  const { text } = props;
  const [expanded, setExpanded] = useState(false);
  const long = text.length > FIRST_PROMPT_PREVIEW_CHARS;
  const shown = long && !expanded ? `${beginning(text, FIRST_PROMPT_PREVIEW_CHARS)}…` : text;
  return (
    <div class="first-prompt">
      <div class="message-block">
        <CopyButton text={text} label="Copy the first message" />
        <pre class="message">{shown}</pre>
      </div>
      {long ? (
        <button
          type="button"
          class="link-button"
          aria-expanded={expanded}
          onClick={() => setExpanded(!expanded)}
        >
          {expanded ? 'Show less' : `Show all (${formatCount(text.length)} characters)`}
        </button>
      ) : null}
      {props.truncated ? (
        <p class="muted">
          The message is longer than the extension keeps; open the session in Devin to read all of
          it.
        </p>
      ) : null}
    </div>
  );
}

export function FirstPrompt(props: { session: Session }) {
  const env = useSessionsEnv();
  const id = props.session.session_id;
  const own = props.session.initial_user_message;
  const [loaded, setLoaded] = useState<{ id: string; result: FirstPromptResult } | null>(null);

  useEffect(() => {
    if (own) return;
    let active = true;
    env.loadFirstPrompt(id).then(
      (result) => {
        if (active) setLoaded({ id, result });
      },
      () => {
        const message = "The extension's background did not answer. Open the session again.";
        if (active) setLoaded({ id, result: { ok: false, message } });
      },
    );
    return () => {
      active = false;
    };
  }, [env, id, Boolean(own)]);

  if (own) return <MessageText key={id} text={own} truncated={false} />;
  const result = loaded?.id === id ? loaded.result : null;
  if (result === null) return <p class="muted">Loading the first message…</p>;
  if (!result.ok) return <p class="muted">{result.message}</p>;
  if (result.text === null) return <p class="muted">No first message recorded.</p>;
  return <MessageText key={id} text={result.text} truncated={result.truncated} />;
}
