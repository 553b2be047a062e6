/**
 * Every language has every message: a key missing in one locale would show English (or,
 * for a key missing in en.yml, nothing) to its readers, and a placeholder missing or renamed
 * would drop a number or a name from the sentence.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseMessagesFile } from '@wxt-dev/i18n/build';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const LOCALES_DIR = resolve(ROOT, 'locales');
const LANGUAGES = ['de', 'en', 'es', 'fr', 'ja', 'pt_BR', 'zh_CN'];

interface Entry {
  texts: string[];
  plural: boolean;
}

async function load(code: string): Promise<Map<string, Entry>> {
  const messages = await parseMessagesFile(resolve(LOCALES_DIR, `${code}.yml`));
  const entries = new Map<string, Entry>();
  for (const m of messages) {
    const key = m.key.join('.');
    if (key.startsWith('@@')) continue; // the browser's predefined messages, added by the parser
    const texts =
      m.type === 'plural'
        ? Object.values(m.plurals)
        : [m.type === 'chrome' ? m.message : m.message];
    entries.set(key, { texts, plural: m.type === 'plural' });
  }
  return entries;
}

/** $1..$9 and {name}, as the sorted set a message uses across all its plural forms. */
function placeholders(texts: string[]): string[] {
  const found = new Set<string>();
  for (const text of texts) {
    for (const [match] of text.matchAll(/(?<!\$)\$[1-9]|\{[A-Za-z0-9_]+\}/g)) found.add(match);
  }
  return [...found].sort();
}

describe('locale files', () => {
  it('are exactly the seven languages', () => {
    const files = readdirSync(LOCALES_DIR)
      .filter((f) => f.endsWith('.yml'))
      .map((f) => f.replace(/\.yml$/, ''))
      .sort();
    expect(files).toEqual(LANGUAGES);
  });

  it('has no text the browser refuses to load', async () => {
    // Chrome reads "$1$" as a named placeholder and refuses the whole extension when it is not
    // defined ("$1$2" in a message stops the extension from loading at all).
    const refused: string[] = [];
    for (const code of LANGUAGES) {
      for (const [key, entry] of await load(code)) {
        if (entry.texts.some((text) => /(?<!\$)\$[1-9]\$/.test(text)))
          refused.push(`${code}: ${key}`);
      }
    }
    expect(refused).toEqual([]);
  });

  it('has no empty message in English', async () => {
    const en = await load('en');
    expect(en.size).toBeGreaterThan(0);
    const empty = [...en].filter(([, e]) => e.texts.some((text) => text.trim() === ''));
    expect(empty.map(([key]) => key)).toEqual([]);
  });

  it('has no message the extension never shows', async () => {
    // A message nobody reads still costs every translator: each key must be named in the
    // source, as a quoted string, a manifest __MSG_ reference, or the prefix of a template.
    const files = execFileSync(
      'git',
      ['ls-files', 'components/*', 'utils/*', 'entrypoints/*', 'wxt.config.ts'],
      { cwd: ROOT, encoding: 'utf8' },
    )
      .split('\n')
      .filter((file) => file !== '' && !file.includes('.test.'));
    const source = files.map((file) => readFileSync(resolve(ROOT, file), 'utf8')).join('\n');
    const prefixes = [...source.matchAll(/`([A-Za-z0-9_.]+\.)\$\{/g)].map((m) => m[1] as string);
    const unused = [...(await load('en')).keys()].filter(
      (key) =>
        !source.includes(`'${key}'`) &&
        !source.includes(`__MSG_${key.replaceAll('.', '_')}__`) &&
        !prefixes.some((prefix) => key.startsWith(prefix)),
    );
    expect(unused).toEqual([]);
  });

  for (const code of LANGUAGES.filter((c) => c !== 'en')) {
    describe(code, () => {
      it('has every English key and no other', async () => {
        const [en, other] = await Promise.all([load('en'), load(code)]);
        const missing = [...en.keys()].filter((key) => !other.has(key));
        const extra = [...other.keys()].filter((key) => !en.has(key));
        expect({ missing, extra }).toEqual({ missing: [], extra: [] });
      });

      it('uses the same placeholders and plural-ness as English, with no empty text', async () => {
        const [en, other] = await Promise.all([load('en'), load(code)]);
        const differing: string[] = [];
        for (const [key, english] of en) {
          const translated = other.get(key);
          if (!translated) continue; // reported by the test above
          if (
            translated.plural !== english.plural ||
            placeholders(translated.texts).join() !== placeholders(english.texts).join() ||
            translated.texts.some((text) => text.trim() === '')
          ) {
            differing.push(key);
          }
        }
        expect(differing).toEqual([]);
      });
    });
  }
});
