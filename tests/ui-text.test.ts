/**
 * No hard-coded UI text: every word a user reads comes from `locales/*.yml` through `t()`, so
 * a sentence typed straight into JSX (or into an aria-label, title, placeholder…) would stay
 * English for readers of the six other languages. This parses every component and entrypoint
 * with the TypeScript compiler and names each offending file:line.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const SCANNED = ['components', 'entrypoints'];

/** Attributes a screen reader or a hover shows to the user. */
const TEXT_ATTRIBUTES = new Set([
  'aria-label',
  'title',
  'placeholder',
  'alt',
  'aria-description',
  'aria-roledescription',
]);

/** A letter in any script: digits, symbols and punctuation alone need no translation. */
const LETTER = /\p{L}/u;

/**
 * Texts that are the same in every language. Each entry names why; keep it short. Matched
 * against the trimmed text exactly, never by file.
 */
const ALLOWED: Record<string, string> = {
  D: 'the brand mark: the first letter of Devin, a logo rather than a word',
  PR: 'product term kept as is in every language, like Devin and ACU',
  CSV: 'a file format name, the same in every language',
  JSON: 'a file format name, the same in every language',
  Enter: 'a key cap in a shortcut hint, named as printed on the keyboard',
  Esc: 'a key cap in a shortcut hint, named as printed on the keyboard',
  'https://git.example.com': 'an example of the value to type: an address, not a word',
  'org-abc123, org-def456': 'an example of the value to type: organization ids, not words',
};

interface Finding {
  line: number;
  text: string;
}

/** Hard-coded user-visible text in one .tsx source: JSX text and text attributes. */
function findHardCodedText(source: string, fileName = 'file.tsx'): Finding[] {
  const file = ts.createSourceFile(
    fileName,
    source,
    ts.ScriptTarget.Latest,
    true,
    ts.ScriptKind.TSX,
  );
  const findings: Finding[] = [];
  const report = (node: ts.Node, raw: string) => {
    const text = raw.replace(/\s+/g, ' ').trim();
    if (!LETTER.test(text) || text in ALLOWED) return;
    const { line } = file.getLineAndCharacterOfPosition(node.getStart(file));
    findings.push({ line: line + 1, text });
  };
  const literalText = (expr: ts.Expression | undefined): string | undefined => {
    if (!expr) return undefined;
    if (ts.isStringLiteral(expr) || ts.isNoSubstitutionTemplateLiteral(expr)) return expr.text;
    if (ts.isTemplateExpression(expr))
      return [expr.head.text, ...expr.templateSpans.map((s) => s.literal.text)].join(' ');
    if (ts.isConditionalExpression(expr))
      return [literalText(expr.whenTrue), literalText(expr.whenFalse)].filter(Boolean).join(' ');
    if (ts.isParenthesizedExpression(expr)) return literalText(expr.expression);
    return undefined;
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) report(node, node.text);
    else if (ts.isJsxExpression(node) && node.parent && !ts.isJsxAttribute(node.parent)) {
      // {'Some text'} inside an element is JSX text too.
      const text = literalText(node.expression);
      if (text !== undefined) report(node, text);
    } else if (ts.isJsxAttribute(node)) {
      const name = node.name.getText(file);
      if (TEXT_ATTRIBUTES.has(name) && node.initializer) {
        const init = node.initializer;
        const text = ts.isStringLiteral(init)
          ? init.text
          : ts.isJsxExpression(init)
            ? literalText(init.expression)
            : undefined;
        if (text !== undefined) report(node, text);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return findings;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.tsx') && !/\.(test|e2e\.test)\.tsx$/.test(entry.name)
      ? [path]
      : [];
  });
}

describe('UI text', () => {
  it('comes from the locale files in every component and page', () => {
    const offenders = SCANNED.flatMap((dir) => sourceFiles(resolve(ROOT, dir))).flatMap((path) =>
      findHardCodedText(readFileSync(path, 'utf8'), path).map(
        (f) => `${relative(ROOT, path)}:${f.line} ${JSON.stringify(f.text)}`,
      ),
    );
    expect(offenders).toEqual([]);
  });

  it('catches a planted hard-coded string in text and in attributes', () => {
    const source = [
      "import { t } from '../../utils/i18n';",
      'export const A = () => (',
      '  <div aria-label="Close the panel" title={t(\'x.y\')}>',
      "    {t('x.z')} · 42",
      '    <span>Sessions</span>',
      '    <input placeholder={`Search…`} alt="—" />',
      "    {'Größe'}",
      '    <b>会话</b>',
      '  </div>',
      ');',
    ].join('\n');
    expect(findHardCodedText(source)).toEqual([
      { line: 3, text: 'Close the panel' },
      { line: 5, text: 'Sessions' },
      { line: 6, text: 'Search…' },
      { line: 7, text: 'Größe' },
      { line: 8, text: '会话' },
    ]);
  });
});
