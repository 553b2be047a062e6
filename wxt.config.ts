import { resolve } from 'node:path';
import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { entryIds, firstScreenGroups } from './scripts/build/first-screen-chunks';

/**
 * The entries the popup's first-screen chunks are told apart by; the pages besides the popup
 * and the full tab are named here (a new page that imports the popup's modules loads its
 * `first-screen` chunk until it is added).
 */
const FIRST_SCREEN_ENTRIES = entryIds(resolve(import.meta.dirname, 'entrypoints'), [
  'options',
  'insights',
]);

/**
 * Test and demo builds may talk to the local Devin API server on loopback without a
 * permission prompt; the store build never asks for loopback up front.
 */
const allowLoopback = process.env.DEVIN_EXT_LOOPBACK === '1';

export default defineConfig({
  // i18n: locales/<code>.yml become _locales/<code>/messages.json and typed keys for t()
  // (utils/i18n/index.ts).
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/i18n/module'],
  // The loopback build lives apart so it is never zipped for a store by mistake.
  outDir: allowLoopback ? '.output/loopback' : '.output',
  // Every file states what it depends on: no auto-imports.
  imports: false,
  vite: () => ({
    plugins: [preact()],
    // Read by utils/settings/build-flags.ts.
    define: { __DEVIN_LOOPBACK__: JSON.stringify(allowLoopback) },
    build: {
      rolldownOptions: {
        output: {
          codeSplitting: {
            groups: [
              // Dexie gets a chunk of its own: the popup loads it only after its first screen
              // is painted (see components/sessions/env.ts).
              { name: 'dexie', test: /[\\/]node_modules[\\/]dexie[\\/]/, priority: 10 },
              // What the popup loads at once, in a few chunks rather than one per combination
              // of pages that share modules (scripts/build/first-screen-chunks.ts).
              ...firstScreenGroups(FIRST_SCREEN_ENTRIES),
            ],
          },
        },
      },
    },
  }),
  manifest: ({ browser }) => ({
    // Texts from locales/<code>.yml, in the browser's language.
    name: '__MSG_manifest_name__',
    description: '__MSG_manifest_description__',
    default_locale: 'en',
    // No `tabs` ("Read your browsing history" at install): the context menu gets the page's
    // address from the click, and the opt-in PR-page badge asks for the PR hosts only when it
    // is turned on (utils/settings/badge-access.ts), within optional_host_permissions below.
    permissions: ['storage', 'unlimitedStorage', 'alarms', 'contextMenus'],
    // Asked for when the admin first has a kind of alert notify (utils/alerts/notification-access.ts).
    optional_permissions: ['notifications'],
    host_permissions: [
      'https://api.devin.ai/*',
      ...(allowLoopback ? ['http://127.0.0.1/*', 'http://localhost/*'] : []),
    ],
    optional_host_permissions: [
      'https://*/*',
      ...(allowLoopback ? ['http://127.0.0.1/*', 'http://localhost/*'] : []),
    ],
    // Chrome reads policy values against this schema. Firefox has no such key: its
    // storage.managed comes from the enterprise policy "3rdparty.Extensions.<add-on id>".
    ...(browser === 'firefox' ? {} : { storage: { managed_schema: 'managed-schema.json' } }),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'devin-sessions@devin-admin-tools.example',
              // 140 is the current ESR (Debian's firefox-esr) and the first desktop release
              // with data_collection_permissions; every API used here is older.
              strict_min_version: '140.0',
              // What leaves the browser: the admin's API key, in the Authorization header of
              // requests to the Devin API origin they configured (utils/api/http.ts), and the
              // organization and session ids those requests name. Nothing else is sent:
              // no analytics, no page addresses (the PR lookup reads the local cache), no
              // other server. A credential sent to a service is "authenticationInfo", so it
              // is declared as required data rather than "none".
              data_collection_permissions: { required: ['authenticationInfo'] },
            },
            // Firefox for Android knows data_collection_permissions from 142.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
