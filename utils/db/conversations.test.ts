import { describe, expect, it } from 'vitest';
import type { SessionMessage } from '../api';
import {
  CONVERSATIONS_MAX_BYTES,
  CONVERSATIONS_MAX_ENTRIES,
  readConversation,
  storeConversation,
} from './conversations';
import { DevinDatabase } from './schema';

const say = (message: string): SessionMessage => ({
  source: 'user',
  message,
  createdAt: '2026-01-01T00:00:00.000Z',
});

const stored = async (db: DevinDatabase) =>
  (await db.conversations.toArray()).map((entry) => entry.session_id).sort();

describe('the conversation store', () => {
  it('keeps the most recently used conversations up to its number of entries', async () => {
    const db = new DevinDatabase(`conversations-${Math.random()}`);
    for (let i = 0; i < CONVERSATIONS_MAX_ENTRIES; i++) {
      await storeConversation(
        db,
        `s${i}`,
        { updatedAt: 1, messages: [say(`${i}`)], cut: false },
        i,
      );
    }
    // Reading the oldest marks it as used: the next oldest goes in its place.
    expect((await readConversation(db, 's0', 100))?.messages).toEqual([say('0')]);
    await storeConversation(db, 'new', { updatedAt: 1, messages: [say('new')], cut: false }, 101);
    const kept = await stored(db);
    expect(kept).toHaveLength(CONVERSATIONS_MAX_ENTRIES);
    expect(kept).toContain('s0');
    expect(kept).toContain('new');
    expect(kept).not.toContain('s1');
    expect(await readConversation(db, 's1')).toBeUndefined();
    expect(await db.conversationMessages.count()).toBe(CONVERSATIONS_MAX_ENTRIES);
  });

  it('keeps its messages within its bound of bytes, dropping the least recently used', async () => {
    const db = new DevinDatabase(`conversations-${Math.random()}`);
    // Just over a quarter of the bound each (2 bytes a character, plus the source and time).
    const big = [say('é'.repeat(CONVERSATIONS_MAX_BYTES / 8))];
    for (let i = 0; i < 6; i++) {
      await storeConversation(db, `s${i}`, { updatedAt: 1, messages: big, cut: true }, i);
    }
    const entries = await db.conversations.toArray();
    expect(entries.reduce((sum, entry) => sum + entry.bytes, 0)).toBeLessThanOrEqual(
      CONVERSATIONS_MAX_BYTES,
    );
    expect(await stored(db)).toEqual(['s3', 's4', 's5']);
    expect(await readConversation(db, 's5')).toMatchObject({ entry: { cut: true, count: 1 } });
  });

  it('replaces a conversation fetched again', async () => {
    const db = new DevinDatabase(`conversations-${Math.random()}`);
    await storeConversation(db, 's', { updatedAt: 1, messages: [say('old')], cut: false });
    await storeConversation(db, 's', { updatedAt: 2, messages: [say('a'), say('b')], cut: false });
    expect(await readConversation(db, 's')).toMatchObject({
      entry: { updatedAt: 2, count: 2 },
      messages: [say('a'), say('b')],
    });
  });
});
