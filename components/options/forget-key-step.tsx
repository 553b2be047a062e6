/**
 * The confirm step of Forget: says what will be deleted. Cached sessions, prompts and member
 * e-mails are personal data, so they go with the key unless the admin chooses to keep them,
 * and policy (forgetDataWithKey) can take that choice away.
 */
import { useState } from 'preact/hooks';
import { t } from '../../utils/i18n';
import { ConfirmStep, type ConfirmStepState } from './confirm-step';

export function ForgetKeyStep(props: {
  step: ConfirmStepState;
  busy: boolean;
  /** Policy requires deleting the cached data with the key. */
  required: boolean;
  onConfirm: (deleteData: boolean) => void;
}) {
  const [keepData, setKeepData] = useState(false);
  const deleteData = props.required || !keepData;
  return (
    <ConfirmStep
      step={props.step}
      question={
        <>
          {deleteData ? t('options.forget.questionDelete') : t('options.forget.questionKeep')}
          {props.required ? (
            <span class="help"> {t('options.forget.policy')}</span>
          ) : (
            <label class="keep-data">
              <input
                type="checkbox"
                checked={keepData}
                onChange={(event) => setKeepData(event.currentTarget.checked)}
              />{' '}
              {t('options.forget.keepData')}
            </label>
          )}
        </>
      }
      action={deleteData ? t('options.forget.actionDelete') : t('options.forget.action')}
      busy={props.busy}
      onConfirm={() => props.onConfirm(deleteData)}
    />
  );
}
