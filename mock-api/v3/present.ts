// The v3 form of what the store holds: a session with insights (same instants as v2, in Unix
// seconds; `{pr_url, pr_state}` pull requests; the v2 analysis plus a classification; the
// derived v3-only fields), an organization and a user with role assignments. The configured
// invalid records and variants apply to the same sessions as in v2.

import { corruptSession, variantSession } from '../faults';
import type { HandlerContext } from '../http/routing';
import type { StoredSession } from '../store';
import type { MemberResponse, OrganizationResponse, OrgMemberResponse } from '../types';
import { classificationOf } from './classification';
import type { V3Context } from './context';
import { toV3Id } from './ids';
import { traitsOf } from './traits';

/** Unix seconds (integer) of an epoch-ms instant. */
function unixSeconds(ms: number): number {
  return Math.floor(ms / 1000);
}

/** The session's status as v2 shows it now (variants may show a status outside the enum). */
export function shownStatus(ctx: HandlerContext, entry: StoredSession): string {
  if (!ctx.faults.variants) return entry.session.status;
  return String(variantSession(entry.session, entry.ordinal).status);
}

export function presentSession(
  v3: V3Context,
  ctx: HandlerContext,
  entry: StoredSession,
): Record<string, unknown> {
  const s = entry.session;
  const status = shownStatus(ctx, entry);
  const traits = traitsOf(s, status);
  const relations = v3.relations(s.session_id);
  const item = {
    session_id: toV3Id(s.session_id),
    url: s.url,
    title: s.title,
    status,
    status_detail: traits.statusDetail,
    org_id: s.org_id,
    user_id: s.user_id,
    service_user_id: null,
    tags: s.tags,
    created_at: unixSeconds(entry.createdMs),
    updated_at: unixSeconds(entry.updatedMs),
    acus_consumed: s.acus_consumed,
    pull_requests: s.pull_requests.map((pr) => ({ pr_url: pr.url, pr_state: pr.state })),
    num_user_messages: traits.numUserMessages,
    num_devin_messages: traits.numDevinMessages,
    session_size: traits.sessionSize,
    is_archived: v3.isArchived(s.session_id, traits.archivedByDefault),
    is_advanced: traits.isAdvanced,
    origin: traits.origin,
    playbook_id: traits.playbookId,
    parent_session_id: relations.parent === null ? null : toV3Id(relations.parent),
    child_session_ids: relations.children.length > 0 ? relations.children.map(toV3Id) : null,
    structured_output: null,
    analysis:
      s.session_analysis === null
        ? null
        : {
            ...s.session_analysis,
            classification: classificationOf(s),
            note_usage: { good_usages: [], bad_usages: [] },
          },
  };
  const kind = ctx.invalidPlan.get(entry.ordinal);
  return kind ? corruptSession(item, kind) : item;
}

export function presentOrganization(org: OrganizationResponse) {
  const created = unixSeconds(Date.parse(org.created_at));
  return {
    org_id: org.org_id,
    name: org.org_name,
    created_at: created,
    updated_at: created,
    max_session_acu_limit: org.max_session_acu_limit,
    max_cycle_acu_limit: org.max_cycle_acu_limit,
  };
}

function role(kind: 'enterprise' | 'organization', admin: boolean) {
  const level = kind === 'enterprise' ? 'Enterprise' : 'Org';
  const name = `${level} ${admin ? 'Admin' : 'Member'}`;
  return {
    role_id: `role-${name.toLowerCase().replace(' ', '-')}`,
    role_name: name,
    role_type: kind,
  };
}

/** A user with their enterprise role and one assignment per organization they belong to. */
export function presentUser(member: MemberResponse, orgRoles: readonly OrgMemberResponse[]) {
  return {
    user_id: member.user_id,
    email: member.email,
    name: member.name,
    role_assignments: [
      { role: role('enterprise', member.enterprise_role === 'admin'), org_id: null },
      ...orgRoles.map((m) => ({
        role: role('organization', m.org_role === 'admin'),
        org_id: m.org_id,
      })),
    ],
  };
}
