/**
 * Keys Devin refused to generate analysis for. A 403 means the service user lacks
 * ManageAccountSessions, which asking again does not change; so the explanation is given at
 * once, with no request. Keys are known by their hash (`cacheIdentity`), never stored as such.
 */
import { analysisDenialsItem } from '../settings/items';

/** Enough for every key one admin tries; the oldest is forgotten first. */
const MAX_REMEMBERED = 20;

export async function readDenial(identity: string): Promise<string | null> {
  return (await analysisDenialsItem.getValue())[identity] ?? null;
}

export async function rememberDenial(identity: string, message: string): Promise<void> {
  const current = await analysisDenialsItem.getValue();
  const { [identity]: _replaced, ...others } = current;
  const kept = Object.entries(others).slice(-(MAX_REMEMBERED - 1));
  await analysisDenialsItem.setValue({ ...Object.fromEntries(kept), [identity]: message });
}

/** Forgets a refusal: the admin may have granted the permission since (see test-connection). */
export async function forgetDenial(identity: string): Promise<void> {
  const current = await analysisDenialsItem.getValue();
  if (!(identity in current)) return;
  const { [identity]: _dropped, ...others } = current;
  await analysisDenialsItem.setValue(others);
}
