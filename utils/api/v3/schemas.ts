/**
 * Run-time schemas for what the Devin v3 API returns, each mapping into the model the v2 path
 * stores: Unix-second timestamps become the same ISO instants, `pr_url`/`pr_state` become
 * `{url, state}`, `analysis` becomes `session_analysis`, and the first prompt comes from the
 * analysis's suggested prompt (v3 sends no `initial_user_message`).
 */
import * as v from 'valibot';
import { boundedList, boundedText, MAX_MESSAGE, MAX_SHORT_TEXT, MAX_TITLE } from '../bounds';
import type { Member, Organization, Session, SessionClassification } from '../schemas';
import {
  AcuLimit,
  Acus,
  Id,
  OptionalText,
  PullRequestSchema,
  SessionAnalysisSchema,
} from '../schemas';

/** Unix seconds, as an ISO instant: the form the v2 path stores. */
const UnixSeconds = v.pipe(
  v.number(),
  v.finite('is not a time'),
  v.minValue(0, 'is before 1970'),
  v.transform((seconds) => new Date(seconds * 1000).toISOString()),
);

const OptionalCount = v.optional(v.nullable(v.pipe(v.number(), v.finite())), null);
const TextList = v.optional(v.nullable(boundedList(boundedText(MAX_SHORT_TEXT))), []);

const ClassificationSchema = v.object({
  category: OptionalText,
  programming_languages: TextList,
  tools_and_frameworks: TextList,
});

const AnalysisV3Schema = v.looseObject({
  ...SessionAnalysisSchema.entries,
  classification: v.optional(v.nullable(ClassificationSchema), null),
});

const SessionV3ItemSchema = v.object({
  session_id: Id,
  url: OptionalText,
  title: v.optional(v.nullable(boundedText(MAX_TITLE)), null),
  status: boundedText(MAX_SHORT_TEXT),
  status_detail: OptionalText,
  org_id: Id,
  user_id: OptionalText,
  tags: TextList,
  created_at: UnixSeconds,
  updated_at: UnixSeconds,
  acus_consumed: Acus,
  pull_requests: v.optional(v.nullable(boundedList(PullRequestSchema)), []),
  num_user_messages: OptionalCount,
  num_devin_messages: OptionalCount,
  session_size: OptionalText,
  is_archived: v.optional(v.nullable(v.boolean()), false),
  playbook_id: OptionalText,
  parent_session_id: OptionalText,
  child_session_ids: TextList,
  analysis: v.optional(v.nullable(AnalysisV3Schema), null),
});

type SessionV3Item = v.InferOutput<typeof SessionV3ItemSchema>;

function toClassification(
  raw: v.InferOutput<typeof ClassificationSchema> | null,
): SessionClassification | null {
  if (!raw) return null;
  return {
    category: raw.category,
    programming_languages: raw.programming_languages ?? [],
    tools_and_frameworks: raw.tools_and_frameworks ?? [],
  };
}

function toSession(item: SessionV3Item): Session {
  const { analysis } = item;
  return {
    session_id: item.session_id,
    url: item.url || `https://app.devin.ai/sessions/${item.session_id}`,
    status: item.status,
    tags: item.tags ?? [],
    org_id: item.org_id,
    created_at: item.created_at,
    updated_at: item.updated_at,
    acus_consumed: item.acus_consumed ?? 0,
    pull_requests: item.pull_requests ?? [],
    session_analysis: analysis
      ? {
          issues: analysis.issues,
          action_items: analysis.action_items,
          timeline: analysis.timeline,
          suggested_prompt: analysis.suggested_prompt,
        }
      : null,
    initial_user_message: analysis?.suggested_prompt?.original_prompt ?? null,
    title: item.title,
    user_id: item.user_id,
    status_detail: item.status_detail,
    session_size: item.session_size,
    num_user_messages: item.num_user_messages,
    num_devin_messages: item.num_devin_messages,
    is_archived: item.is_archived ?? false,
    playbook_id: item.playbook_id,
    parent_session_id: item.parent_session_id,
    child_session_ids: item.child_session_ids ?? [],
    classification: toClassification(analysis?.classification ?? null),
  };
}

export const SessionV3Schema = v.pipe(SessionV3ItemSchema, v.transform(toSession));

/** A cursor page; items are checked one by one. */
export const CursorPageSchema = v.object({
  items: v.array(v.unknown()),
  has_next_page: v.boolean(),
  end_cursor: v.optional(v.nullable(v.string()), null),
  total: v.optional(v.nullable(v.number()), null),
});

export const OrganizationV3Schema = v.pipe(
  v.looseObject({
    org_id: v.pipe(v.string(), v.nonEmpty()),
    name: OptionalText,
    max_cycle_acu_limit: AcuLimit,
    max_session_acu_limit: AcuLimit,
  }),
  v.transform(
    (org): Organization => ({
      org_id: org.org_id,
      org_name: org.name,
      max_cycle_acu_limit: org.max_cycle_acu_limit,
      max_session_acu_limit: org.max_session_acu_limit,
    }),
  ),
);

export const MemberV3Schema = v.pipe(
  v.looseObject({
    user_id: v.pipe(v.string(), v.nonEmpty()),
    name: OptionalText,
    email: OptionalText,
  }),
  v.transform(
    (member): Member => ({ user_id: member.user_id, name: member.name, email: member.email }),
  ),
);

/** `GET /v3/self`: who the token belongs to. */
export const SelfSchema = v.looseObject({
  principal_type: v.optional(v.nullable(v.string()), null),
  service_user_id: OptionalText,
  service_user_name: OptionalText,
  org_id: OptionalText,
});

/** `POST .../insights/generate`: whether an analysis was started or already exists. */
export const GenerateAnswerSchema = v.looseObject({
  session_id: v.optional(v.nullable(v.string()), null),
  status: v.string(),
});

/** One item of `GET .../messages`, bounded as the session's own first message is. */
export const MessageV3Schema = v.pipe(
  v.looseObject({
    source: boundedText(MAX_SHORT_TEXT),
    message: boundedText(MAX_MESSAGE),
    created_at: UnixSeconds,
  }),
  v.transform((item) => ({
    source: item.source,
    message: item.message,
    createdAt: item.created_at,
  })),
);
