/**
 * The kind of key picks the API: v3 service-user tokens start with `cog_`; personal
 * (`apk_user_`) and service (`apk_`) keys are v1/v2 keys. Anything else is tried on v2, whose
 * answer (401) then says the key was refused. Pure, so pages can say which API a key uses.
 */
import type { ApiVersion } from './client';

export function apiVersionOfKey(apiKey: string): ApiVersion {
  return apiKey.trim().startsWith('cog_') ? 'v3' : 'v2';
}
