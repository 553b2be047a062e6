// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { useFakeLocale } from '../../tests/fake-i18n';
import { t } from './index';
import { localizePage } from './page';

afterEach(() => useFakeLocale('en', 'en-US'));

describe('t', () => {
  it('gives English text in an English browser', () => {
    expect(t('alerts.heading')).toBe('Alerts');
  });

  it('chooses the plural form by the count and puts the formatted count in', () => {
    expect(t('common.sessionCount', 1, ['1'])).toBe('1 session');
    expect(t('common.sessionCount', 1234, ['1,234'])).toBe('1,234 sessions');
  });

  it('follows the browser language, with that language’s plural rules', () => {
    useFakeLocale('de');
    expect(t('alerts.heading')).toBe('Warnungen');
    expect(t('common.sessionCount', 1234, ['1.234'])).toBe('1.234 Sessions');
    useFakeLocale('fr');
    expect(t('common.sessionCount', 0, ['0'])).toBe('0 session');
    useFakeLocale('ja');
    expect(t('common.sessionCount', 3, ['3'])).toBe('3 件のセッション');
  });
});

describe('localizePage', () => {
  it('names the page and sets its language to the language of its text', () => {
    useFakeLocale('pt_BR');
    localizePage('options.pageTitle');
    expect(document.title).toBe('Devin Sessions para administradores · Configurações');
    expect(document.documentElement.lang).toBe('pt-BR');
  });
});
