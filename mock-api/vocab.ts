// Word lists the generators draw from. Kept apart from the generators so the texts can grow
// without touching the logic. Everything here is invented; names only have to look plausible.

export const FIRST_NAMES = [
  'Ada',
  'Alan',
  'Amara',
  'Ben',
  'Bianca',
  'Carlos',
  'Chen',
  'Dana',
  'Deepa',
  'Diego',
  'Elena',
  'Emeka',
  'Farah',
  'Felix',
  'Grace',
  'Hana',
  'Hugo',
  'Ines',
  'Ivan',
  'Jamal',
  'Jin',
  'Julia',
  'Kai',
  'Kavya',
  'Lars',
  'Leila',
  'Lucas',
  'Maya',
  'Mateo',
  'Mei',
  'Nadia',
  'Noah',
  'Olga',
  'Omar',
  'Priya',
  'Quinn',
  'Rafael',
  'Rin',
  'Sara',
  'Sofia',
  'Tariq',
  'Tomas',
  'Uma',
  'Victor',
  'Wen',
  'Yara',
  'Yusuf',
  'Zoe',
] as const;

export const LAST_NAMES = [
  'Abe',
  'Adeyemi',
  'Bauer',
  'Brennan',
  'Castillo',
  'Chowdhury',
  'Dubois',
  'Eriksen',
  'Fischer',
  'Garcia',
  'Haddad',
  'Hoffmann',
  'Ivanova',
  'Jensen',
  'Kim',
  'Kowalski',
  'Larsen',
  'Lopez',
  'Mensah',
  'Moreau',
  'Nakamura',
  'Novak',
  'Okafor',
  'Olsen',
  'Patel',
  'Petrov',
  'Quintero',
  'Rossi',
  'Sato',
  'Schmidt',
  'Silva',
  'Tanaka',
  'Torres',
  'Ueda',
  'Varga',
  'Wagner',
  'Wang',
  'Weber',
  'Yilmaz',
  'Zhang',
] as const;

/** Enterprise identity: one is chosen per dataset; it names the email domain and the git owners. */
export const COMPANIES = [
  { name: 'Acme', domain: 'acme.dev', slug: 'acme' },
  { name: 'Globex', domain: 'globex.io', slug: 'globex' },
  { name: 'Initech', domain: 'initech.com', slug: 'initech' },
  { name: 'Hooli', domain: 'hooli.xyz', slug: 'hooli' },
  { name: 'Umbrella Labs', domain: 'umbrella-labs.com', slug: 'umbrella-labs' },
  { name: 'Vandelay', domain: 'vandelay.co', slug: 'vandelay' },
] as const;

export const ORG_NAMES = [
  'Platform',
  'Payments',
  'Growth',
  'Mobile',
  'Data Engineering',
  'Developer Experience',
  'Security',
  'Infrastructure',
  'Search',
  'Billing',
  'Identity',
  'Marketplace',
  'ML Platform',
  'Customer Support Tools',
  'Internal Tools',
  'Analytics',
] as const;

export const REPO_NAMES = [
  'web-app',
  'api-gateway',
  'billing-service',
  'mobile-ios',
  'mobile-android',
  'data-pipeline',
  'infra-terraform',
  'design-system',
  'auth-service',
  'search-indexer',
  'notifications',
  'admin-portal',
  'ml-platform',
  'docs-site',
  'cli',
  'sdk-python',
  'sdk-typescript',
  'checkout',
  'ledger',
  'event-bus',
  'feature-flags',
  'reporting',
  'monorepo',
  'helm-charts',
] as const;

export const AZURE_PROJECTS = [
  'Core Platform',
  'Payments Team',
  'Mobile Apps',
  'Data Services',
  'Shared Services',
] as const;

export const GITLAB_SUBGROUPS = ['backend', 'frontend', 'platform', 'services', 'tools'] as const;

export const COMPONENTS = [
  'checkout flow',
  'user settings page',
  'OAuth callback handler',
  'invoice PDF export',
  'rate limiter middleware',
  'search autocomplete',
  'CSV importer',
  'webhook dispatcher',
  'session cache',
  'feature flag client',
  'audit log writer',
  'password reset flow',
  'billing reconciliation job',
  'notification preferences',
  'GraphQL resolvers',
  'S3 upload helper',
  'retry queue consumer',
  'admin user table',
  'onboarding wizard',
  'email templates',
  'metrics exporter',
  'permissions service',
  'order history API',
  'dashboard charts',
  'SSO login page',
  'Kafka consumer group',
  'image resizing worker',
  'pricing calculator',
] as const;

