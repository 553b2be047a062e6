/**
 * Run-time schemas for what the Devin v2 API returns.
 *
 * Strict where a wrong value would corrupt the cache (the session id, the timestamps that drive
 * incremental sync, the organization), tolerant where the real API is known to vary
 * (`pr_url`/`pr_state` next to `url`/`state`, statuses added later, missing optional text).
 */
import * as v from 'valibot';
import {
  boundedList,
  boundedText,
  MAX_ANALYSIS_TEXT,
  MAX_MESSAGE,
  MAX_SHORT_TEXT,
  MAX_TITLE,
} from './bounds';
import { toEpochMs } from './time';

const Timestamp = v.pipe(
  v.string(),
  v.check((value) => Number.isFinite(toEpochMs(value)), 'is not a date-time'),
);

export const OptionalText = v.optional(v.nullable(boundedText(MAX_SHORT_TEXT)), null);
const ShortText = boundedText(MAX_SHORT_TEXT);
const AnalysisText = boundedText(MAX_ANALYSIS_TEXT);
const OptionalAnalysisText = v.optional(v.nullable(AnalysisText), null);

/** ACUs: a finite number, never negative (otherwise the record is bad, not the page). */
export const Acus = v.optional(
  v.nullable(v.pipe(v.number(), v.finite('is not a number'), v.minValue(0, 'is negative'))),
  0,
);

/** Both spellings of a pull request seen in the wild end up as `{ url, state }`. */
export const PullRequestSchema = v.pipe(
  v.looseObject({
    url: v.optional(ShortText),
    pr_url: v.optional(ShortText),
    state: OptionalText,
    pr_state: OptionalText,
  }),
  v.check((pr) => typeof (pr.url ?? pr.pr_url) === 'string', 'pull request has no url'),
  v.transform((pr) => ({
    url: (pr.url ?? pr.pr_url) as string,
    state: pr.state ?? pr.pr_state ?? null,
  })),
);

const IssueSchema = v.object({
  issue: AnalysisText,
  impact: ShortText,
  label: ShortText,
});

const ActionItemSchema = v.object({
  action_item: AnalysisText,
  issue_id: OptionalText,
  type: ShortText,
});

const TimelineEventSchema = v.object({
  title: AnalysisText,
  description: AnalysisText,
});

const FeedbackItemSchema = v.object({
  issue_id: OptionalText,
  summary: OptionalAnalysisText,
  excerpt: OptionalAnalysisText,
  details: OptionalAnalysisText,
});

const SuggestedPromptSchema = v.object({
  original_prompt: boundedText(MAX_MESSAGE),
  suggested_prompt: AnalysisText,
  feedback_items: v.optional(boundedList(FeedbackItemSchema), []),
});

export const SessionAnalysisSchema = v.object({
  issues: v.optional(boundedList(IssueSchema), []),
  action_items: v.optional(boundedList(ActionItemSchema), []),
  timeline: v.optional(boundedList(TimelineEventSchema), []),
  suggested_prompt: v.optional(v.nullable(SuggestedPromptSchema), null),
});

/** An identifier: cutting it would merge or split records, so one too long makes the record bad. */
export const Id = v.pipe(
  v.string(),
  v.nonEmpty('is empty'),
  v.maxLength(MAX_SHORT_TEXT, 'is too long'),
);

export const SessionSchema = v.object({
  session_id: Id,
  url: v.optional(ShortText, ''),
  // Any string: a status this version does not know must not drop the session.
  status: ShortText,
  tags: v.optional(v.nullable(boundedList(ShortText)), []),
  org_id: Id,
  created_at: Timestamp,
  updated_at: Timestamp,
  acus_consumed: Acus,
  pull_requests: v.optional(v.nullable(boundedList(PullRequestSchema)), []),
  session_analysis: v.optional(v.nullable(SessionAnalysisSchema), null),
  initial_user_message: v.optional(v.nullable(boundedText(MAX_MESSAGE)), null),
  title: v.optional(v.nullable(boundedText(MAX_TITLE)), null),
  user_id: OptionalText,
});

