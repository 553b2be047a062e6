/**
 * A session's first message. v2 sends it with the session; v3 only inside an analysis, so for
 * a v3 session without one the background fetches it once (and caches it) when it is opened.
 * Long messages show their beginning until "Show all" is pressed: a page of text is read
 * faster, and a very long one is not laid out unless asked for. Shown as text.
 */
import { useEffect, useState } from 'preact/hooks';
import type { FirstPromptResult } from '../../utils/actions/types';
import type { Session } from '../../utils/api/schemas';
import { useSessionsEnv } from './env';
import { LONG_TEXT_PREVIEW_CHARS, LongText } from './long-text';
import { CopyButton } from './parts';
import { useWholeText } from './whole-texts';
import './session-actions.css';
import { t } from '../../utils/i18n';

/** Characters shown until the whole message is asked for. */
export const FIRST_PROMPT_PREVIEW_CHARS = LONG_TEXT_PREVIEW_CHARS;

/** Where the session's own first message is (the stored copy may keep only its beginning). */
const OWN_MESSAGE = 'initial_user_message';

function MessageText(props: { text: string; truncated: boolean; path?: string }) {
  const whole = useWholeText(props.path, props.text);
  return (
    <div class="first-prompt">
      <div class="message-block">
        <CopyButton text={whole.whole} label={t('sessions.detail.copyFirstMessage')} />
        <LongText text={props.text} path={props.path} as="pre" class="message" />
      </div>
      {props.truncated ? <p class="muted">{t('sessions.detail.messageCut')}</p> : null}
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
        const message = t('sessions.detail.noAnswerReopen');
        if (active) setLoaded({ id, result: { ok: false, message } });
      },
    );
    return () => {
      active = false;
    };
  }, [env, id, Boolean(own)]);

  if (own) return <MessageText key={id} text={own} truncated={false} path={OWN_MESSAGE} />;
  const result = loaded?.id === id ? loaded.result : null;
  if (result === null) return <p class="muted">{t('sessions.detail.loadingFirst')}</p>;
  if (!result.ok) return <p class="muted">{result.message}</p>;
  if (result.text === null) return <p class="muted">{t('sessions.detail.noFirst')}</p>;
  return <MessageText key={id} text={result.text} truncated={result.truncated} />;
}
