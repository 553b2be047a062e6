/**
 * A v3 session's conversation in its detail view. Fetching it costs the API a request per 200
 * messages, so it is fetched only when "Show the conversation" is pressed; on opening a session
 * the background is asked for its cached copy only, which costs no request. Messages are shown
 * oldest first, the first few until asked for all, each as text.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type {
  Conversation as ConversationData,
  ConversationResult,
} from '../../utils/actions/types';
import type { Session } from '../../utils/api/schemas';
import { toEpochMs } from '../../utils/api/time';
import { ANALYSIS_TEXT_PREVIEW_CHARS } from '../../utils/db/long-texts';
import { formatCount } from '../../utils/format';
import { t } from '../../utils/i18n';
import { humanize } from '../shared/labels';
import { BoundedList } from './bounded-list';
import { DetailSection } from './detail-section';
import { useSessionsEnv } from './env';
import { LongText } from './long-text';
import { RelativeTime } from './parts';
import './conversation.css';

/** Messages listed until "Show all" is pressed: the start of a session is read first. */
export const CONVERSATION_PREVIEW_MESSAGES = 20;

/** Only v3 sends message counts (null when unknown): sessions synced over v2 lack the fields. */
function isV3Session(session: Session): boolean {
  return session.num_user_messages !== undefined || session.num_devin_messages !== undefined;
}

/** How many messages the session reports, or null when it does not say. */
function reportedCount(session: Session): number | null {
  const { num_user_messages: user, num_devin_messages: devin } = session;
  if (typeof user !== 'number' && typeof devin !== 'number') return null;
  return (user ?? 0) + (devin ?? 0);
}

function speaker(source: string): string {
  if (source === 'user') return t('sessions.conversation.user');
  if (source === 'devin') return 'Devin';
  return humanize(source);
}

type View =
  | { kind: 'asking' }
  | { kind: 'idle'; failed: string | null }
  | { kind: 'loading' }
  | { kind: 'shown'; conversation: ConversationData };

function viewOf(result: ConversationResult): View {
  if (!result.ok) return { kind: 'idle', failed: result.message };
  return result.conversation
    ? { kind: 'shown', conversation: result.conversation }
    : { kind: 'idle', failed: null };
}

function Messages(props: { conversation: ConversationData; now: number }) {
  const { messages, cut } = props.conversation;
  if (messages.length === 0) return <p class="muted">{t('sessions.conversation.noMessages')}</p>;
  return (
    <>
      <BoundedList
        items={messages}
        as="ol"
        class="conversation"
        showAll={(n) => t('sessions.detail.showAllMessages', n, [formatCount(n)])}
        preview={CONVERSATION_PREVIEW_MESSAGES}
        render={(message, index) => (
          <li
            key={index}
            class={`conversation-message from-${message.source === 'user' ? 'user' : 'devin'}`}
          >
            <p class="conversation-meta">
              <strong>{speaker(message.source)}</strong>{' '}
              <RelativeTime
                at={toEpochMs(message.createdAt)}
                now={props.now}
                prefix={(exact) => t('sessions.row.sentAt', [exact])}
              />
            </p>
            <LongText
              text={message.message}
              as="pre"
              class="conversation-text"
              preview={ANALYSIS_TEXT_PREVIEW_CHARS}
            />
          </li>
        )}
      />
      {cut ? (
        <p class="muted">{t('sessions.detail.messagesCut', [formatCount(messages.length)])}</p>
      ) : null}
    </>
  );
}

export function Conversation(props: { session: Session; now: number }) {
  const env = useSessionsEnv();
  const { session } = props;
  const id = session.session_id;
  const v3 = isV3Session(session);
  const [state, setState] = useState<{ id: string; view: View; focus?: boolean }>({
    id,
    view: { kind: 'asking' },
  });
  // The pressed button goes once the messages show: focus moves to them, not to the page's top.
  const sectionRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.focus && state.view.kind === 'shown') sectionRef.current?.focus();
  }, [state]);

  // On opening, and when the session moves on: the cached copy only, never a request.
  useEffect(() => {
    if (!v3) return;
    let active = true;
    // A late answer never undoes a fetch under way, nor hides messages already shown.
    const settle = (next: View) =>
      setState((current) => {
        const mine = current.id === id ? current.view.kind : 'asking';
        if (mine === 'loading' || (mine === 'shown' && next.kind !== 'shown')) return current;
        return { id, view: next };
      });
    env.loadConversation(id, false).then(
      (result) => {
        if (active) settle(viewOf(result));
      },
      () => {
        if (active) settle({ kind: 'idle', failed: null });
      },
    );
    return () => {
      active = false;
    };
  }, [env, id, session.updated_at, v3]);

  if (!v3) return null;
  const view = state.id === id ? state.view : ({ kind: 'asking' } as View);

  async function fetchConversation(): Promise<void> {
    setState({ id, view: { kind: 'loading' } });
    // Shown only while this session is still the one open: another may have been opened since.
    const settle = (next: View) =>
      setState((current) => (current.id === id ? { id, view: next, focus: true } : current));
    try {
      settle(viewOf(await env.loadConversation(id, true)));
    } catch {
      settle({ kind: 'idle', failed: t('sessions.sync.noAnswer') });
    }
  }

  const reported = reportedCount(session);
  const count = reported ?? (view.kind === 'shown' ? view.conversation.messages.length : undefined);
  const loading = view.kind === 'loading';
  return (
    <DetailSection title={t('sessions.conversation.heading')} id="conversation" count={count}>
      <div class="conversation-section" ref={sectionRef} tabIndex={-1}>
        {view.kind === 'shown' ? (
          <>
            {view.conversation.stale ? (
              <p class="muted">
                {t('sessions.conversation.stale')}{' '}
                <button type="button" class="link-button" onClick={() => void fetchConversation()}>
                  {t('sessions.conversation.loadLatest')}
                </button>
              </p>
            ) : null}
            <Messages conversation={view.conversation} now={props.now} />
          </>
        ) : (
          <>
            <p class="muted">
              {reported === null
                ? t('sessions.conversation.between')
                : t('sessions.conversation.messageCount', reported, [formatCount(reported)])}
            </p>
            <button
              type="button"
              aria-disabled={loading ? 'true' : undefined}
              onClick={() => {
                if (!loading) void fetchConversation();
              }}
            >
              {view.kind === 'idle' && view.failed
                ? t('sessions.conversation.tryAgain')
                : t('sessions.conversation.show')}
            </button>
          </>
        )}
        <div role="status">{loading ? <p>{t('sessions.conversation.loading')}</p> : null}</div>
        {view.kind === 'idle' && view.failed ? <p class="error-text">{view.failed}</p> : null}
      </div>
    </DetailSection>
  );
}
