/** For a new install: the three steps to a first sync, each ticked once done. */
import './card.css';
import './setup-steps.css';

export function SetupSteps(props: { hasKey: boolean; hasOrgs: boolean; synced: boolean }) {
  if (props.hasKey && props.hasOrgs && props.synced) return null;
  const steps = [
    { done: props.hasKey, text: 'Enter your admin API key, test the connection and save it.' },
    { done: props.hasOrgs, text: 'Choose the organizations to sync and save them.' },
    { done: props.synced, text: 'Wait for the first sync, or press Sync now.' },
  ];
  return (
    <section class="setup" aria-labelledby="setup-heading">
      <h2 id="setup-heading">Get started</h2>
      <ol>
        {steps.map((step) => (
          <li key={step.text} class={step.done ? 'done' : undefined}>
            <span class="step-mark" aria-hidden="true">
              {step.done ? '✓' : ''}
            </span>
            {step.text}
            {step.done ? <span class="visually-hidden"> (done)</span> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
