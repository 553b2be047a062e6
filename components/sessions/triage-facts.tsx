/**
 * The top of a session's detail, what an admin triaging it needs first: where it stands, why it
 * ended when it failed, what it cost, how long it ran and the pull requests it opened; then who
 * ran it and when. Raw ids and URLs are in the Details block below (details-block.tsx).
 */
import type { Session } from '../../utils/api/schemas';
import { toEpochMs } from '../../utils/api/time';
import { formatAcus, formatDuration, formatExact } from '../../utils/format';
import { t } from '../../utils/i18n';
import type { Directory } from '../shared/directory';
import { explainError, sessionDuration } from './ending';
import { Fact } from './fact';
import { clipText } from './long-text';
import { MoreFacts } from './more-facts';
import { PrLink, RelativeTime, StatusBadge, Tag } from './parts';
import { impactWord } from './value-words';

/** Characters of the analysis issue quoted as the reason a session failed. */
const REASON_CHARS = 300;

function WhyItEnded(props: { session: Session }) {
  const why = explainError(props.session);
  if (!why) return null;
  return (
    <Fact label={t('sessions.detail.whyEnded')} wide>
      <span class="why-ended">
        {why.detail ? <span class="why-detail">{why.detail}</span> : null}
        {why.issue ? (
          <span class="why-issue">
            <span class="muted">
              {t('sessions.detail.impactIssue', [impactWord(why.issue.impact)])}{' '}
            </span>
            {clipText(why.issue.issue, REASON_CHARS)}
          </span>
        ) : null}
      </span>
    </Fact>
  );
}

export function TriageFacts(props: {
  session: Session;
  directory: Directory;
  now: number;
  onOpenSession?: (id: string) => void;
}) {
  const { session, directory, now } = props;
  const created = toEpochMs(session.created_at);
  const updated = toEpochMs(session.updated_at);
  const member = session.user_id ? directory.member(session.user_id) : null;
  return (
    <dl class="facts">
      <Fact label={t('sessions.detail.status')}>
        <StatusBadge status={session.status} detail={session.status_detail} />
      </Fact>
      <Fact label={t('sessions.detail.acus')}>{formatAcus(session.acus_consumed)}</Fact>
      <Fact label={t('sessions.detail.duration')}>
        {formatDuration(sessionDuration(session, now))}
      </Fact>
      <Fact label={t('sessions.detail.pullRequests', session.pull_requests.length)}>
        {session.pull_requests.length > 0 ? (
          <ul class="pr-list">
            {session.pull_requests.map((pr) => (
              <li key={pr.url}>
                <PrLink pr={pr} />
              </li>
            ))}
          </ul>
        ) : (
          <span class="muted">{t('sessions.detail.none')}</span>
        )}
      </Fact>
      <WhyItEnded session={session} />
      <Fact label={t('sessions.detail.organization')}>
        {directory.orgName(session.org_id) ?? <span class="mono">{session.org_id}</span>}
      </Fact>
      <Fact label={t('sessions.detail.user')}>
        {session.user_id ? (
          member?.name || member?.email || <span class="mono">{session.user_id}</span>
        ) : (
          <span class="muted">{t('sessions.detail.none')}</span>
        )}
      </Fact>
      <Fact label={t('sessions.detail.created')}>
        <RelativeTime
          at={created}
          now={now}
          prefix={(exact) => t('sessions.row.createdAt', [exact])}
        />{' '}
        <span class="muted">{formatExact(created)}</span>
      </Fact>
      <Fact label={t('sessions.detail.updated')}>
        <RelativeTime
          at={updated}
          now={now}
          prefix={(exact) => t('sessions.row.updatedAt', [exact])}
        />{' '}
        <span class="muted">{formatExact(updated)}</span>
      </Fact>
      <MoreFacts session={session} onOpenSession={props.onOpenSession} />
      {session.tags.length > 0 ? (
        <Fact label={t('sessions.detail.tags')} wide>
          <span class="tags">
            {session.tags.map((tag) => (
              <Tag key={tag} tag={tag} />
            ))}
          </span>
        </Fact>
      ) : null}
    </dl>
  );
}
