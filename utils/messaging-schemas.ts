/**
 * The payload each message of utils/messaging.ts must have, checked by the guard before a
 * handler runs. Kept beside the protocol so a new message cannot be wired without one.
 */
import * as v from 'valibot';

/** Messages without data: chrome drops an undefined field, some senders pass null. */
export const noPayload = v.nullish(v.undefined());

export const testConnectionPayload = v.strictObject({
  apiBaseUrl: v.pipe(v.string(), v.maxLength(2048)),
  apiKey: v.pipe(v.string(), v.minLength(1), v.maxLength(4096)),
  orgIds: v.pipe(v.array(v.pipe(v.string(), v.maxLength(256))), v.maxLength(500)),
});

export const sessionPayload = v.strictObject({
  sessionId: v.pipe(v.string(), v.minLength(1), v.maxLength(256)),
});

export const conversationPayload = v.strictObject({
  ...sessionPayload.entries,
  mayFetch: v.boolean(),
});

export const testSavedConnectionPayload = v.strictObject({
  apiBaseUrl: v.pipe(v.string(), v.maxLength(2048)),
  orgIds: v.pipe(v.array(v.pipe(v.string(), v.maxLength(256))), v.maxLength(500)),
});

export const forgetKeyPayload = v.strictObject({ deleteData: v.boolean() });

export const alertActionPayload = v.strictObject({
  id: v.pipe(v.string(), v.minLength(1), v.maxLength(512)),
  action: v.picklist(['dismiss', 'snooze']),
});

export const stopSessionPayload = v.strictObject({
  sessionId: v.pipe(v.string(), v.minLength(1), v.maxLength(256)),
  archive: v.boolean(),
});
