// @vitest-environment happy-dom
/**
 * The session browser's controls in the browser's language: a filter's name inside a sentence
 * keeps the case its language writes it with, numbers are written the locale's way, and a
 * relative time sits where the language puts it in its sentence.
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { useFakeLocale } from '../../tests/fake-i18n';
import { t } from '../../utils/i18n';
import { MultiSelect } from './multi-select';
import { RelativeTime } from './parts';
import { impactWord, prStateWord } from './value-words';

const HOUR = 60 * 60 * 1000;
const NOW = Date.parse('2026-03-01T12:00:00.000Z');

function orgFilter(selected: string[]) {
  const options = Array.from({ length: 1500 }, (_, i) => ({ value: `o${i}`, label: `Org ${i}` }));
  render(
    <MultiSelect
      label={t('sessions.filters.organization')}
      options={options}
      selected={selected}
      onChange={() => {}}
      searchable
    />,
  );
}

afterEach(() => {
  cleanup();
  useFakeLocale('en', 'en-US');
});

describe('a filter menu', () => {
  it('says in English what is chosen, with the filter name lower-cased mid-sentence', () => {
    orgFilter(['o1', 'o2']);
    const button = screen.getByRole('button', { name: 'Organization filter, 2 chosen' });
    expect(button.textContent).toContain('Organization: Org 1 +1');
    fireEvent.click(button);
    expect(screen.getByRole('searchbox', { name: 'Find organization' })).toBeTruthy();
  });

  it('keeps the capital of a German noun and writes numbers the German way', () => {
    useFakeLocale('de', 'de-DE');
    orgFilter(['o1']);
    fireEvent.click(screen.getByRole('button', { name: 'Filter: Organisation, 1 ausgewählt' }));
    expect(screen.getByRole('searchbox', { name: 'Organisation suchen' })).toBeTruthy();
    expect(screen.getByText(/weitere: tippen, um die Liste einzugrenzen/).textContent).toMatch(
      /^1\.\d{3} weitere/,
    );
    expect(screen.getByRole('button', { name: 'Organisation zurücksetzen' })).toBeTruthy();
  });

  it('lower-cases the name in French, where nouns are not capitalised mid-sentence', () => {
    useFakeLocale('fr', 'fr-FR');
    orgFilter([]);
    fireEvent.click(screen.getByRole('button', { name: 'Filtre : Organisation' }));
    expect(screen.getByRole('searchbox', { name: 'Chercher : organisation' })).toBeTruthy();
  });
});

describe('the API’s values', () => {
  it('are words of the language when known, and still shown when the API adds one', () => {
    useFakeLocale('de', 'de-DE');
    expect(prStateWord('merged')).toBe('Gemergt');
    expect(prStateWord('CLOSED')).toBe('Geschlossen');
    expect(impactWord('high')).toBe('Hoch');
    expect(prStateWord('ready_for_review')).toBe('Ready for review');
  });
});

describe('a relative time in a sentence', () => {
  it('stays a time element of its own, with the words where each language puts them', () => {
    const { container, unmount } = render(
      <span>
        <RelativeTime
          at={NOW - 3 * HOUR}
          now={NOW}
          prefix={(exact) => t('sessions.row.createdAt', [exact])}
          sentence={(when) => t('sessions.row.created', [when])}
        />
      </span>,
    );
    expect(container.textContent).toBe('created 3h ago');
    expect(container.querySelector('time')?.textContent).toBe('3h ago');
    expect(container.querySelector('time')?.getAttribute('title')).toMatch(/^Created /);
    unmount();

    useFakeLocale('zh_CN', 'zh-CN');
    const zh = render(
      <span>
        <RelativeTime
          at={NOW - 3 * HOUR}
          now={NOW}
          sentence={(when) => t('sessions.row.created', [when])}
        />
      </span>,
    );
    const time = zh.container.querySelector('time');
    expect(zh.container.textContent).toBe(`创建于 ${time?.textContent}`);
    expect(time?.textContent).not.toContain('创建');
  });
});
