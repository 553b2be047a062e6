// @vitest-environment happy-dom
/**
 * The options page in the browser's language: headings, a confirm step whose sentence carries a
 * number (with the plural of that language), and the outcome of the action.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { useFakeLocale } from '../../tests/fake-i18n';
import { putSessions } from '../../tests/fixtures/db';
import type { Session } from '../../utils/api';
import { db } from '../../utils/db/database';
import { clearCache } from '../../utils/db/writes';
import { sendMessage } from '../../utils/messaging';
import { OptionsApp } from './options-app';

vi.mock('../../utils/messaging', () => ({ sendMessage: vi.fn(), onMessage: vi.fn() }));

const send = vi.mocked(sendMessage) as unknown as ReturnType<typeof vi.fn>;

function session(id: string): Session {
  return {
    session_id: id,
    url: `https://app.devin.ai/sessions/${id}`,
    status: 'exit',
    tags: [],
    org_id: 'org-a',
    created_at: '2026-03-01T10:00:00.000Z',
    updated_at: '2026-03-01T11:00:00.000Z',
    acus_consumed: 1,
    pull_requests: [],
    session_analysis: null,
    initial_user_message: 'Do it',
    title: id,
    user_id: 'user-1',
  };
}

beforeEach(async () => {
  fakeBrowser.reset();
  send.mockReset();
  await clearCache(db);
  await db.meta.clear();
});

afterEach(() => {
  cleanup();
  useFakeLocale('en', 'en-US');
});

describe('OptionsApp in the browser language', () => {
  it('guides a new install in German', async () => {
    useFakeLocale('de', 'de-DE');
    render(<OptionsApp />);
    expect(await screen.findByRole('heading', { name: 'Erste Schritte' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Verbindung' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Jetzt synchronisieren' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Verbindung testen' })).toBeTruthy();
  });

  it('asks in French before clearing, with the count in the sentence, then says it is done', async () => {
    useFakeLocale('fr', 'fr-FR');
    await putSessions(db, [session('s1'), session('s2'), session('s3')]);
    send.mockResolvedValue(undefined);
    render(<OptionsApp />);
    const clear = await screen.findByRole('button', { name: 'Vider le cache…' });
    await waitFor(() => expect((clear as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(clear);
    expect(screen.getByText('Supprimer de ce navigateur les 3 sessions en cache ?')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Supprimer les sessions en cache' }));
    expect(await screen.findByText(/Le cache a été vidé/)).toBeTruthy();
    expect(send).toHaveBeenCalledWith('clearCache');
  });

  it('uses the singular of the language for one session', async () => {
    useFakeLocale('es', 'es-ES');
    await putSessions(db, [session('s1')]);
    render(<OptionsApp />);
    const resync = await screen.findByRole('button', { name: 'Resincronización completa…' });
    await waitFor(() => expect((resync as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(resync);
    expect(screen.getByText(/^¿Olvidar la sesión en caché y volver a descargarla\?/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Volver a descargar 1 sesión' })).toBeTruthy();
  });
});
