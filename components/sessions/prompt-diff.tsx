/** The original prompt beside the suggested one, with what changed marked on each side. */
import { useMemo } from 'preact/hooks';
import { PROMPT_DIFF_MAX_CHARS } from '../../utils/db/long-texts';
import { countChangedWords, type DiffPart, diffSide, diffWords } from '../../utils/filters/diff';
import { formatCount } from '../../utils/format';
import { t } from '../../utils/i18n';
import { LongText } from './long-text';
import { CopyButton } from './parts';
import { useWholeText, type WholeText } from './whole-texts';
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

/**
 * Above this many characters (both prompts together) no word diff is made: marking a diff of a
 * long text costs seconds of layout, and a prompt that long is read, not compared word by word.
 * (A stored session keeps such prompts cut: only whole prompts are ever compared.)
 */
export const DIFF_MAX_CHARS = PROMPT_DIFF_MAX_CHARS;

const PROMPT = 'session_analysis.suggested_prompt';

export function PromptDiff(props: { original: string; suggested: string }) {
  const original = useWholeText(`${PROMPT}.original_prompt`, props.original);
  const suggested = useWholeText(`${PROMPT}.suggested_prompt`, props.suggested);
  if (original.length + suggested.length > DIFF_MAX_CHARS) {
    return <PromptsSideBySide {...props} wholeOriginal={original} wholeSuggested={suggested} />;
  }
  return <WordDiff original={props.original} suggested={props.suggested} />;
}

/** Long prompts: each shown as it is, its beginning until "Show all". */
function PromptsSideBySide(props: {
  original: string;
  suggested: string;
  wholeOriginal: WholeText;
  wholeSuggested: WholeText;
}) {
  return (
    <div class="prompt-diff">
      <p class="diff-summary muted">{t('sessions.promptDiff.tooLong')}</p>
      <div class="prompt-columns">
        <figure class="prompt-column">
          <figcaption>
            <span>{t('sessions.promptDiff.original')}</span>
            <CopyButton
              text={props.wholeOriginal.whole}
              label={t('sessions.promptDiff.copyOriginal')}
            />
          </figcaption>
          <LongText
            text={props.original}
            path={`${PROMPT}.original_prompt`}
            as="pre"
            class="prompt-text"
          />
        </figure>
        <figure class="prompt-column suggested">
          <figcaption>
            <span>{t('sessions.promptDiff.suggested')}</span>
            <CopyButton
              text={props.wholeSuggested.whole}
              label={t('sessions.promptDiff.copySuggested')}
            />
          </figcaption>
          <LongText
            text={props.suggested}
            path={`${PROMPT}.suggested_prompt`}
            as="pre"
            class="prompt-text"
          />
        </figure>
      </div>
    </div>
  );
}

function WordDiff(props: { original: string; suggested: string }) {
  const parts = useMemo(
    () => diffWords(props.original, props.suggested),
    [props.original, props.suggested],
  );
  const changes = countChangedWords(parts);
  return (
    <div class="prompt-diff">
      <p class="diff-summary muted">
        <span class="diff-added">
          {t('sessions.promptDiff.wordsAdded', changes.added, [formatCount(changes.added)])}
        </span>
        {changes.removed > 0 ? (
          <>
            {' · '}
            <span class="diff-removed">
              {t('sessions.promptDiff.wordsRemoved', changes.removed, [
                formatCount(changes.removed),
              ])}
            </span>
          </>
        ) : null}
        {t('sessions.promptDiff.markedAs')}
        <ins>{t('sessions.promptDiff.added')}</ins>
        {changes.removed > 0 ? (
          <>
            {t('sessions.promptDiff.and')}
            <del>{t('sessions.promptDiff.removed')}</del>
          </>
        ) : null}
      </p>
      <div class="prompt-columns">
        <figure class="prompt-column">
          <figcaption>
            <span>{t('sessions.promptDiff.original')}</span>
            <CopyButton text={props.original} label={t('sessions.promptDiff.copyOriginal')} />
          </figcaption>
          <DiffText parts={diffSide(parts, 'original')} />
        </figure>
        <figure class="prompt-column suggested">
          <figcaption>
            <span>{t('sessions.promptDiff.suggested')}</span>
            <CopyButton text={props.suggested} label={t('sessions.promptDiff.copySuggested')} />
          </figcaption>
          <DiffText parts={diffSide(parts, 'suggested')} />
        </figure>
      </div>
    </div>
  );
}
