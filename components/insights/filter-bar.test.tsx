// @vitest-environment happy-dom
/**
 * The filter chips of Insights read as whole phrases in the browser's language: a list of tags
 * is joined with that language's "or", and a time window is one sentence, not an English
 * phrase with a translated word pasted in.
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useFakeLocale } from '../../tests/fake-i18n';
import { emptyFilters, type SessionFilters } from '../../utils/filters/model';
import { FilterBar } from './filter-bar';

const NOW = Date.UTC(2026, 2, 10, 12);
const names = { org: (id: string) => id, user: (id: string | null) => id ?? '' };

function renderBar(change: Partial<SessionFilters>, onChange = vi.fn()) {
  render(
    <FilterBar
      filters={{ ...emptyFilters(), ...change }}
      onChange={onChange}
      names={names}
      orgIds={[]}
      statuses={[]}
      now={NOW}
    />,
  );
  return onChange;
}

afterEach(() => {
  cleanup();
  useFakeLocale('en', 'en-US');
});

describe('FilterBar in the browser language', () => {
  it('joins several tags with "or" in English, and removes them with one click', () => {
    const onChange = renderBar({ tags: ['infra', 'web', 'ops'] });
    expect(screen.getByText('Tag infra, web, or ops')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Remove filter: Tag infra, web, or ops' }));
    expect(onChange).toHaveBeenCalledWith(expect.objectContaining({ tags: [] }));
  });

  it('speaks French: "ou", French labels and French punctuation', () => {
    useFakeLocale('fr', 'fr-FR');
    renderBar({ tags: ['infra', 'web'], hasPr: 'no' });
    expect(screen.getByText('Tag infra ou web')).toBeTruthy();
    expect(screen.getByText('Sans PR')).toBeTruthy();
    expect(
      screen.getByRole('button', { name: 'Retirer le filtre : Tag infra ou web' }),
    ).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Effacer les filtres' })).toBeTruthy();
  });

  it('says a German update window as one German sentence', () => {
    useFakeLocale('de', 'de-DE');
    renderBar({ updated: { preset: '7d', from: null, to: null } });
    expect(screen.getByText('In den letzten 7 Tagen aktualisiert')).toBeTruthy();
    expect(screen.getByRole('option', { name: 'Letzte 7 Tage' })).toBeTruthy();
  });

  it('names several chosen organizations with the plural of the language', () => {
    useFakeLocale('ja', 'ja-JP');
    renderBar({ orgIds: ['org-a', 'org-b'] });
    expect(screen.getByRole('option', { name: '2 件の組織' })).toBeTruthy();
    expect(screen.getByRole('option', { name: 'すべての組織' })).toBeTruthy();
  });
});
