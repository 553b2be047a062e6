/**
 * The guided first run at the top of the options page (opened at #welcome by the install and
 * by the popup's "Set up"): key, organizations, first sync, done, one step at a time. Each
 * step uses the settings writes and messages of the regular cards; the flow can be left for
 * the full settings at any point.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ConnectionReport } from '../../../utils/connection/test-connection';
import { formatCount } from '../../../utils/format';
import { t } from '../../../utils/i18n';
import type { StoredConfig } from '../stored-config';
import { DoneStep } from './done-step';
import { KeyStep } from './key-step';
import { openSessions } from './open-sessions';
import { OrganizationsStep } from './organizations-step';
import { SyncStep } from './sync-step';
import { previousStep, stepNumber, WELCOME_STEPS, type WelcomeStep } from './welcome-flow';
import '../card.css';
import '../organization-label.css';
import '../organizations-section.css';
import './welcome.css';

function title(step: WelcomeStep): string {
  switch (step) {
    case 'key':
      return t('welcome.steps.key');
    case 'organizations':
      return t('welcome.steps.organizations');
    case 'sync':
      return t('welcome.steps.sync');
    case 'done':
      return t('welcome.steps.done');
  }
}

export function Welcome(props: { stored: StoredConfig; onFinish: () => void }) {
  const [step, setStep] = useState<WelcomeStep>('key');
  const [report, setReport] = useState<ConnectionReport | null>(null);
  const [startedAt, setStartedAt] = useState(0);
  const heading = useRef<HTMLHeadingElement>(null);
  const first = useRef(true);

  // A new step moves focus to its heading, so keyboard and screen reader users land on it
  // and hear which step it is; the first step leaves focus where the browser put it.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    heading.current?.focus();
  }, [step]);

  const back = () => setStep(previousStep(step) ?? step);
  const total = WELCOME_STEPS.length;

  return (
    <section class="card welcome" aria-labelledby="welcome-heading">
      <div class="welcome-top">
        <h2 id="welcome-heading">{t('welcome.heading')}</h2>
        <button type="button" class="link-button" onClick={props.onFinish}>
          {t('welcome.skip')}
        </button>
      </div>
      <ol class="welcome-steps" aria-label={t('welcome.stepsLabel')}>
        {WELCOME_STEPS.map((each) => (
          <li
            key={each}
            aria-current={each === step ? 'step' : undefined}
            class={stepNumber(each) < stepNumber(step) ? 'done' : undefined}
          >
            {title(each)}
            {stepNumber(each) < stepNumber(step) ? (
              <span class="visually-hidden"> {t('welcome.stepDone')}</span>
            ) : null}
          </li>
        ))}
      </ol>
      <h3 ref={heading} tabIndex={-1} class="welcome-step-title">
        <span class="welcome-step-count">
          {t('welcome.stepCount', [formatCount(stepNumber(step)), formatCount(total)])}
        </span>{' '}
        {title(step)}
      </h3>
      {step === 'key' ? (
        <KeyStep
          stored={props.stored}
          onTested={(tested) => {
            setReport(tested);
            setStep('organizations');
          }}
        />
      ) : step === 'organizations' ? (
        <OrganizationsStep
          stored={props.stored}
          report={report}
          onBack={back}
          onSaved={(at) => {
            setStartedAt(at);
            setStep('sync');
          }}
        />
      ) : step === 'sync' ? (
        <SyncStep startedAt={startedAt} onBack={back} onNext={() => setStep('done')} />
      ) : (
        <DoneStep
          onOpen={() => {
            void openSessions();
            props.onFinish();
          }}
          onSettings={props.onFinish}
        />
      )}
    </section>
  );
}
