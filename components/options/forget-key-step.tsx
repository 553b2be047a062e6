/**
 * The confirm step of Forget: says what will be deleted. Cached sessions, prompts and member
 * e-mails are personal data, so they go with the key unless the admin chooses to keep them,
 * and policy (forgetDataWithKey) can take that choice away.
 */
import { useState } from 'preact/hooks';
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
          {deleteData
            ? 'Remove the saved key and delete the cached sessions, prompts and member e-mails from this browser? Sync stops until a key is saved again.'
            : 'Remove the saved key from this browser? Cached sessions stay until you clear them. Sync stops until a key is saved again.'}
          {props.required ? (
            <span class="help">
              {' '}
              Your organization's policy deletes the cached data with the key.
            </span>
          ) : (
            <label class="keep-data">
              <input
                type="checkbox"
                checked={keepData}
                onChange={(event) => setKeepData(event.currentTarget.checked)}
              />{' '}
              Keep the cached data
            </label>
          )}
        </>
      }
      action={deleteData ? 'Forget key and delete cached data' : 'Forget key'}
      busy={props.busy}
      onConfirm={() => props.onConfirm(deleteData)}
    />
  );
}
