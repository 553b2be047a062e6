/** Stored configuration for component tests. */
import { DEFAULT_SETTINGS } from '../../utils/settings/items';
import type { StoredConfig } from './stored-config';

export function storedConfig(overrides: Partial<StoredConfig> = {}): StoredConfig {
  return {
    settings: { ...DEFAULT_SETTINGS },
    apiKey: null,
    managed: {},
    ...overrides,
  };
}
