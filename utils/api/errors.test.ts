/** The sentence a person reads when a call to the Devin API fails, in the browser's language. */
import { afterEach, describe, expect, it } from 'vitest';
import { useFakeLocale } from '../../tests/fake-i18n';
import { type ApiErrorKind, DevinApiError } from './errors';

afterEach(() => useFakeLocale('en', 'en-US'));

const KINDS: ApiErrorKind[] = [
  'unauthorized',
  'forbidden',
  'not_found',
  'not_devin_api',
  'invalid_request',
  'rate_limited',
  'server',
  'network',
  'timeout',
  'malformed',
  'pagination',
  'cursor_expired',
];

describe('DevinApiError messages', () => {
  it('gives every kind a sentence in each of the seven languages', () => {
    for (const code of ['en', 'de', 'fr', 'es', 'ja', 'pt_BR', 'zh_CN']) {
      useFakeLocale(code);
      const texts = KINDS.map((kind) => new DevinApiError(kind).message);
      for (const text of texts) expect(text.length, `${code}`).toBeGreaterThan(20);
      // One sentence per kind, none falling back to another's.
      expect(new Set(texts).size, code).toBe(KINDS.length);
    }
  });

  it('writes the sentence in the browser’s language', () => {
    useFakeLocale('es');
    expect(new DevinApiError('rate_limited').message).toBe(
      'La API de Devin está limitando las solicitudes. La sincronización lo volverá a intentar en breve por sí sola.',
    );
  });

  it('puts the server’s own words first, then what to do, in the browser’s language', () => {
    useFakeLocale('pt_BR');
    const error = new DevinApiError('forbidden', { problem: 'Token lacks ViewAccountSessions' });
    expect(error.message).toBe(
      'Token lacks ViewAccountSessions. Conceda essa permissão à chave ou ao usuário de serviço nas configurações do Devin e teste a conexão novamente na página de opções.',
    );
  });

  it('lists the fields the API rejected, or leaves the brackets out when it named none', () => {
    const details = [{ loc: ['query', 'limit'], msg: 'too large' }];
    expect(new DevinApiError('invalid_request', { details }).message).toMatch(
      /^The API rejected the request \(query\.limit: too large\)\. Check the sync settings/,
    );
    expect(new DevinApiError('invalid_request').message).toMatch(
      /^The API rejected the request\. Check the sync settings/,
    );
  });
});
