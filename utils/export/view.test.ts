import { describe, expect, it } from 'vitest';
import { makeRow } from '../../tests/fixtures/rows';
import { viewToCsv, viewToJson } from './view';

const names = {
  orgName: (id: string) => (id === 'org-a' ? 'Platform' : null),
  userName: (id: string) => (id === 'user-1' ? 'Ada Lovelace' : null),
};

const row = makeRow({
  session_id: 'devin-1',
  title: '=HYPERLINK("x")',
  status: 'exit',
  org_id: 'org-a',
  user_id: 'user-1',
  acus_consumed: 2.5,
  pull_requests: [{ url: 'https://github.com/acme/web/pull/3', state: 'MERGED' }],
  pr_keys: ['github.com/acme/web/pull/3'],
  analysis: { issue_count: 2, action_item_count: 1, has_suggested_prompt: false, labels: [] },
});

describe('the export of the sessions shown', () => {
  it('writes readable columns: names beside ids, the status word, PR states, repositories', () => {
    const [header, line, end] = viewToCsv([row], names).split('\r\n');
    expect(header).toBe(
      'session_id,title,status,organization,org_id,user,user_id,created_at,updated_at,acus,repositories,pull_requests,pr_states,issues,url',
    );
    expect(line).toContain(`"devin-1","'=HYPERLINK(""x"")","Finished","Platform","org-a"`);
    expect(line).toContain(',2.5,"acme/web","https://github.com/acme/web/pull/3","merged",2,');
    expect(end).toBe('');
  });

  it('keeps the list order, and the same records as JSON', () => {
    const other = makeRow({ session_id: 'devin-2', org_id: 'org-z', user_id: null });
    const records = JSON.parse(viewToJson([other, row], names));
    expect(records.map((r: { session_id: string }) => r.session_id)).toEqual([
      'devin-2',
      'devin-1',
    ]);
    expect(records[0]).toMatchObject({ organization: '', user: '', user_id: '' });
    expect(records[1]).toMatchObject({
      user: 'Ada Lovelace',
      repositories: ['acme/web'],
      issues: 2,
    });
  });
});
