/**
 * Step 4: set up. One button opens the sessions; a short picture says how to keep the icon
 * in the toolbar, since no browser lets an extension pin itself.
 */
import { t } from '../../../utils/i18n';

export function DoneStep(props: { onOpen: () => void; onSettings: () => void }) {
  return (
    <div>
      <p class="welcome-intro">{t('welcome.done.intro')}</p>
      <div class="actions">
        <button type="button" class="primary" onClick={props.onOpen}>
          {t('welcome.done.open')}
        </button>
        <button type="button" onClick={props.onSettings}>
          {t('welcome.done.settings')}
        </button>
      </div>
      <section class="pin-hint" aria-labelledby="welcome-pin-heading">
        <h4 id="welcome-pin-heading">{t('welcome.done.pinHeading')}</h4>
        {/* A toolbar in miniature: the puzzle piece, then the pin. */}
        <figure class="pin-picture" aria-hidden="true">
          <span class="pin-bar">
            <span class="pin-address" />
            <span class="pin-icon">🧩</span>
            <span class="pin-arrow">→</span>
            <span class="pin-icon">📌</span>
          </span>
        </figure>
        <ol>
          <li>{t('welcome.done.pinStep1')}</li>
          <li>{t('welcome.done.pinStep2', [t('common.appName')])}</li>
        </ol>
      </section>
    </div>
  );
}
