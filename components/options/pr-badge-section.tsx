/**
 * The opt-in badge on pull request pages. Turning it on asks the browser, from the click, for
 * the addresses of tabs on the git hosts (utils/settings/badge-access.ts explains why host
 * access rather than `tabs`); turning it off gives that access back. The right-click lookup
 * works either way.
 */
import { useState } from 'preact/hooks';
import { releaseBadgeAccess, requestBadgeAccess } from '../../utils/settings/badge-access';
import { prPageBadgeItem } from '../../utils/settings/items';
import { Card } from './card';
import { errorNotice, Feedback, type Notice } from './feedback';
import type { StoredConfig } from './stored-config';
import './pr-badge-section.css';

const REFUSED =
  'The badge stays off: the browser did not allow the extension to see the addresses of pull request pages. To turn it on, tick the box again and choose Allow in the browser’s prompt.';

/** `on`: the stored choice (usePrPageBadge), null while it loads. */
export function PrBadgeSection(props: { stored: StoredConfig; on: boolean | null }) {
  const { on } = props;
  const [asking, setAsking] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const { gitHosts, apiBaseUrl } = props.stored.settings;

  function turnOn() {
    // Asked now, inside the click: the browser shows its prompt only during a user gesture.
    const granted = requestBadgeAccess(gitHosts).catch(() => false);
    setAsking(true);
    setNotice({ tone: 'progress', text: 'Answer the browser’s prompt to turn the badge on.' });
    void (async () => {
      try {
        if (!(await granted)) {
          setNotice({ tone: 'error', text: REFUSED });
          return;
        }
        await prPageBadgeItem.setValue(true);
        setNotice({
          tone: 'success',
          text: 'The badge is on. Open a pull request page to see how many sessions link to it.',
        });
      } catch (error) {
        setNotice(errorNotice(error));
      } finally {
        setAsking(false);
      }
    })();
  }

  async function turnOff() {
    setAsking(true);
    try {
      await prPageBadgeItem.setValue(false);
      await releaseBadgeAccess(gitHosts, apiBaseUrl);
      setNotice({
        tone: 'success',
        text: 'The badge is off, and the extension no longer sees the addresses of those pages.',
      });
    } catch (error) {
      setNotice(errorNotice(error));
    } finally {
      setAsking(false);
    }
  }

  return (
    <Card
      id="pr-badge"
      title="Badge on pull request pages"
      intro="Right-click a pull request to find its Devin sessions: that works without this. The badge also shows, on the toolbar icon, how many sessions link to the pull request you are looking at."
    >
      <label class="badge-toggle">
        <input
          type="checkbox"
          checked={on === true && !asking}
          disabled={on === null}
          aria-describedby="pr-badge-access"
          onChange={(event) => {
            // Left enabled while the browser asks (disabling would drop the keyboard focus).
            if (asking) return;
            if (event.currentTarget.checked) turnOn();
            else void turnOff();
          }}
        />
        Show the number of linked sessions on pull request pages
      </label>
      <p id="pr-badge-access" class="muted">
        Turning it on asks the browser to let the extension see the addresses of your tabs on
        GitHub, GitLab, Bitbucket, Azure DevOps and the servers added below, and no others. It never
        reads or changes the pages themselves.
      </p>
      <Feedback notice={notice} />
    </Card>
  );
}
