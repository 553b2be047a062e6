import { describe, expect, it } from 'vitest';
import type { DevinClient } from '../../utils/api';
import { DevinApiError } from '../../utils/api';
import { testConnection } from '../../utils/connection/test-connection';
import { describeFailure, isKeyRefused } from './connection-report';

const CONTEXT = { orgIds: [] as string[], apiBaseUrl: 'http://127.0.0.1:9' };

/** A client whose calls fail the way the API would, to get real reports from testConnection. */
function failingClient(
  kind: ConstructorParameters<typeof DevinApiError>[0],
  on: 'list' | 'sessions',
): DevinClient {
  return {
    version: 'v2',
    listOrganizations: async () => {
      if (on === 'list') throw new DevinApiError(kind);
      return [{ org_id: 'org-a', org_name: 'A' }];
    },
    listSessionsPage: async () => {
      throw new DevinApiError(kind);
    },
    getDailyConsumption: async () => {
      throw new DevinApiError(kind);
    },
    listMembers: async () => [],
  };
}

async function failure(
  kind: ConstructorParameters<typeof DevinApiError>[0],
  on: 'list' | 'sessions' = 'list',
  orgIds: string[] = [],
) {
  const report = await testConnection(failingClient(kind, on), orgIds);
  if (report.ok) throw new Error('expected a failure');
  return report;
}

describe('describeFailure', () => {
  it('says a refused key is invalid, once, with what to do', async () => {
    const text = describeFailure(await failure('unauthorized'), CONTEXT);
    expect(text).toMatch(/^The API key is invalid/);
    expect(text).toContain('copied in full');
    expect(text).not.toContain('options page');
  });

  it('says a key without admin rights is not an enterprise admin key', async () => {
    const text = describeFailure(await failure('forbidden'), CONTEXT);
    expect(text).toMatch(/not an enterprise admin key/);
    expect(text).toMatch(/add their ids under Organizations/);
    const withIds = describeFailure(await failure('forbidden', 'sessions', ['org-a']), {
      ...CONTEXT,
      orgIds: ['org-a'],
    });
    expect(withIds).not.toMatch(/add their ids/);
  });

  it('says which permission a v3 service user lacks, in the words of the API', async () => {
    const problem = 'This service user lacks ViewAccountSessions at enterprise level';
    const client: DevinClient = {
      ...failingClient('forbidden', 'sessions'),
      version: 'v3',
      listSessionsPage: async () => {
        throw new DevinApiError('forbidden', { status: 403, problem });
      },
    };
    const report = await testConnection(client, []);
    if (report.ok) throw new Error('expected a failure');
    const text = describeFailure(report, CONTEXT);
    expect(text).toMatch(/^This service user lacks ViewAccountSessions at enterprise level\. /);
    expect(text).toContain('Give the service user that permission');
    expect(text).not.toContain('apk_user_');
  });

  it('names the organization that was not found', async () => {
    const report = await failure('not_found', 'sessions', ['org-gone']);
    expect(describeFailure(report, { ...CONTEXT, orgIds: ['org-gone'] })).toMatch(
      /^Organization org-gone was not found\. Check the id under Organizations/,
    );
  });

  it('blames the address, not an organization, for a "not found" when none was asked for', async () => {
    const text = describeFailure(await failure('not_found'), CONTEXT);
    expect(text).toMatch(/^http:\/\/127\.0\.0\.1:9 answered "not found"/);
    expect(text).toContain('Check that the API base URL');
    expect(text).not.toMatch(/organization was not found/i);
  });

  it('names the address that could not be reached', async () => {
    expect(describeFailure(await failure('network'), CONTEXT)).toBe(
      'The API could not be reached at http://127.0.0.1:9. Check the API base URL and your network connection.',
    );
  });

  it('asks to wait when rate limited', async () => {
    expect(describeFailure(await failure('rate_limited'), CONTEXT)).toMatch(/Wait a minute/);
  });

  it('falls back to the message of a kind it does not know', () => {
    expect(describeFailure({ ok: false, kind: 'unknown', message: 'Odd.' }, CONTEXT)).toBe('Odd.');
  });
});

describe('isKeyRefused', () => {
  it('is true for a refused or non-admin key only', async () => {
    expect(isKeyRefused(await failure('unauthorized'))).toBe(true);
    expect(isKeyRefused(await failure('forbidden'))).toBe(true);
    expect(isKeyRefused(await failure('network'))).toBe(false);
    expect(isKeyRefused(await failure('not_found', 'sessions', ['x']))).toBe(false);
  });
});
