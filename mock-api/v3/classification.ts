// `analysis.classification` of a v3 session: a use-case category read from the session's title
// and tags, plus a confidence and the languages and tools involved, drawn from a seeded stream
// per session id so they never change between requests.

import { Rng } from '../random';
import type { SessionDetailResponse } from '../types';

export interface Classification {
  category: string;
  confidence: number;
  programming_languages: string[];
  tools_and_frameworks: string[];
}

/** Categories in the order they are tried; the first whose pattern matches wins. */
const CATEGORY_RULES: readonly (readonly [string, RegExp])[] = [
  ['bug_fix', /\b(fix|bug|crash|flaky|regression|incorrect|broken|bugfix)/i],
  ['testing', /\b(tests?|coverage|e2e|spec)\b/i],
  ['documentation', /\b(docs?|readme|documentation|changelog)\b/i],
  ['refactoring', /\b(refactor|clean ?up|rename|extract|simplify|tech-debt)/i],
  ['migration', /\b(migrat|upgrade|bump|backfill|dependabot|dependencies)/i],
  ['devops', /\b(ci|deploy|pipeline|docker|terraform|infra|helm)\b/i],
];

const LANGUAGES = ['TypeScript', 'Python', 'Go', 'Java', 'Ruby', 'Kotlin', 'Rust', 'SQL'];
const TOOLS = [
  'React',
  'Node.js',
  'Django',
  'FastAPI',
  'Spring Boot',
  'PostgreSQL',
  'Redis',
  'Docker',
  'Kubernetes',
  'Terraform',
  'GitHub Actions',
  'Jest',
  'pytest',
];

export function classificationOf(session: SessionDetailResponse): Classification {
  const rng = new Rng(`v3:classification:${session.session_id}`);
  const text = `${session.title ?? ''} ${session.tags.join(' ')}`;
  const rule = CATEGORY_RULES.find(([, pattern]) => pattern.test(text));
  return {
    category: rule ? rule[0] : 'feature_development',
    confidence: Math.round((0.55 + 0.43 * rng.next()) * 100) / 100,
    programming_languages: rng.sample(LANGUAGES, rng.int(1, 2)),
    tools_and_frameworks: rng.sample(TOOLS, rng.int(1, 3)),
  };
}
