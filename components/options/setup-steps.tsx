/** For a new install: the three steps to a first sync, each ticked once done. */
import { t } from '../../utils/i18n';
import './card.css';
import './setup-steps.css';

export function SetupSteps(props: { hasKey: boolean; hasOrgs: boolean; synced: boolean }) {
  if (props.hasKey && props.hasOrgs && props.synced) return null;
  const steps = [
    { done: props.hasKey, text: t('options.setup.key') },
    { done: props.hasOrgs, text: t('options.setup.orgs') },
    { done: props.synced, text: t('options.setup.sync') },
  ];
  return (
    <section class="setup" aria-labelledby="setup-heading">
      <h2 id="setup-heading">{t('options.setup.heading')}</h2>
      <ol>
        {steps.map((step) => (
          <li key={step.text} class={step.done ? 'done' : undefined}>
            <span class="step-mark" aria-hidden="true">
              {step.done ? '✓' : ''}
            </span>
            {step.text}
            {step.done ? <span class="visually-hidden"> {t('options.setup.done')}</span> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
