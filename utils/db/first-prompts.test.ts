import { describe, expect, it } from 'vitest';
import { FIRST_PROMPTS_MAX_BYTES, readFirstPrompt, storeFirstPrompt } from './first-prompts';
import { DevinDatabase } from './schema';

describe('the first-message store', () => {
  it('stays within its bound: long messages are cut, the oldest entries go', async () => {
    const db = new DevinDatabase(`first-prompts-${Math.random()}`);
    const huge = 'é'.repeat(FIRST_PROMPTS_MAX_BYTES);
    const cut = await storeFirstPrompt(db, 's0', huge, 1);
    expect(cut.truncated).toBe(true);
    expect(cut.bytes).toBeLessThanOrEqual(FIRST_PROMPTS_MAX_BYTES / 4);
    expect(new TextEncoder().encode(cut.text ?? '').length).toBe(cut.bytes);

    for (let i = 1; i <= 6; i++) await storeFirstPrompt(db, `s${i}`, huge, 1 + i);
    const kept = await db.firstPrompts.toArray();
    const total = kept.reduce((sum, row) => sum + row.bytes, 0);
    expect(total).toBeLessThanOrEqual(FIRST_PROMPTS_MAX_BYTES);
    expect(kept.map((row) => row.session_id).sort()).toEqual(['s3', 's4', 's5', 's6']);
    expect(await readFirstPrompt(db, 's0')).toBeUndefined();
  });

  it('remembers that a session has no first message', async () => {
    const db = new DevinDatabase(`first-prompts-${Math.random()}`);
    await storeFirstPrompt(db, 'none', null);
    expect(await readFirstPrompt(db, 'none')).toMatchObject({ text: null, truncated: false });
  });
});