export const TEST_NAMES = [
  'test_refund_partial_amount',
  'UserProfile.spec.tsx',
  'checkout.e2e.ts',
  'TestOrderReconciliation',
  'billing_worker_test.go',
  'test_webhook_signature_rotation',
  'SearchBar.test.tsx',
  'test_export_large_csv',
  'AuthControllerIT',
  'rate_limiter_spec.rb',
  'test_concurrent_checkout',
  'NotificationService.test.ts',
  'test_timezone_rollover',
  'InvoiceRendererTest',
  'session_expiry.cy.ts',
] as const;

export const MIGRATIONS = [
  ['Jest', 'Vitest'],
  ['Moment.js', 'date-fns'],
  ['Python 3.9', 'Python 3.12'],
  ['React Router v5', 'React Router v6'],
  ['Webpack', 'Vite'],
  ['Enzyme', 'React Testing Library'],
  ['request', 'axios'],
  ['Flask', 'FastAPI'],
  ['Mocha', 'Vitest'],
  ['CircleCI', 'GitHub Actions'],
  ['Terraform 0.13', 'Terraform 1.6'],
  ['Java 11', 'Java 21'],
  ['class components', 'function components with hooks'],
  ['the hand-written REST client', 'the generated OpenAPI client'],
  ['Postgres 12', 'Postgres 16'],
  ['yarn', 'pnpm'],
  ['ESLint and Prettier', 'Biome'],
  ['Redux', 'Zustand'],
  ['SQLAlchemy 1.4', 'SQLAlchemy 2.0'],
  ['Angular 14', 'Angular 17'],
  ['Jenkins', 'GitLab CI'],
  ['log4j', 'Logback'],
] as const;

export const ENDPOINTS = [
  'GET /api/v1/invoices/{id}/pdf',
  'POST /api/v2/webhooks/test',
  'GET /api/v1/users/{id}/sessions',
  'DELETE /api/v1/api-keys/{key_id}',
  'PATCH /api/v2/orders/{id}',
  'GET /api/v2/reports/usage',
  'POST /api/v1/exports',
  'GET /internal/health/deep',
  'PUT /api/v1/teams/{id}/members',
  'GET /api/v2/audit-events',
] as const;

export const DEPENDENCIES = [
  ['lodash', '4.17.21'],
  ['next', '14.2'],
  ['django', '5.0'],
  ['spring-boot', '3.2'],
  ['typescript', '5.4'],
  ['rails', '7.1'],
  ['pydantic', '2.7'],
  ['react-native', '0.74'],
  ['openssl', '3.0'],
  ['grpc-go', '1.64'],
  ['express', '5.0'],
  ['numpy', '2.0'],
] as const;

export const BUGS = [
  'a race condition',
  'an off-by-one error in pagination',
  'a memory leak',
  'double-charged refunds',
  'wrong timezone handling',
  'a 500 on empty input',
  'stale cache entries',
  'a broken redirect after login',
  'missing translations',
  'an N+1 query',
  'a deadlock under load',
  'incorrect rounding of totals',
] as const;

export const SENTRY_ERRORS = [
  "TypeError: Cannot read properties of undefined (reading 'id')",
  'KeyError: customer_id',
  'NullPointerException in InvoiceMapper.toDto',
  'IntegrityError: duplicate key value violates unique constraint',
  'TimeoutError: upstream request timed out after 30000ms',
  'panic: runtime error: index out of range [3] with length 3',
  'ValueError: Invalid isoformat string',
] as const;

export const METRICS = [
  'p95 latency',
  'queue depth',
  'cache hit ratio',
  'error rate',
  'job duration',
  'DB connection pool usage',
] as const;

export const TAGS = [
  'frontend',
  'backend',
  'infra',
  'tests',
  'migration',
  'bugfix',
  'security',
  'docs',
  'dependencies',
  'ci',
  'performance',
  'tech-debt',
  'customer-escalation',
  'q3-okr',
  'slack',
  'linear',
  'jira',
  'api',
] as const;

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
