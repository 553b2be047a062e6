/**
 * A saved key as the options page knows it: its last 4 characters only. The key itself is
 * never read back into a page; Replace opens an empty field for a new one, Forget removes it.
 */
import type { RefObject } from 'preact';

export function SavedKey(props: {
  ending: string;
  busy: boolean;
  onReplace: () => void;
  forgetOpen: boolean;
  forgetRef: RefObject<HTMLButtonElement>;
  onForget: () => void;
}) {
  return (
    <div class="field">
      <span class="label">API key</span>
      <div class="input-row">
        <p data-testid="saved-key" class="saved-key">
          Key saved, ending <span class="mono">…{props.ending}</span>
        </p>
        <button type="button" onClick={props.onReplace} disabled={props.busy}>
          Replace
        </button>
        {props.forgetOpen ? null : (
          <button
            type="button"
            class="danger"
            ref={props.forgetRef}
            disabled={props.busy}
            onClick={props.onForget}
          >
            Forget key…
          </button>
        )}
      </div>
      <p class="help">
        The key stays in this browser and is sent only to the API base URL below. This page never
        reads it back.
      </p>
    </div>
  );
}
