// Word lists of a session_analysis: issue labels and sentences, action items, timeline steps
// and suggested-prompt additions. Kept apart from the generator so the texts can grow freely.

/** Fixed label vocabulary for session_analysis issues. */
export const ISSUE_LABELS = [
  'missing_context',
  'environment_setup',
  'flaky_tests',
  'unclear_requirements',
  'tool_failure',
  'scope_creep',
] as const;

export const IMPACTS = ['high', 'medium', 'low'] as const;

export const ACTION_ITEM_TYPES = [
  'prompt_improvement',
  'knowledge',
  'playbook',
  'environment',
] as const;

/** Issue sentences per label; `{x}` is replaced by the task's subject. */
export const ISSUE_TEXTS: Record<(typeof ISSUE_LABELS)[number], readonly string[]> = {
  missing_context: [
    'The prompt did not say which service owns {x}, so Devin explored three repositories first.',
    'No pointer to the existing helper for {x}; Devin reimplemented it and had to revert.',
    'The expected behaviour of {x} for legacy accounts was not described.',
  ],
  environment_setup: [
    'The dev container was missing the Postgres extension needed by {x}.',
    'Installing dependencies failed twice because the private registry token had expired.',
    'Devin could not start the local stack: docker compose needed more memory than available.',
  ],
  flaky_tests: [
    'The integration suite for {x} failed intermittently, unrelated to the change.',
    'A snapshot test depends on the current date and failed around midnight UTC.',
    'CI retried the e2e job three times before it went green.',
  ],
  unclear_requirements: [
    'It was unclear whether {x} should keep backwards compatibility with the v1 clients.',
    'Two acceptance criteria contradicted each other; Devin asked for clarification.',
    'The ticket linked a design that did not match the written request.',
  ],
  tool_failure: [
    'The browser tool timed out while loading the staging dashboard.',
    'Git push was rejected because of a branch protection rule on {x}.',
    'The language server crashed on the generated files and had to be restarted.',
  ],
  scope_creep: [
    'Follow-up requests expanded the task from {x} to a broader refactor.',
    'Devin also upgraded unrelated dependencies, which made the diff hard to review.',
    'The session continued with three unrelated questions after the PR was merged.',
  ],
};

export const ACTION_ITEM_TEXTS: Record<(typeof ACTION_ITEM_TYPES)[number], readonly string[]> = {
  prompt_improvement: [
    'Name the repository and entry point for {x} in the first message.',
    'State the acceptance criteria as a checklist.',
    'Mention which tests must pass before opening the PR.',
  ],
  knowledge: [
    'Add a Knowledge entry describing how {x} is deployed.',
    'Document the naming conventions for migrations in Knowledge.',
    'Record the staging credentials procedure in Knowledge.',
  ],
  playbook: [
    'Create a playbook for dependency upgrades that includes the changelog review.',
    'Turn this flaky-test investigation into a reusable playbook.',
    'Add a playbook step to run the linter before committing.',
  ],
  environment: [
    'Pre-install the Postgres extensions in the machine snapshot.',
    'Refresh the registry token used by the environment setup.',
    'Increase the memory available to docker compose in the snapshot.',
  ],
};

export const TIMELINE_STEPS = [
  ['Explored the codebase', 'Read the modules around {x} and the related tests.'],
  ['Set up the environment', 'Installed dependencies and started the local services.'],
  ['Reproduced the problem', 'Wrote a failing test that shows the issue in {x}.'],
  ['Implemented the change', 'Edited {x} and updated the affected call sites.'],
  ['Ran the test suite', 'Unit and integration tests passed locally.'],
  ['Opened a pull request', 'Pushed a branch and opened a PR with a summary of the change.'],
  ['Addressed review comments', 'Renamed a helper and added a regression test as requested.'],
  ['Waited for CI', 'CI finished after one retry of a flaky job.'],
  ['Asked for clarification', 'Asked the user which behaviour {x} should keep for old clients.'],
] as const;

export const SUGGESTED_PROMPT_ADDITIONS = [
  'Context: the code lives in {repo}; start from the {x} module.',
  'Done means: all existing tests pass, a new regression test covers the fix, and the PR description explains the root cause.',
  'Do not change public APIs; keep the diff focused on {x}.',
  'Use the existing test helpers in tests/helpers rather than writing new fixtures.',
] as const;
