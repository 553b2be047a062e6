/**
 * One session in full, ordered for triage: where it stands and why, then its analysis, its first
 * message and its raw identifiers. The full record is read for this one session only (from the
 * part of the page that holds its latest copy), its long texts cut to their previews; the whole
 * texts are read when asked for (whole-texts.ts). Everything from the API is text; only http(s)
 * URLs become links.
 */
import { useEffect, useRef } from 'preact/hooks';
import type { Session } from '../../utils/api/schemas';
import type { StoredCopy } from '../../utils/db/page-layout';
import { readCacheSummary, readStoredSession } from '../../utils/db/reads';
import type { SessionRow } from '../../utils/db/types';
import type { Directory } from '../shared/directory';
import { SafeLink } from '../shared/safe-link';
import { useLiveQuery } from '../shared/use-live-query';
import { AnalysisView } from './analysis-view';
import { Conversation } from './conversation';
import { DetailSection } from './detail-section';
import { DetailsBlock } from './details-block';
import { useDatabase } from './env';
import { FirstPrompt } from './first-prompt';
import { GenerateAnalysis } from './generate-analysis';
import { CopyButton } from './parts';
import { StopSession } from './stop-session';
import { TriageFacts } from './triage-facts';
import { useWholeSession, WholeTextsContext } from './whole-texts';
import './session-detail.css';
import { t } from '../../utils/i18n';

export interface SessionDetailProps {
  sessionId: string;
  /** The list row, when known: the header shows at once while the full record loads. */
  row: SessionRow | null;
  directory: Directory;
  now: number;
  onBack: () => void;
  /** Opens another session (a parent or child) in place of this one. */
  onOpenSession?: (id: string) => void;
  /** Moves focus to the back button when the view opens (keyboard and screen readers). */
  autoFocus?: boolean;
}

export function SessionDetailView(props: SessionDetailProps) {
  const db = useDatabase();
  const loaded = useLiveQuery<{ stored: StoredCopy | undefined } | null>(
    db &&
      (async () => {
        // Read for Dexie to re-run this query when the cache changes: a newer copy of the
        // session is stored with pages Dexie does not report, and the summary with them.
        await readCacheSummary(db);
        return { stored: await readStoredSession(db, props.sessionId) };
      }),
    [db, props.sessionId],
    null,
  );
  const { session, wholeTexts, wholeFailed } = useWholeSession(loaded?.stored, props.sessionId);
  const backRef = useRef<HTMLButtonElement>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    bodyRef.current?.scrollTo?.({ top: 0 });
    if (props.autoFocus) backRef.current?.focus({ preventScroll: true });
  }, [props.sessionId]);

  const row = props.row;
  const title = session?.title || row?.title || row?.first_line || props.sessionId;

  return (
    <section class="detail" aria-labelledby="detail-title">
      <header class="detail-head">
        <button
          type="button"
          class="back"
          ref={backRef}
          onClick={props.onBack}
          title={t('sessions.detail.backTitle')}
        >
          <span aria-hidden="true">←</span> {t('sessions.detail.back')}
        </button>
        <h2 id="detail-title" class="detail-title" title={title}>
          {title}
        </h2>
        <div class="detail-actions">
          {(session ?? row) ? (
            <SafeLink href={(session ?? row)?.url} class="button-link">
              {t('sessions.detail.openInDevin')}
            </SafeLink>
          ) : null}
          <CopyButton
            text={props.sessionId}
            label={t('sessions.detail.copySessionId')}
            caption={t('sessions.detail.copyId')}
          />
        </div>
      </header>
      <div class="detail-body" ref={bodyRef}>
        {loaded === null ? (
          <p class="muted detail-note">{t('sessions.detail.loading')}</p>
        ) : session ? (
          <>
            <StopSession
              sessionId={props.sessionId}
              name={title}
              acus={session.acus_consumed}
              status={session.status}
            />
            {wholeFailed ? <p class="detail-note">{t('sessions.detail.wholeFailed')}</p> : null}
            <WholeTextsContext.Provider value={wholeTexts}>
              <SessionFields
                session={session}
                directory={props.directory}
                now={props.now}
                onOpenSession={props.onOpenSession}
              />
            </WholeTextsContext.Provider>
          </>
        ) : (
          <p class="detail-note">{t('sessions.detail.notCached')}</p>
        )}
      </div>
    </section>
  );
}

/**
 * Ordered for triage: the facts that decide what to do, then the analysis (issues and action
 * items first), the first message, and the raw identifiers collapsed at the end.
 */
function SessionFields(props: {
  session: Session;
  directory: Directory;
  now: number;
  onOpenSession?: (id: string) => void;
}) {
  const { session } = props;
  return (
    <>
      <TriageFacts
        session={session}
        directory={props.directory}
        now={props.now}
        onOpenSession={props.onOpenSession}
      />
      {session.session_analysis ? (
        <AnalysisView analysis={session.session_analysis} />
      ) : (
        <DetailSection title={t('sessions.detail.analysis')} id="analysis">
          <GenerateAnalysis session={session} />
        </DetailSection>
      )}
      <DetailSection title={t('sessions.detail.firstMessage')} id="first-message">
        <FirstPrompt session={session} />
      </DetailSection>
      <Conversation session={session} now={props.now} />
      <DetailsBlock session={session} directory={props.directory} />
    </>
  );
}
