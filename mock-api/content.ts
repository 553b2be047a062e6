// Text generators for sessions: a task (title + first user message) and its session_analysis.
// Templates vary on purpose (one-liners, multi-line briefs, Slack-style asks) so that search,
// truncation and wrapping in the extension meet realistic input.

import type { Rng } from './random';
import type {
  SessionAnalysisActionItem,
  SessionAnalysisData,
  SessionAnalysisFeedbackItem,
  SessionAnalysisIssue,
  SessionAnalysisTimelineEvent,
} from './types';
import {
  ACTION_ITEM_TEXTS,
  ACTION_ITEM_TYPES,
  BUGS,
  COMPONENTS,
  DEPENDENCIES,
  ENDPOINTS,
  IMPACTS,
  ISSUE_LABELS,
  ISSUE_TEXTS,
  METRICS,
  MIGRATIONS,
  SENTRY_ERRORS,
  SUGGESTED_PROMPT_ADDITIONS,
  TEST_NAMES,
  TIMELINE_STEPS,
} from './vocab';

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

/** Wraps the core ask in one of several message styles people actually send. */
function styleMessage(rng: Rng, ask: string, details: readonly string[], repo: string): string {
  const style = rng.int(0, 4);
  if (style === 0) return ask;
  if (style === 1) return `@Devin ${ask.charAt(0).toLowerCase()}${ask.slice(1)} (repo: ${repo})`;
  if (style === 2) {
    const steps = details.map((d, i) => `${i + 1}. ${d}`).join('\n');
    return `${ask}\n\nRepository: ${repo}\n\nSteps:\n${steps}\n\nOpen a PR when done and link it here.`;
  }
  if (style === 3) {
    const bullets = details.map((d) => `- ${d}`).join('\n');
    return `Hi Devin! ${ask}\n\nAcceptance criteria:\n${bullets}`;
  }
  return `In ${repo}: ${ask} ${details[0] ?? ''}`.trim();
}

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

function fill(text: string, subject: string, repo: string): string {
  return text.replaceAll('{x}', subject).replaceAll('{repo}', repo);
}

/** A session_analysis consistent with the task: issue indices referenced by action items exist. */
export function generateAnalysis(
  rng: Rng,
  task: Task,
  repo: string,
  originalPrompt: string | null,
): SessionAnalysisData {
  const issues: SessionAnalysisIssue[] = [];
  const issueCount = rng.weighted([0, 1, 2, 3, 4], [20, 35, 25, 13, 7]);
  for (let i = 0; i < issueCount; i++) {
    const label = rng.pick(ISSUE_LABELS);
    issues.push({
      issue: fill(rng.pick(ISSUE_TEXTS[label]), task.subject, repo),
      impact: rng.weighted(IMPACTS, [20, 50, 30]),
      label,
    });
  }

  const actionItems: SessionAnalysisActionItem[] = [];
  const actionCount = rng.weighted([0, 1, 2, 3, 4], [25, 30, 25, 12, 8]);
  for (let i = 0; i < actionCount; i++) {
    const type = rng.pick(ACTION_ITEM_TYPES);
    const linked = issues.length > 0 && rng.chance(0.7);
    actionItems.push({
      action_item: fill(rng.pick(ACTION_ITEM_TEXTS[type]), task.subject, repo),
      issue_id: linked ? String(rng.int(0, issues.length - 1)) : null,
      type,
    });
  }

  const timeline: SessionAnalysisTimelineEvent[] = [];
  const steps = rng.sample(TIMELINE_STEPS, rng.int(2, 6));
  for (const [title, description] of steps) {
    timeline.push({ title, description: fill(description, task.subject, repo) });
  }

  let suggestedPrompt: SessionAnalysisData['suggested_prompt'] = null;
  if (originalPrompt !== null && rng.chance(0.55)) {
    const additions = rng
      .sample(SUGGESTED_PROMPT_ADDITIONS, rng.int(1, 3))
      .map((a) => fill(a, task.subject, repo));
    const feedback: SessionAnalysisFeedbackItem[] = [];
    const feedbackCount = rng.int(1, 3);
    for (let i = 0; i < feedbackCount; i++) {
      const issueIndex = issues.length > 0 && rng.chance(0.75) ? rng.int(0, issues.length - 1) : -1;
      const issue = issueIndex >= 0 ? issues[issueIndex] : undefined;
      feedback.push({
        issue_id: issueIndex >= 0 ? String(issueIndex) : null,
        summary: issue ? `Address: ${issue.label.replaceAll('_', ' ')}` : 'Be more specific',
        excerpt: rng.chance(0.85) ? originalPrompt.slice(0, rng.int(30, 90)) : null,
        details: rng.chance(0.8) ? (issue?.issue ?? additions[0] ?? null) : null,
      });
    }
    suggestedPrompt = {
      original_prompt: originalPrompt,
      suggested_prompt: `${originalPrompt}\n\n${additions.join('\n')}`,
      feedback_items: feedback,
    };
  }

  return { issues, action_items: actionItems, timeline, suggested_prompt: suggestedPrompt };
}
