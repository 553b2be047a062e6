/**
 * The first run: a fresh install opens the options page in welcome mode, so a new admin lands
 * on the guided set-up instead of having to find the extension's settings. An update never
 * does (the admin has seen it), nor an install that already has a key (restored by the
 * browser's own profile sync, or written by IT before the first start).
 */

/** The options page's hash that starts the guided set-up. */
export const WELCOME_HASH = '#welcome';

export interface FirstRunDeps {
  /** Whether a key is saved already. */
  hasKey: () => Promise<boolean>;
  /** Opens the options page at WELCOME_HASH in a new tab. */
  openWelcome: () => Promise<unknown>;
}

/** `reason` is `runtime.onInstalled`'s: only "install" is a first run. */
export async function openWelcomeOnInstall(reason: string, deps: FirstRunDeps): Promise<boolean> {
  if (reason !== 'install') return false;
  if (await deps.hasKey()) return false;
  await deps.openWelcome();
  return true;
}

/** Whether the options page was opened for the guided set-up. */
export function isWelcomeHash(hash: string): boolean {
  return hash === WELCOME_HASH;
}
