/**
 * The opt-in badge on pull request pages. Turning it on asks the browser, from the click, for
 * the addresses of tabs on the git hosts (utils/settings/badge-access.ts explains why host
 * access rather than `tabs`); turning it off gives that access back. The right-click lookup
 * works either way.
 */
import { useState } from 'preact/hooks';
import { t } from '../../utils/i18n';
import { releaseBadgeAccess, requestBadgeAccess } from '../../utils/settings/badge-access';
import { prPageBadgeItem } from '../../utils/settings/items';
import { Card } from './card';
import { errorNotice, Feedback, type Notice } from './feedback';
import type { StoredConfig } from './stored-config';
import './pr-badge-section.css';

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
    setNotice({ tone: 'progress', text: t('options.prBadge.asking') });
    void (async () => {
      try {
        if (!(await granted)) {
          setNotice({ tone: 'error', text: t('options.prBadge.refused') });
          return;
        }
        await prPageBadgeItem.setValue(true);
        setNotice({
          tone: 'success',
          text: t('options.prBadge.on'),
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
        text: t('options.prBadge.off'),
      });
    } catch (error) {
      setNotice(errorNotice(error));
    } finally {
      setAsking(false);
    }
  }

  return (
    <Card id="pr-badge" title={t('options.prBadge.title')} intro={t('options.prBadge.intro')}>
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
        {t('options.prBadge.toggle')}
      </label>
      <p id="pr-badge-access" class="muted">
        {t('options.prBadge.access')}
      </p>
      <Feedback notice={notice} />
    </Card>
  );
}
