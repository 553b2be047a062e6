/**
 * The detail view's facts beyond the v2 contract: the repositories (from the PRs, on either
 * API) and what only v3 reports (size, messages, category, languages, playbook, archived,
 * parent and child sessions). A fact the session does not have is left out, not shown empty.
 */
import type { Session } from '../../utils/api/schemas';
import { formatCount } from '../../utils/format';
import { t } from '../../utils/i18n';
import { normalizePullRequestUrl } from '../../utils/pr-urls';
import { repositoryKeyOf, repositoryLabel } from '../../utils/pr-urls/repository';
import { Fact } from './fact';

/** Sessions listed as parent or children, at most; a fan-out of hundreds is summarized. */
const MAX_LINKED = 20;

function repositoriesOf(session: Session): string[] {
  const keys = session.pull_requests
    .map((pr) => normalizePullRequestUrl(pr.url))
    .filter((key): key is string => key !== null)
    .map(repositoryKeyOf);
  return [...new Set(keys)].map(repositoryLabel);
}

function SessionLink(props: { id: string; onOpen?: (id: string) => void }) {
  if (!props.onOpen) return <span class="mono">{props.id}</span>;
  return (
    <button type="button" class="link-button mono" onClick={() => props.onOpen?.(props.id)}>
      {props.id}
    </button>
  );
}

export function MoreFacts(props: { session: Session; onOpenSession?: (id: string) => void }) {
  const { session } = props;
  const repositories = repositoriesOf(session);
  const messages =
    typeof session.num_user_messages === 'number' || typeof session.num_devin_messages === 'number'
      ? `${formatCount(session.num_user_messages ?? 0)} from the user, ${formatCount(session.num_devin_messages ?? 0)} from Devin`
      : null;
  const classification = session.classification;
  const children = session.child_session_ids ?? [];
  return (
    <>
      {repositories.length > 0 ? (
        <Fact label={t('sessions.detail.repositories', repositories.length)}>
          {repositories.join(', ')}
        </Fact>
      ) : null}
      {session.session_size ? (
        <Fact label={t('sessions.detail.size')}>{session.session_size.toUpperCase()}</Fact>
      ) : null}
      {messages ? <Fact label={t('sessions.detail.messages')}>{messages}</Fact> : null}
      {classification?.category ? (
        <Fact label={t('sessions.detail.category')}>{classification.category}</Fact>
      ) : null}
      {classification && classification.programming_languages.length > 0 ? (
        <Fact label={t('sessions.detail.languages')}>
          {classification.programming_languages.join(', ')}
        </Fact>
      ) : null}
      {session.playbook_id ? (
        <Fact label={t('sessions.detail.playbook')}>
          <span class="mono">{session.playbook_id}</span>
        </Fact>
      ) : null}
      {session.is_archived ? (
        <Fact label={t('sessions.detail.archived')}>{t('sessions.detail.yes')}</Fact>
      ) : null}
      {session.parent_session_id ? (
        <Fact label={t('sessions.detail.startedBy')}>
          <SessionLink id={session.parent_session_id} onOpen={props.onOpenSession} />
        </Fact>
      ) : null}
      {children.length > 0 ? (
        <Fact label={t('sessions.detail.childSessions', children.length)} wide>
          <span class="tags">
            {children.slice(0, MAX_LINKED).map((id) => (
              <SessionLink key={id} id={id} onOpen={props.onOpenSession} />
            ))}
            {children.length > MAX_LINKED ? (
              <span class="muted">
                {t('sessions.detail.andMore', [formatCount(children.length - MAX_LINKED)])}
              </span>
            ) : null}
          </span>
        </Fact>
      ) : null}
    </>
  );
}
