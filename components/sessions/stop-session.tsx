/**
 * "Stop" for a session still going, from its detail or its alert: asks the background whether
 * it can (v3 token, policy), asks the person to confirm naming the session and its ACUs so
 * far, then has the background terminate it (and archive it, if ticked). The stopped copy
 * lands in the cache, so the list shows the new status at once. Answers are shown as text.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ActionResult } from '../../utils/actions/types';
import { formatAcus } from '../../utils/format';
import { useSessionsEnv } from './env';
import './session-actions.css';
import { t } from '../../utils/i18n';

/** Statuses after which there is nothing left to stop. */
const ENDED = new Set(['exit', 'error']);

type View =
  | { kind: 'checking' }
  | { kind: 'offer'; failed: string | null }
  | { kind: 'confirm' }
  | { kind: 'busy' }
  | { kind: 'done'; note: string }
  /** `shown`: the button was pressed, and says what is needed instead of stopping. */
  | { kind: 'unavailable'; message: string; shown: boolean };

export interface StopSessionProps {
  sessionId: string;
  /** How the session is named in the confirmation. */
  name: string;
  acus: number;
  status: string;
}

export function StopSession(props: StopSessionProps) {
  const env = useSessionsEnv();
  const [view, setView] = useState<View>({ kind: 'checking' });
  const [archive, setArchive] = useState(false);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const ended = ENDED.has(props.status);

  useEffect(() => {
    if (ended) return;
    let active = true;
    env.stopOffer().then(
      (offer) => {
        if (!active) return;
        setView(
          offer.state === 'offer'
            ? { kind: 'offer', failed: null }
            : { kind: 'unavailable', message: offer.message, shown: false },
        );
      },
      () => active && setView({ kind: 'offer', failed: null }),
    );
    return () => {
      active = false;
    };
  }, [env, ended]);

  useEffect(() => {
    if (view.kind === 'confirm') cancelRef.current?.focus();
  }, [view.kind]);

  async function stop() {
    setView({ kind: 'busy' });
    const result: ActionResult = await env
      .stopSession(props.sessionId, archive)
      .catch(() => ({ ok: false, message: t('sessions.stop.noAnswer') }));
    if (result.ok) {
      setView({
        kind: 'done',
        note:
          result.note ??
          (archive ? t('sessions.stop.stoppedArchived') : t('sessions.stop.stopped')),
      });
    } else {
      setView({ kind: 'offer', failed: result.message });
    }
  }

  if (view.kind === 'done') {
    return (
      <p class="stop-session" role="status">
        {view.note}
      </p>
    );
  }
  if (ended || view.kind === 'checking') return null;
  if (view.kind === 'unavailable') {
    // The button stays where it would be, and explains what is needed when pressed.
    return (
      <div class="stop-session">
        <button
          type="button"
          aria-label={t('sessions.stop.label', [props.name])}
          aria-expanded={view.shown}
          onClick={() => setView({ ...view, shown: !view.shown })}
        >
          {t('sessions.stop.offer')}
        </button>
        <div role="status">
          {view.shown ? <p class="stop-unavailable">{view.message}</p> : null}
        </div>
      </div>
    );
  }
  if (view.kind === 'confirm' || view.kind === 'busy') {
    const busy = view.kind === 'busy';
    return (
      <fieldset
        class="stop-session stop-confirm"
        aria-label={t('sessions.stop.confirmLabel', [props.name])}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && !busy) {
            event.stopPropagation();
            setView({ kind: 'offer', failed: null });
          }
        }}
      >
        <p>{t('sessions.stop.question', [props.name, formatAcus(props.acus)])}</p>
        <label class="stop-archive">
          <input
            type="checkbox"
            checked={archive}
            disabled={busy}
            onChange={(event) => setArchive(event.currentTarget.checked)}
          />
          {t('sessions.stop.archiveToo')}
        </label>
        <div class="stop-buttons">
          <button
            type="button"
            class="danger"
            aria-disabled={busy ? 'true' : undefined}
            onClick={() => {
              if (!busy) void stop();
            }}
          >
            {busy
              ? t('sessions.stop.stopping')
              : archive
                ? t('sessions.stop.stopAndArchive')
                : t('sessions.stop.stop')}
          </button>
          <button
            type="button"
            ref={cancelRef}
            disabled={busy}
            onClick={() => setView({ kind: 'offer', failed: null })}
          >
            {t('sessions.stop.cancel')}
          </button>
        </div>
      </fieldset>
    );
  }
  return (
    <div class="stop-session">
      <button
        type="button"
        aria-label={t('sessions.stop.label', [props.name])}
        title={t('sessions.stop.title')}
        onClick={() => setView({ kind: 'confirm' })}
      >
        {t('sessions.stop.offer')}
      </button>
      {view.failed ? (
        <p class="error-text" role="alert">
          {view.failed}
        </p>
      ) : null}
    </div>
  );
}
