/**
 * `browser.i18n` for unit tests, answering from locales/<code>.yml exactly as the browser
 * answers from the _locales/<code>/messages.json the build writes: the same parser and
 * converter (@wxt-dev/i18n/build), then Chrome's getMessage rules (case-insensitive names,
 * $name$ placeholders, $1..$9 substitutions, $$ for a dollar sign, "" for an unknown name).
 * Plural choice and {named} substitutions happen in t() itself, as in the extension.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { generateChromeMessages, parseMessagesText } from '@wxt-dev/i18n/build';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { forgetUiLocale } from '../utils/format/locale';

type ChromeMessages = Record<
  string,
  { message: string; placeholders?: Record<string, { content: string }> }
>;

const LOCALES_DIR = resolve(import.meta.dirname, '../locales');

function loadMessages(code: string): Map<string, ChromeMessages[string]> {
  const text = readFileSync(resolve(LOCALES_DIR, `${code}.yml`), 'utf8');
  const messages = generateChromeMessages(parseMessagesText(text, 'YAML')) as ChromeMessages;
  return new Map(Object.entries(messages).map(([name, m]) => [name.toLowerCase(), m]));
}

function getMessage(
  messages: Map<string, ChromeMessages[string]>,
  name: string,
  substitutions?: string | string[],
): string {
  const entry = messages.get(name.toLowerCase());
  if (!entry) return '';
  const subs =
    substitutions == null ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
  let text = entry.message;
  for (const [placeholder, { content }] of Object.entries(entry.placeholders ?? {})) {
    text = text.replace(new RegExp(`\\$${placeholder}\\$`, 'gi'), content);
  }
  return text.replace(/\$(\$|[1-9])/g, (_, what: string) =>
    what === '$' ? '$' : (subs[Number(what) - 1] ?? ''),
  );
}

/**
 * Makes the fake browser speak `code` (a locales/ file name such as "de" or "pt_BR"), with
 * `uiLanguage` as what getUILanguage reports (the browser's own tag, e.g. "de-DE").
 */
export function useFakeLocale(code: string, uiLanguage = code.replace('_', '-')): void {
  const messages = loadMessages(code);
  fakeBrowser.i18n.getMessage = ((name: string, subs?: string | string[]) =>
    getMessage(messages, name, subs)) as typeof fakeBrowser.i18n.getMessage;
  fakeBrowser.i18n.getUILanguage = () => uiLanguage;
  // The formatters read the UI language once, as in the browser; read it again.
  forgetUiLocale();
}
