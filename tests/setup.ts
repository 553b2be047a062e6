// IndexedDB for Dexie in Node: an in-memory implementation per test file.
import 'fake-indexeddb/auto';
