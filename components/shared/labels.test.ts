import { describe, expect, it } from 'vitest';
import { statusWord } from '../../utils/status-words';
import { shortPrLabel } from './labels';

describe('labels', () => {
  it('labels PRs and statuses', () => {
    expect(shortPrLabel('https://github.com/acme/web/pull/42/files')).toBe('acme/web #42');
    expect(shortPrLabel('https://gitlab.com/g/sub/proj/-/merge_requests/7')).toBe('sub/proj #7');
    expect(shortPrLabel('https://dev.azure.com/o/p/_git/repo/pullrequest/9')).toBe('p/repo #9');
    expect(shortPrLabel('not a url')).toBe('not a url');
    expect(statusWord('exit')).toBe('Finished');
    expect(statusWord('blocked_on_user')).toBe('Blocked on user');
  });
});
