// Task templates: a session's title and first user message, what it is about and which tags fit.
// Templates vary on purpose so the extension meets realistic texts.

import type { Rng } from '../random';
import { styleMessage } from './task-message';
import {
  BUGS,
  COMPONENTS,
  DEPENDENCIES,
  ENDPOINTS,
  METRICS,
  MIGRATIONS,
  SENTRY_ERRORS,
  TEST_NAMES,
} from './vocab-tasks';

export interface TaskContext {
  /** Display form of the repository, e.g. `acme/billing-service`. */
  repo: string;
}

export interface Task {
  title: string;
  message: string;
  /** What the task is about; reused by the analysis texts. */
  subject: string;
  /** Tags that fit the task (the generator adds a few random ones). */
  tags: string[];
}

type Template = (rng: Rng, ctx: TaskContext) => Task;

const TEMPLATES: readonly Template[] = [
  (rng, { repo }) => {
    const test = rng.pick(TEST_NAMES);
    return {
      title: `Fix flaky test ${test}`,
      subject: test,
      tags: ['tests', 'ci'],
      message: styleMessage(
        rng,
        `Fix the flaky test \`${test}\`; it fails about 1 in 10 runs on CI.`,
        [
          'Find the root cause (timing, ordering, shared state?)',
          'Do not just add retries or increase timeouts',
          'Run the test 50 times locally to confirm',
        ],
        repo,
      ),
    };
  },
  (rng, { repo }) => {
    const [from, to] = rng.pick(MIGRATIONS);
    const component = rng.pick(COMPONENTS);
    return {
      title: `Migrate ${component} from ${from} to ${to}`,
      subject: component,
      tags: ['migration', 'tech-debt'],
      message: styleMessage(
        rng,
        `Migrate the ${component} from ${from} to ${to}.`,
        [
          `Remove every import of ${from} in the touched files`,
          'Keep behaviour identical; no API changes',
          'Update the README section about the tooling',
        ],
        repo,
      ),
    };
  },
  (rng, { repo }) => {
    const endpoint = rng.pick(ENDPOINTS);
    return {
      title: `Add ${endpoint} endpoint`,
      subject: endpoint,
      tags: ['backend', 'api'],
      message: styleMessage(
        rng,
        `Add a new endpoint \`${endpoint}\` following the patterns of the existing handlers.`,
        [
          'Validate input and return 422 on bad parameters',
          'Add OpenAPI docs and unit tests',
          'Require the `reports:read` scope',
        ],
        repo,
      ),
    };
  },
  (rng, { repo }) => {
    const bug = rng.pick(BUGS);
    const component = rng.pick(COMPONENTS);
    return {
      title: `Fix ${bug} in ${component}`,
      subject: component,
      tags: ['bugfix'],
      message: styleMessage(
        rng,
        `Customers report ${bug} in the ${component}. Please investigate and fix it.`,
        [
          'Write a regression test first',
          'Explain the root cause in the PR description',
          'Check whether other callers have the same problem',
        ],
        repo,
      ),
    };
  },
  (rng, { repo }) => {
    const [dep, version] = rng.pick(DEPENDENCIES);
    return {
      title: `Upgrade ${dep} to ${version}`,
      subject: dep,
      tags: ['dependencies'],
      message: styleMessage(
        rng,
        `Upgrade ${dep} to ${version} and fix whatever breaks.`,
        [
          'Read the changelog for breaking changes',
          'Fix type errors and deprecation warnings',
          'Make sure the build and all tests pass',
        ],
        repo,
      ),
    };
  },
  (rng, { repo }) => {
    const component = rng.pick(COMPONENTS);
    const coverage = rng.int(6, 9) * 10;
    return {
      title: `Add unit tests for ${component}`,
      subject: component,
      tags: ['tests'],
      message: styleMessage(
        rng,
        `Raise test coverage of the ${component} to at least ${coverage}%.`,
        [
          'Cover the error paths, not only the happy path',
          'No snapshot tests',
          'Keep each test under 100ms',
        ],
        repo,
      ),
    };
  },
  (rng, { repo }) => {
    const error = rng.pick(SENTRY_ERRORS);
    const component = rng.pick(COMPONENTS);
    return {
      title: `Triage Sentry error in ${component}`,
      subject: component,
      tags: ['bugfix', 'customer-escalation'],
      message: styleMessage(
        rng,
        `This error started showing up in Sentry after the last deploy:\n\n    ${error}\n\nFind out why and propose a fix.`,
        [
          'Link the commit that introduced it',
          'Add a guard and a test',
          'Tell me if a data backfill is needed',
        ],
        repo,
      ),
    };
  },
  (rng, { repo }) => {
    const component = rng.pick(COMPONENTS);
    return {
      title: `Refactor ${component} into smaller modules`,
      subject: component,
      tags: ['tech-debt'],
      message: styleMessage(
        rng,
        `The ${component} file is over 1,500 lines. Split it into smaller modules with clear responsibilities.`,
        [
          'No behaviour change',
          'Keep the public exports stable',
          'Move tests next to the new modules',
        ],
        repo,
      ),
    };
  },
  (rng, { repo }) => {
    const metric = rng.pick(METRICS);
    const component = rng.pick(COMPONENTS);
    return {
      title: `Add ${metric} metrics to ${component}`,
      subject: component,
      tags: ['performance', 'infra'],
      message: styleMessage(
        rng,
        `Expose ${metric} for the ${component} as a Prometheus metric and add a Grafana panel.`,
        [
          'Use the existing metrics registry',
          'Label by region but not by user id (cardinality)',
          'Add an alert at the p99 threshold we agreed on',
        ],
        repo,
      ),
    };
  },
  (rng, { repo }) => {
    const endpoint = rng.pick(ENDPOINTS);
    return {
      title: `Implement cursor pagination for ${endpoint}`,
      subject: endpoint,
      tags: ['api', 'performance'],
      message: styleMessage(
        rng,
        `${endpoint} returns everything at once and times out for big accounts. Add cursor-based pagination.`,
        [
          'Default page size 100, max 500',
          'Keep the old behaviour behind a query flag for one release',
          'Update the SDK and docs',
        ],
        repo,
      ),
    };
  },
  (rng, { repo }) => {
    const component = rng.pick(COMPONENTS);
    return {
      title: `Update docs for ${component}`,
      subject: component,
      tags: ['docs'],
      message: styleMessage(
        rng,
        `The docs for the ${component} are out of date. Rewrite the setup section and add examples.`,
        ['Check every code sample actually runs', 'Add a troubleshooting section'],
        repo,
      ),
    };
  },
  (rng, { repo }) => {
    const count = rng.int(3, 27);
    return {
      title: `Resolve ${count} Dependabot alerts`,
      subject: 'dependency alerts',
      tags: ['security', 'dependencies'],
      message: styleMessage(
        rng,
        `There are ${count} open Dependabot alerts. Resolve the high and critical ones first.`,
        ['One PR per major upgrade', 'Note any alert that cannot be fixed and why'],
        repo,
      ),
    };
  },
  (rng, { repo }) => {
    const component = rng.pick(COMPONENTS);
    return {
      title: `Put the new ${component} behind a feature flag`,
      subject: component,
      tags: ['frontend'],
      message: styleMessage(
        rng,
        `Gate the new ${component} behind the \`${component.replace(/\W+/g, '_')}_v2\` flag, default off.`,
        ['Add the flag to LaunchDarkly', 'Test both branches', 'Add a cleanup ticket'],
        repo,
      ),
    };
  },
  (rng, { repo }) => {
    const component = rng.pick(COMPONENTS);
    return {
      title: `Fix accessibility issues on ${component}`,
      subject: component,
      tags: ['frontend'],
      message: styleMessage(
        rng,
        `axe reports contrast and missing-label violations on the ${component}. Fix them.`,
        ['Keyboard navigation must work end to end', 'Add aria labels where needed'],
        repo,
      ),
    };
  },
  (rng, { repo }) => {
    const component = rng.pick(COMPONENTS);
    return {
      title: `Set up CI job for ${component}`,
      subject: component,
      tags: ['ci', 'infra'],
      message: styleMessage(
        rng,
        `Add a CI job that builds and tests the ${component} on every pull request.`,
        ['Cache dependencies', 'Fail on lint errors', 'Upload the coverage report'],
        repo,
      ),
    };
  },
  (rng, { repo }) => {
    const table = rng.pick(['orders', 'invoices', 'users', 'subscriptions', 'events']);
    const column = rng.pick(['region', 'currency', 'external_id', 'deleted_at', 'plan_tier']);
    return {
      title: `Backfill ${column} on ${table}`,
      subject: `${table}.${column}`,
      tags: ['backend', 'migration'],
      message: styleMessage(
        rng,
        `Write a migration that adds \`${column}\` to \`${table}\` and backfills it in batches.`,
        [
          'Batches of 10k rows, resumable',
          'No table locks in production',
          'Dry-run mode that only reports counts',
        ],
        repo,
      ),
    };
  },
];

export function generateTask(rng: Rng, ctx: TaskContext): Task {
  return rng.pick(TEMPLATES)(rng, ctx);
}
