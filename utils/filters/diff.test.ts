import { describe, expect, it } from 'vitest';
import { countChangedWords, type DiffPart, diffSide, diffWords, tokenize } from './diff';

function render(parts: DiffPart[]): string {
  return parts
    .map((part) =>
      part.kind === 'equal'
        ? part.text
        : part.kind === 'insert'
          ? `{+${part.text}+}`
          : `[-${part.text}-]`,
    )
    .join('');
}

function side(parts: DiffPart[], which: 'original' | 'suggested'): string {
  return diffSide(parts, which)
    .map((part) => part.text)
    .join('');
}

describe('diffWords', () => {
  it('finds nothing between equal texts', () => {
    expect(diffWords('same text here', 'same text here')).toEqual([
      { kind: 'equal', text: 'same text here' },
    ]);
    expect(diffWords('', '')).toEqual([]);
  });

  it('marks appended text as one insertion', () => {
    const parts = diffWords('Fix the bug.', 'Fix the bug.\n\nAdd a regression test.');
    expect(render(parts)).toBe('Fix the bug.{+\n\nAdd a regression test.+}');
  });

  it('marks a replaced word', () => {
    expect(render(diffWords('open a pull request', 'open a draft pull request'))).toBe(
      'open a {+draft +}pull request',
    );
    expect(render(diffWords('use npm to install', 'use pnpm to install'))).toBe(
      'use [-npm-]{+pnpm+} to install',
    );
  });

  it('groups neighbouring changes into one replacement', () => {
    expect(render(diffWords('please fix it now', 'please rewrite everything now'))).toBe(
      'please [-fix it-]{+rewrite everything+} now',
    );
  });

  it('handles insertions and deletions in the middle of longer text', () => {
    const original = 'Update the billing service so invoices render in EUR and USD.';
    const suggested =
      'In acme/billing, update the billing service so invoices render in EUR, GBP and USD. Run the tests.';
    const parts = diffWords(original, suggested);
    expect(side(parts, 'original')).toBe(original);
    expect(side(parts, 'suggested')).toBe(suggested);
    expect(render(parts)).toContain('EUR{+, GBP+} and USD.');
    expect(render(parts)).toContain('{+ Run the tests.+}');
  });

  it('rebuilds both texts exactly from its parts', () => {
    const pairs: [string, string][] = [
      ['', 'all new'],
      ['all gone', ''],
      ['a b c d e', 'e d c b a'],
      ['line one\nline two\n', 'line one\nline 2\nline three\n'],
      ['  leading and trailing  ', 'leading and trailing'],
    ];
    for (const [a, b] of pairs) {
      const parts = diffWords(a, b);
      expect(side(parts, 'original')).toBe(a);
      expect(side(parts, 'suggested')).toBe(b);
    }
  });

  it('copes with long prompts', () => {
    const words = Array.from({ length: 3000 }, (_, i) => `w${i}`);
    const original = words.join(' ');
    const suggested = words.map((w, i) => (i % 100 === 0 ? `${w}x` : w)).join(' ');
    const parts = diffWords(original, suggested);
    expect(side(parts, 'original')).toBe(original);
    expect(side(parts, 'suggested')).toBe(suggested);
  });

  it('counts changed words', () => {
    expect(countChangedWords(diffWords('a b c', 'a x y c'))).toEqual({ added: 2, removed: 1 });
  });
});

describe('tokenize', () => {
  it('keeps words, punctuation marks and the whitespace between them', () => {
    expect(tokenize('a  b\nc')).toEqual(['a', '  ', 'b', '\n', 'c']);
    expect(tokenize('EUR, café/x1')).toEqual(['EUR', ',', ' ', 'café', '/', 'x1']);
    expect(tokenize('')).toEqual([]);
  });
});
