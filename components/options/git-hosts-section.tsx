/**
 * Self-hosted git servers for the pull request lookup. The right-click lookup needs no access
 * to a server. Only while the PR-page badge is on, adding a server also asks the browser (from
 * the Add click) to show the extension the addresses of that server's tabs; refused, the server
 * is still added and only the badge is missing there.
 */
import { useState } from 'preact/hooks';
import { t } from '../../utils/i18n';
import {
  GIT_HOST_KINDS,
  type GitHostKind,
  originToPermissionPattern,
  parseGitHostOrigin,
  type SelfHostedGitHost,
} from '../../utils/pr-urls';
import { removeOriginPermission, requestOriginPermission } from '../../utils/settings/permissions';
import { Card } from './card';
import { describedBy, errorNotice, Feedback, FieldError, type Notice } from './feedback';
import { OriginAccess } from './origin-access';
import { type StoredConfig, saveSettings } from './stored-config';
import './git-hosts-section.css';

const GIT_HOST_KIND_LABELS: Readonly<Record<GitHostKind, string>> = {
  github: 'GitHub Enterprise Server',
  gitlab: 'GitLab self-managed',
  'bitbucket-server': 'Bitbucket Server / Data Center',
};

function samePattern(a: string, b: string): boolean {
  try {
    return originToPermissionPattern(a) === originToPermissionPattern(b);
  } catch {
    return false;
  }
}

/** `badgeOn`: the PR-page badge is turned on (only then is a server's access asked for). */
export function GitHostsSection(props: { stored: StoredConfig; badgeOn: boolean }) {
  const hosts = props.stored.settings.gitHosts;
  const [origin, setOrigin] = useState('');
  const [kind, setKind] = useState<GitHostKind>('github');
  const [originError, setOriginError] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [busy, setBusy] = useState(false);
  const { badgeOn } = props;

  function onAdd(event: Event) {
    event.preventDefault();
    const parsed = parseGitHostOrigin(origin);
    if (!parsed.ok) {
      setOriginError(parsed.reason);
      return;
    }
    if (hosts.some((host) => host.origin === parsed.origin)) {
      setOriginError(t('options.gitHosts.inList', [parsed.origin]));
      return;
    }
    // Asked now, inside the click: the browser shows its prompt only during a user gesture.
    const granted = badgeOn ? requestOriginPermission(parsed.origin).catch(() => false) : null;
    setBusy(true);
    void (async () => {
      try {
        await saveSettings({ gitHosts: [...hosts, { origin: parsed.origin, kind }] });
        setOrigin('');
        if (granted === null || (await granted)) {
          setNotice({
            tone: 'success',
            text:
              granted === null
                ? t('options.gitHosts.added', [parsed.origin])
                : t('options.gitHosts.addedBadge', [parsed.origin]),
          });
        } else {
          setNotice({ tone: 'info', text: t('options.gitHosts.addedNoBadge', [parsed.origin]) });
        }
      } catch (error) {
        setNotice(errorNotice(error));
      } finally {
        setBusy(false);
      }
    })();
  }

  async function onRemove(host: SelfHostedGitHost) {
    setBusy(true);
    try {
      const rest = hosts.filter((other) => other.origin !== host.origin);
      await saveSettings({ gitHosts: rest });
      // Give the permission back unless another entry, or the API itself, still needs it.
      const stillNeeded =
        rest.some((other) => samePattern(other.origin, host.origin)) ||
        samePattern(props.stored.settings.apiBaseUrl, host.origin);
      if (!stillNeeded) await removeOriginPermission(host.origin);
      setNotice({ tone: 'success', text: t('options.gitHosts.removed', [host.origin]) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card id="git-hosts" title={t('options.gitHosts.title')} intro={t('options.gitHosts.intro')}>
      {hosts.length === 0 ? (
        <p class="muted">{t('options.gitHosts.none')}</p>
      ) : (
        <ul class="host-list">
          {hosts.map((host) => (
            <li key={host.origin}>
              <span class="mono">{host.origin}</span>
              <span class="muted">{GIT_HOST_KIND_LABELS[host.kind]}</span>
              <button
                type="button"
                aria-label={t('options.gitHosts.removeLabel', [host.origin])}
                disabled={busy}
                onClick={() => void onRemove(host)}
              >
                {t('options.gitHosts.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {badgeOn
        ? hosts.map((host) => <OriginAccess key={host.origin} origin={host.origin} what="badge" />)
        : null}
      <form class="host-form" noValidate onSubmit={onAdd}>
        <div class="field grow">
          <label for="git-host-origin">{t('options.gitHosts.address')}</label>
          <input
            id="git-host-origin"
            class="mono"
            type="text"
            value={origin}
            placeholder="https://git.example.com"
            spellcheck={false}
            autocapitalize="off"
            aria-invalid={originError ? true : undefined}
            aria-describedby={describedBy(originError && 'git-host-origin-error')}
            onInput={(event) => {
              setOrigin(event.currentTarget.value);
              setOriginError(null);
            }}
          />
        </div>
        <div class="field">
          <label for="git-host-kind">{t('options.gitHosts.kind')}</label>
          <select
            id="git-host-kind"
            value={kind}
            onChange={(event) => setKind(event.currentTarget.value as GitHostKind)}
          >
            {GIT_HOST_KINDS.map((value) => (
              <option key={value} value={value}>
                {GIT_HOST_KIND_LABELS[value]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" disabled={busy}>
          {t('options.gitHosts.add')}
        </button>
      </form>
      <FieldError id="git-host-origin-error" message={originError} />
      <Feedback notice={notice} />
    </Card>
  );
}
