// IndexedDB for Dexie in Node: an in-memory implementation per test file.
import 'fake-indexeddb/auto';

// Rendering waits (waitFor, findBy...) allow 5 s, not 1 s: on a busy two-core machine a
// render can take longer than a second, and a wait that times out there tells nothing.
import { configure } from '@testing-library/preact';

configure({ asyncUtilTimeout: 5_000 });

// browser.i18n answers in English from locales/en.yml, as the extension does in an English
// browser, so tests assert the text a user reads.
import { useFakeLocale } from './fake-i18n';

useFakeLocale('en', 'en-US');
