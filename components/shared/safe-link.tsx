/**
 * Text from the API becomes a link only when it is an http(s) URL; anything else (a
 * `javascript:` URL, say) is shown as plain text.
 */
import type { ComponentChildren } from 'preact';

function isSafeHttpUrl(value: string | null | undefined): value is string {
  if (!value) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

export function SafeLink(props: {
  href: string | null | undefined;
  children?: ComponentChildren;
  class?: string;
  /** -1 keeps it out of the Tab order (a link in a list row that is not the active one). */
  tabIndex?: number;
}) {
  const content = props.children ?? props.href ?? '';
  if (!isSafeHttpUrl(props.href)) return <span class={props.class}>{content}</span>;
  return (
    <a
      class={props.class}
      href={props.href}
      target="_blank"
      rel="noopener noreferrer"
      tabIndex={props.tabIndex}
    >
      {content}
    </a>
  );
}
