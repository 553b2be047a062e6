/**
 * The first stop of Tab on a page with a long header (alerts, a dozen filters): a link, shown
 * only while focused, that takes a keyboard user straight to the content (WCAG 2.4.1). It
 * focuses the content's own Tab stop (the active session row) rather than only scrolling, so
 * the next arrow key or Enter acts on the list.
 */
import { t } from '../../utils/i18n';

export function SkipLink(props: { target: string }) {
  return (
    <a
      class="skip-link"
      href={`#${props.target}`}
      onClick={(event) => {
        event.preventDefault();
        const region = document.getElementById(props.target);
        const stop = region?.querySelector<HTMLElement>(
          '[tabindex="0"], a[href], button:not([disabled]), input, select, textarea',
        );
        (stop ?? region)?.focus();
      }}
    >
      {t('a11y.skipToContent')}
    </a>
  );
}
