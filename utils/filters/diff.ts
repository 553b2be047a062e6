/**
 * A small word-level diff (longest common subsequence) to mark what a suggested prompt changed
 * in the original. Words, punctuation and the whitespace between them are tokens; a common prefix and suffix
 * are cut first, so the usual case (text appended) costs almost nothing.
 */

type DiffKind = 'equal' | 'insert' | 'delete';

export interface DiffPart {
  kind: DiffKind;
  text: string;
}

/** Above this many table cells the middle is shown as replaced rather than compared. */
const MAX_CELLS = 1_500_000;

/** Words, runs of whitespace, and each punctuation mark on its own ("EUR," is two tokens). */
export function tokenize(text: string): string[] {
  return text.match(/\s+|[\p{L}\p{N}_]+|[^\s\p{L}\p{N}_]/gu) ?? [];
}

function isBlank(text: string): boolean {
  return text.trim() === '';
}

function push(parts: DiffPart[], kind: DiffKind, text: string): void {
  if (text === '') return;
  const previous = parts[parts.length - 1];
  if (previous && previous.kind === kind) previous.text += text;
  else parts.push({ kind, text });
}

function lcsParts(a: readonly string[], b: readonly string[]): DiffPart[] {
  const n = a.length;
  const m = b.length;
  const parts: DiffPart[] = [];
  if (n === 0 || m === 0 || n * m > MAX_CELLS) {
    push(parts, 'delete', a.join(''));
    push(parts, 'insert', b.join(''));
    return parts;
  }
  // lengths[i * (m + 1) + j] = LCS length of a[i..] and b[j..].
  const width = m + 1;
  const lengths = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[i * width + j] =
        a[i] === b[j]
          ? (lengths[(i + 1) * width + j + 1] ?? 0) + 1
          : Math.max(lengths[(i + 1) * width + j] ?? 0, lengths[i * width + j + 1] ?? 0);
    }
  }
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      push(parts, 'equal', a[i] ?? '');
      i++;
      j++;
    } else if ((lengths[(i + 1) * width + j] ?? 0) >= (lengths[i * width + j + 1] ?? 0)) {
      push(parts, 'delete', a[i] ?? '');
      i++;
    } else {
      push(parts, 'insert', b[j] ?? '');
      j++;
    }
  }
  push(parts, 'delete', a.slice(i).join(''));
  push(parts, 'insert', b.slice(j).join(''));
  return parts;
}

/**
 * Groups the changes between two unchanged stretches: all removed text first, then all added
 * text, with lone spaces between changes folded in. "a b" -> "x y" reads as one replacement,
 * not four.
 */
function group(parts: readonly DiffPart[]): DiffPart[] {
  const result: DiffPart[] = [];
  let removed = '';
  let added = '';
  const flush = () => {
    pushReplacement(result, removed, added);
    removed = '';
    added = '';
  };
  for (let index = 0; index < parts.length; index++) {
    const part = parts[index] as DiffPart;
    if (part.kind === 'delete') removed += part.text;
    else if (part.kind === 'insert') added += part.text;
    else {
      const inChange = removed !== '' || added !== '';
      const next = parts[index + 1];
      if (inChange && isBlank(part.text) && next && next.kind !== 'equal') {
        removed += part.text;
        added += part.text;
        continue;
      }
      flush();
      push(result, 'equal', part.text);
    }
  }
  flush();
  return result;
}

/**
 * The tokens both sides share at their ends: `a` and `b` are the same before `start`, and from
 * `endA` in `a` on as from `endB` in `b` on.
 */
function commonEnds(
  a: readonly string[],
  b: readonly string[],
): { start: number; endA: number; endB: number } {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  return { start, endA, endB };
}

/** Emits a replacement, keeping tokens both sides share at its ends as unchanged text. */
function pushReplacement(parts: DiffPart[], removed: string, added: string): void {
  const a = tokenize(removed);
  const b = tokenize(added);
  const { start, endA, endB } = commonEnds(a, b);
  push(parts, 'equal', a.slice(0, start).join(''));
  push(parts, 'delete', a.slice(start, endA).join(''));
  push(parts, 'insert', b.slice(start, endB).join(''));
  push(parts, 'equal', a.slice(endA).join(''));
}

/**
 * Moves a lone insertion or deletion right while it can slide over the same text, so
 * "USD{+. Run the tests+}." becomes "USD.{+ Run the tests.+}": changes end where sentences do.
 */
function slideRight(parts: DiffPart[]): DiffPart[] {
  for (let index = 1; index < parts.length - 1; index++) {
    const before = parts[index - 1] as DiffPart;
    const edit = parts[index] as DiffPart;
    const after = parts[index + 1] as DiffPart;
    if (before.kind !== 'equal' || after.kind !== 'equal' || edit.kind === 'equal') continue;
    let editTokens = tokenize(edit.text);
    let afterTokens = tokenize(after.text);
    let moved = '';
    while (editTokens.length > 0 && afterTokens.length > 0 && editTokens[0] === afterTokens[0]) {
      const token = editTokens[0] as string;
      moved += token;
      editTokens = [...editTokens.slice(1), token];
      afterTokens = afterTokens.slice(1);
    }
    if (moved === '') continue;
    before.text += moved;
    edit.text = editTokens.join('');
    after.text = afterTokens.join('');
  }
  return parts.filter((part) => part.text !== '');
}

export function diffWords(original: string, suggested: string): DiffPart[] {
  const a = tokenize(original);
  const b = tokenize(suggested);
  const { start, endA, endB } = commonEnds(a, b);
  const parts: DiffPart[] = [];
  push(parts, 'equal', a.slice(0, start).join(''));
  for (const part of lcsParts(a.slice(start, endA), b.slice(start, endB))) {
    push(parts, part.kind, part.text);
  }
  push(parts, 'equal', a.slice(endA).join(''));
  return slideRight(group(parts));
}

/** The parts one side shows: the original keeps deletions, the suggestion keeps insertions. */
export function diffSide(parts: readonly DiffPart[], side: 'original' | 'suggested'): DiffPart[] {
  const hidden: DiffKind = side === 'original' ? 'insert' : 'delete';
  return parts.filter((part) => part.kind !== hidden);
}

export function countChangedWords(parts: readonly DiffPart[]): { added: number; removed: number } {
  let added = 0;
  let removed = 0;
  for (const part of parts) {
    const words = tokenize(part.text).filter((token) => !isBlank(token)).length;
    if (part.kind === 'insert') added += words;
    else if (part.kind === 'delete') removed += words;
  }
  return { added, removed };
}
