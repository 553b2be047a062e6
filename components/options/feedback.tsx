/**
 * The outcome of an action, next to the button that started it. Two live regions are always
 * in the page (so screen readers hear their changes): `status` for progress and success,
 * `alert` for errors.
 */
import type { ComponentChildren } from 'preact';
import { t } from '../../utils/i18n';
import './feedback.css';

type Tone = 'progress' | 'success' | 'info' | 'error';

export interface Notice {
  tone: Tone;
  text: ComponentChildren;
}

export function Feedback(props: { notice: Notice | null; id?: string }) {
  const { notice } = props;
  const isError = notice?.tone === 'error';
  return (
    <div class="feedback" id={props.id}>
      <div role="status" aria-live="polite">
        {notice && !isError ? (
          <p class={`notice notice-${notice.tone}`}>
            {notice.tone === 'progress' ? <span class="spinner" aria-hidden="true" /> : null}
            {notice.text}
          </p>
        ) : null}
      </div>
      <div role="alert">
        {notice && isError ? <p class="notice notice-error">{notice.text}</p> : null}
      </div>
    </div>
  );
}

/** The notice of an action that failed unexpectedly. */
export function errorNotice(error: unknown): Notice {
  return {
    tone: 'error',
    text: t('options.somethingWrong', [error instanceof Error ? error.message : String(error)]),
  };
}

/** A field's reason for refusing what was typed, tied to the input by `aria-describedby`. */
export function FieldError(props: { id: string; message: string | null }) {
  if (!props.message) return null;
  return (
    <p id={props.id} class="field-error" role="alert">
      {props.message}
    </p>
  );
}

export function LockedNote(props: { id?: string }) {
  return (
    <p class="locked-note" id={props.id}>
      <span aria-hidden="true">🔒 </span>
      {t('options.lockedByPolicy')}
    </p>
  );
}

export function UnsavedMark(props: { dirty: boolean }) {
  return props.dirty ? <span class="unsaved">{t('options.unsaved')}</span> : null;
}

/** Joins the ids of the help texts that apply, for `aria-describedby`. */
export function describedBy(...ids: (string | false | null | undefined)[]): string | undefined {
  const present = ids.filter((id): id is string => typeof id === 'string' && id !== '');
  return present.length > 0 ? present.join(' ') : undefined;
}
