/**
 * Self-hosted git servers for the pull request lookup. The right-click lookup needs no access
 * to a server. Only while the PR-page badge is on, adding a server also asks the browser (from
 * the Add click) to show the extension the addresses of that server's tabs; refused, the server
 * is still added and only the badge is missing there.
 */
import { useState } from 'preact/hooks';
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
      setOriginError(`${parsed.origin} is in the list already.`);
      return;
    }
    // Asked now, inside the click: the browser shows its prompt only during a user gesture.
    const granted = badgeOn ? requestOriginPermission(parsed.origin).catch(() => false) : null;
    setBusy(true);
    void (async () => {
      try {
        await saveSettings({ gitHosts: [...hosts, { origin: parsed.origin, kind }] });
        setOrigin('');
        const lookup = `Added ${parsed.origin}. Right-click a pull request there to find its Devin sessions.`;
        if (granted === null || (await granted)) {
          setNotice({
            tone: 'success',
            text: granted === null ? lookup : `${lookup} Its pull request pages show the badge.`,
          });
        } else {
          setNotice({
            tone: 'info',
            text: `${lookup} The badge will not show there: the browser did not allow the extension to see that server's addresses. Choose "Allow access" in the warning above to change that.`,
          });
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
      setNotice({ tone: 'success', text: `Removed ${host.origin}.` });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card
      id="git-hosts"
      title="Self-hosted git servers"
      intro="GitHub, GitLab, Bitbucket and Azure DevOps in the cloud work already. Add your company's own servers so their pull request pages show the Devin sessions behind them."
    >
      {hosts.length === 0 ? (
        <p class="muted">No servers added.</p>
      ) : (
        <ul class="host-list">
          {hosts.map((host) => (
            <li key={host.origin}>
              <span class="mono">{host.origin}</span>
              <span class="muted">{GIT_HOST_KIND_LABELS[host.kind]}</span>
              <button
                type="button"
                aria-label={`Remove ${host.origin}`}
                disabled={busy}
                onClick={() => void onRemove(host)}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      {badgeOn
        ? hosts.map((host) => (
            <OriginAccess
              key={host.origin}
              origin={host.origin}
              what="the badge on its pull request pages"
            />
          ))
        : null}
      <form class="host-form" noValidate onSubmit={onAdd}>
        <div class="field grow">
          <label for="git-host-origin">Server address</label>
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
          <label for="git-host-kind">Kind</label>
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
          Add server
        </button>
      </form>
      <FieldError id="git-host-origin-error" message={originError} />
      <Feedback notice={notice} />
    </Card>
  );
}