type ParsedSession = v.InferOutput<typeof SessionSchema>;

/** The analysis's classification of a session (v3 only). */
export interface SessionClassification {
  category: string | null;
  programming_languages: string[];
  tools_and_frameworks: string[];
}

/** What only v3 reports: absent from sessions synced over v2. */
interface SessionV3Fields {
  /** Finer than `status`: `waiting_for_user` is what an admin acts on. */
  status_detail?: string | null;
  session_size?: string | null;
  num_user_messages?: number | null;
  num_devin_messages?: number | null;
  is_archived?: boolean;
  playbook_id?: string | null;
  parent_session_id?: string | null;
  child_session_ids?: string[];
  classification?: SessionClassification | null;
}

/**
 * A session as the rest of the extension sees it, whichever API sent it: the v2 contract's
 * fields with nulls made explicit, plus what v3 adds.
 */
export interface Session
  extends Omit<ParsedSession, 'tags' | 'acus_consumed' | 'pull_requests'>,
    SessionV3Fields {
  tags: string[];
  acus_consumed: number;
  pull_requests: { url: string; state: string | null }[];
}
export type SessionAnalysis = v.InferOutput<typeof SessionAnalysisSchema>;
export type PullRequest = Session['pull_requests'][number];

export function toSession(parsed: ParsedSession): Session {
  return {
    ...parsed,
    url: parsed.url || `https://app.devin.ai/sessions/${parsed.session_id}`,
    tags: parsed.tags ?? [],
    acus_consumed: parsed.acus_consumed ?? 0,
    pull_requests: parsed.pull_requests ?? [],
  };
}

/** The v2 session schema, mapping each valid item into the one `Session` model. */
export const SessionV2Schema = v.pipe(SessionSchema, v.transform(toSession));

export { toEpochMs };

/** The envelope is strict: without it pagination cannot be trusted. Items are checked one by one. */
export const PageEnvelopeSchema = v.object({
  items: v.array(v.unknown()),
  total: v.number(),
  skip: v.number(),
  limit: v.number(),
  has_more: v.boolean(),
  next_cursor: v.optional(v.nullable(v.number()), null),
});

/** An ACU limit; absent, null or nonsense (negative, not finite) means none is set. */
export const AcuLimit = v.pipe(
  v.optional(v.nullable(v.unknown()), null),
  v.transform((value) =>
    typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : null,
  ),
);

export const OrganizationSchema = v.object({
  org_id: v.pipe(v.string(), v.nonEmpty()),
  org_name: v.optional(v.nullable(v.string()), null),
  /** ACUs the organization may use per billing cycle. */
  max_cycle_acu_limit: AcuLimit,
  /** ACUs one session may use. */
  max_session_acu_limit: AcuLimit,
});
/** Limits are optional: directories cached before they were kept lack them. */
export interface Organization {
  org_id: string;
  org_name: string | null;
  max_cycle_acu_limit?: number | null;
  max_session_acu_limit?: number | null;
}

export const MemberSchema = v.object({
  user_id: v.pipe(v.string(), v.nonEmpty()),
  name: v.optional(v.nullable(v.string()), null),
  email: v.optional(v.nullable(v.string()), null),
});
export type Member = v.InferOutput<typeof MemberSchema>;

/** FastAPI's 422 body. */
export const ValidationErrorBodySchema = v.object({
  detail: v.array(
    v.looseObject({
      loc: v.optional(v.array(v.union([v.string(), v.number()])), []),
      msg: v.string(),
      type: v.optional(v.string(), ''),
    }),
  ),
});

/** Explains why a value failed a schema in one short line: "created_at: is not a date-time". */
export function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string {
  return issues
    .slice(0, 3)
    .map((issue) => {
      const path = v.getDotPath(issue);
      return path ? `${path}: ${issue.message}` : issue.message;
    })
    .join('; ');
}
