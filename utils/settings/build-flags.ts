/**
 * What the build allows. Test and demo builds (`npm run build:test`, DEVIN_EXT_LOOPBACK=1)
 * talk to the local Devin API server over plain http on loopback; the store build refuses
 * every `http:` address, so a key can never travel unencrypted, even to this machine.
 */
declare const __DEVIN_LOOPBACK__: boolean | undefined;

export const LOOPBACK_ALLOWED: boolean =
  typeof __DEVIN_LOOPBACK__ === 'boolean' ? __DEVIN_LOOPBACK__ : false;
