/** The original prompt beside the suggested one, with what changed marked on each side. */
import { useMemo } from 'preact/hooks';
import { countChangedWords, type DiffPart, diffSide, diffWords } from '../../utils/filters/diff';
import { plural } from '../shared/format';
import { CopyButton } from './parts';
import './prompt-diff.css';

function DiffText(props: { parts: DiffPart[] }) {
  return (
    <pre class="prompt-text">
      {props.parts.map((part, index) =>
        part.kind === 'insert' ? (
          <ins key={index}>{part.text}</ins>
        ) : part.kind === 'delete' ? (
          <del key={index}>{part.text}</del>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </pre>
  );
}

export function PromptDiff(props: { original: string; suggested: string }) {
  const parts = useMemo(
    () => diffWords(props.original, props.suggested),
    [props.original, props.suggested],
  );
  const changes = countChangedWords(parts);
  return (
    <div class="prompt-diff">
      <p class="diff-summary muted">
        <span class="diff-added">+{plural(changes.added, 'word')} added</span>
        {changes.removed > 0 ? (
          <>
            {' · '}
            <span class="diff-removed">−{plural(changes.removed, 'word')} removed</span>
          </>
        ) : null}
        {' · marked as '}
        <ins>added</ins>
        {changes.removed > 0 ? (
          <>
            {' and '}
            <del>removed</del>
          </>
        ) : null}
      </p>
      <div class="prompt-columns">
        <figure class="prompt-column">
          <figcaption>
            <span>Original prompt</span>
            <CopyButton text={props.original} label="Copy the original prompt" />
          </figcaption>
          <DiffText parts={diffSide(parts, 'original')} />
        </figure>
        <figure class="prompt-column suggested">
          <figcaption>
            <span>Suggested prompt</span>
            <CopyButton text={props.suggested} label="Copy the suggested prompt" />
          </figcaption>
          <DiffText parts={diffSide(parts, 'suggested')} />
        </figure>
      </div>
    </div>
  );
}
