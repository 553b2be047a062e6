/**
 * The second step of a destructive action: the question, the action itself, and Cancel. Focus
 * moves to Cancel when the step opens and back to the button that opened it when it is
 * cancelled, so a keyboard user stays where they were.
 */
import type { ComponentChildren, RefObject } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../utils/i18n';
import './confirm-step.css';

export interface ConfirmStepState {
  open: boolean;
  /** The button that opens the step. */
  openerRef: RefObject<HTMLButtonElement>;
  cancelRef: RefObject<HTMLButtonElement>;
  show: () => void;
  /** Closes the step; focus goes back to the opener, or where `focus` puts it. */
  close: (focus?: () => void) => void;
}

export function useConfirmStep(): ConfirmStepState {
  const [open, setOpen] = useState(false);
  const openerRef = useRef<HTMLButtonElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  // Where focus goes once the step opens or closes (the element it names exists then).
  const focusNext = useRef<(() => void) | null>(null);

  useEffect(() => {
    const focus = focusNext.current;
    focusNext.current = null;
    focus?.();
  });

  return {
    open,
    openerRef,
    cancelRef,
    show: () => {
      focusNext.current = () => cancelRef.current?.focus();
      setOpen(true);
    },
    close: (focus) => {
      focusNext.current = focus ?? (() => openerRef.current?.focus());
      setOpen(false);
    },
  };
}

export function ConfirmStep(props: {
  step: ConfirmStepState;
  question: ComponentChildren;
  action: string;
  busy: boolean;
  onConfirm: () => void;
}) {
  const { step } = props;
  if (!step.open) return null;
  return (
    <fieldset class="confirm">
      <legend>{props.question}</legend>
      <div class="actions">
        <button type="button" class="danger-solid" onClick={props.onConfirm} disabled={props.busy}>
          {props.action}
        </button>
        <button type="button" ref={step.cancelRef} onClick={() => step.close()}>
          {t('options.cancel')}
        </button>
      </div>
    </fieldset>
  );
}
