/** One labelled fact of a session in the detail view's description list. */
import type { ComponentChildren } from 'preact';

export function Fact(props: { label: string; children: ComponentChildren; wide?: boolean }) {
  return (
    <div class={props.wide ? 'fact wide' : 'fact'}>
      <dt>{props.label}</dt>
      <dd>{props.children}</dd>
    </div>
  );
}
