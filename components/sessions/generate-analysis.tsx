/**
 * "Generate analysis" for a session that has none: asks the background whether it can be
 * offered (v3 token, the permission not refused before), then has Devin make it. The analysed
 * copy lands in the cache, and the detail's live query shows it; until then this says where
 * things stand. Answers are shown as text.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ActionResult } from '../../utils/actions/types';
import type { Session } from '../../utils/api/schemas';
import { useSessionsEnv } from './env';
import './session-actions.css';
import { t } from '../../utils/i18n';

type View =
  | { kind: 'checking' }
  | { kind: 'offer'; failed: string | null }
  | { kind: 'busy' }
  | { kind: 'done' }
  | { kind: 'unavailable'; message: string };

/** A message that failed to reach the background is a failure like any other. */
const orNoAnswer = (work: Promise<ActionResult>): Promise<ActionResult> =>
  work.catch(() => ({ ok: false, message: t('sessions.stop.noAnswer') }));

export function GenerateAnalysis(props: { session: Session }) {
  const env = useSessionsEnv();
  const id = props.session.session_id;
  const hasAnalysis = props.session.session_analysis !== null;
  const [view, setView] = useState<View>({ kind: 'checking' });
  // The session shown now: answers about one left meanwhile are dropped.
  const current = useRef(id);
  current.current = id;
  const show = (forId: string, next: View) => {
    if (current.current === forId) setView(next);
  };

  async function generate(forId: string) {
    show(forId, { kind: 'busy' });
    const result = await orNoAnswer(env.generateAnalysis(forId));
    if (result.ok) return show(forId, { kind: 'done' });
    // A refusal that will not change (v2 key, missing permission) replaces the button.
    const offer = await env.analysisOffer(forId).catch(() => null);
    show(
      forId,
      offer?.state === 'unavailable'
        ? { kind: 'unavailable', message: result.message }
        : { kind: 'offer', failed: result.message },
    );
  }

  useEffect(() => {
    if (hasAnalysis) return;
    setView({ kind: 'checking' });
    env.analysisOffer(id).then(
      (offer) => {
        if (offer.state === 'busy')
          void generate(id); // joins the attempt under way
        else if (offer.state === 'offer') show(id, { kind: 'offer', failed: null });
        else show(id, { kind: 'unavailable', message: offer.message });
      },
      () => show(id, { kind: 'offer', failed: null }),
    );
  }, [env, id, hasAnalysis]);

  if (hasAnalysis) {
    return view.kind === 'done' ? (
      <p class="generate-analysis muted" role="status">
        {t('sessions.detail.analysisGenerated')}
      </p>
    ) : null;
  }
  return (
    <div class="generate-analysis">
      <p class="muted">{t('sessions.detail.noAnalysisYet')}</p>
      {view.kind === 'offer' || view.kind === 'busy' ? (
        <button
          type="button"
          class="primary"
          aria-disabled={view.kind === 'busy' ? 'true' : undefined}
          onClick={() => {
            if (view.kind !== 'busy') void generate(id);
          }}
        >
          {view.kind === 'busy' ? t('sessions.detail.generating') : t('sessions.detail.generate')}
        </button>
      ) : null}
      <div role="status">
        {view.kind === 'busy' ? <p>{t('sessions.detail.generatingWait')}</p> : null}
        {view.kind === 'done' ? <p>{t('sessions.detail.generatedSoon')}</p> : null}
      </div>
      {view.kind === 'offer' && view.failed ? <p class="error-text">{view.failed}</p> : null}
      {view.kind === 'unavailable' ? <p class="analysis-unavailable">{view.message}</p> : null}
    </div>
  );
}
