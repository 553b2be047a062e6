/** One titled section of a session's detail view (first message, issues, timeline...). */
import type { ComponentChildren } from 'preact';

export function DetailSection(props: {
  title: string;
  id: string;
  count?: number;
  children: ComponentChildren;
}) {
  return (
    <section class="detail-section" aria-labelledby={`section-${props.id}`}>
      <h3 id={`section-${props.id}`}>
        {props.title}
        {props.count !== undefined ? <span class="count">{props.count}</span> : null}
      </h3>
      {props.children}
    </section>
  );
}
