/** The client for a key: v3 for service-user tokens, v2 otherwise (key-kind.ts). */
import type { ClientOptions, DevinClient } from './client';
import { apiVersionOfKey } from './key-kind';
import { createV2Client } from './v2/client';
import { createV3Client } from './v3/client';

export function createClient(options: ClientOptions): DevinClient {
  return apiVersionOfKey(options.apiKey) === 'v3'
    ? createV3Client(options)
    : createV2Client(options);
}
