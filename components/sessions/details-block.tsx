/**
 * The raw identifiers of a session, collapsed at the bottom of its detail: what an admin copies
 * into a ticket or a support request, not what they read first. "Open in Devin" in the header
 * already links the session's Devin URL.
 */
import type { Session } from '../../utils/api/schemas';
import { t } from '../../utils/i18n';
import type { Directory } from '../shared/directory';
import { SafeLink } from '../shared/safe-link';
import { Fact } from './fact';

export function DetailsBlock(props: { session: Session; directory: Directory }) {
  const { session, directory } = props;
  const email = session.user_id ? directory.member(session.user_id)?.email : null;
  return (
    <details class="detail-more">
      <summary>{t('sessions.detail.details')}</summary>
      <dl class="facts">
        <Fact label={t('sessions.detail.sessionId')}>
          <span class="mono">{session.session_id}</span>
        </Fact>
        <Fact label={t('sessions.detail.orgId')}>
          <span class="mono">{session.org_id}</span>
        </Fact>
        <Fact label={t('sessions.detail.userId')}>
          {session.user_id ? (
            <span class="mono">{session.user_id}</span>
          ) : (
            <span class="muted">{t('sessions.detail.none')}</span>
          )}
          {email ? <span class="fact-sub">{email}</span> : null}
        </Fact>
        {session.pull_requests.length > 0 ? (
          <Fact label={t('sessions.detail.prUrls')} wide>
            <ul class="pr-urls">
              {session.pull_requests.map((pr) => (
                <li key={pr.url}>
                  <SafeLink href={pr.url} class="break" />
                </li>
              ))}
            </ul>
          </Fact>
        ) : null}
      </dl>
    </details>
  );
}
