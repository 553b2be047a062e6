// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/preact';
import type { ComponentChildren } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { makeEnv } from '../../tests/fixtures/session-browser';
import { DevinDatabase } from '../../utils/db/schema';
import { SessionsEnvContext } from './env';
import { DIFF_MAX_CHARS, PromptDiff } from './prompt-diff';

afterEach(cleanup);

const env = makeEnv(new DevinDatabase(`prompt-diff-${Math.random()}`));
const withEnv = (children: ComponentChildren) => (
  <SessionsEnvContext.Provider value={env}>{children}</SessionsEnvContext.Provider>
);

describe('PromptDiff', () => {
  it('marks what the suggestion changed', () => {
    const { container } = render(
      withEnv(<PromptDiff original="Fix the login bug" suggested="Fix the login bug in auth.ts" />),
    );
    expect(container.querySelector('.prompt-text ins')?.textContent).toContain('auth');
  });

  it('shows long prompts as they are, without a word diff, and only their beginning', () => {
    const original = 'word '.repeat(200_000);
    const { container } = render(
      withEnv(<PromptDiff original={original} suggested="Say which file." />),
    );
    expect(original.length).toBeGreaterThan(DIFF_MAX_CHARS);
    expect(container.textContent).toContain('too long to compare word by word');
    expect(container.querySelectorAll('.prompt-text ins, .prompt-text del')).toHaveLength(0);
    expect((container.textContent ?? '').length).toBeLessThan(20_000);
  });
});
