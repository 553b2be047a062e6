/** One section of the options page: a card with a heading and a line saying what it is for. */
import type { ComponentChildren } from 'preact';
import './card.css';

export function Card(props: {
  id: string;
  title: string;
  intro?: ComponentChildren;
  children: ComponentChildren;
}) {
  const headingId = `${props.id}-heading`;
  return (
    <section class="card" id={props.id} aria-labelledby={headingId}>
      <h2 id={headingId}>{props.title}</h2>
      {props.intro ? <p class="card-intro">{props.intro}</p> : null}
      {props.children}
    </section>
  );
}
