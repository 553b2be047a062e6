// The enterprise directory of a dataset: organizations with their repositories, members and
// who belongs to which organization (with the per-organization counts the API reports).

import type { Rng } from '../random';
import type {
  EnterpriseRole,
  MemberResponse,
  Membership,
  OrganizationResponse,
  OrgRole,
} from '../types';
import type { GitHost, Repository } from './repositories';
import { HOSTS, makeRepository } from './repositories';
import { DAY, HISTORY_DAYS, iso } from './time';
import { COMPANIES, FIRST_NAMES, LAST_NAMES, ORG_NAMES, REPO_NAMES } from './vocab-directory';

/** Who is in the enterprise, and the repositories its organizations work on. */
export interface Directory {
  orgs: OrganizationResponse[];
  members: MemberResponse[];
  memberships: Membership[];
  repositories: Repository[];
}

/** How big a directory to make (the session count sets the default number of members). */
interface DirectorySize {
  sessions: number;
  orgs: number;
  /** Number of enterprise members; derived from `sessions` when omitted. */
  users?: number;
}

function defaultUserCount(sessions: number, orgs: number): number {
  return Math.max(3, orgs, Math.min(2000, Math.ceil(sessions / 25)));
}

export function generateDirectory(rng: Rng, options: DirectorySize, nowMs: number): Directory {
  const company = rng.pick(COMPANIES);
  const orgCount = Math.max(1, Math.floor(options.orgs));
  const userCount = Math.max(
    1,
    Math.floor(options.users ?? defaultUserCount(options.sessions, orgCount)),
  );

  const orgNames = rng.sample(ORG_NAMES, orgCount);
  const orgs: OrganizationResponse[] = [];
  const repositories: Repository[] = [];
  for (let i = 0; i < orgCount; i++) {
    const orgId = `org-${rng.hex(32)}`;
    const baseName = orgNames[i] ?? `Team ${i + 1}`;
    orgs.push({
      org_id: orgId,
      org_name: `${company.name} ${baseName}`,
      created_at: iso(nowMs - rng.int(200, 1200) * DAY - rng.int(0, DAY)),
      max_cycle_acu_limit: rng.chance(0.6) ? rng.pick([1000, 2500, 5000, 10000, 25000]) : null,
      max_session_acu_limit: rng.chance(0.7) ? rng.pick([10, 25, 50, 100, 250]) : null,
      org_admin_count: 0,
      org_member_count: 0,
      org_user_count: 0,
    });
    // Each org mostly uses one git host; the first org covers all four so every URL shape exists.
    const primary: GitHost = i === 0 ? 'github' : rng.weighted(HOSTS, [55, 20, 12, 13]);
    const repoNames = rng.sample(REPO_NAMES, rng.int(4, 8));
    repoNames.forEach((name, j) => {
      const host =
        i === 0 && j < HOSTS.length
          ? (HOSTS[j] ?? primary)
          : rng.chance(0.7)
            ? primary
            : rng.pick(HOSTS);
      repositories.push(makeRepository(rng, orgId, host, company.slug, name));
    });
  }
  orgs.sort((a, b) => (a.created_at < b.created_at ? -1 : a.created_at > b.created_at ? 1 : 0));

  const members: MemberResponse[] = [];
  const memberships: Membership[] = [];
  const emails = new Set<string>();
  const orgWeights = orgs.map(() => rng.int(1, 5));
  for (let i = 0; i < userCount; i++) {
    const first = rng.pick(FIRST_NAMES);
    const last = rng.pick(LAST_NAMES);
    let email = `${first}.${last}@${company.domain}`.toLowerCase();
    for (let n = 2; emails.has(email); n++)
      email = `${first}.${last}${n}@${company.domain}`.toLowerCase();
    emails.add(email);
    const neverLoggedIn = i > 0 && rng.chance(0.08);
    const role: EnterpriseRole = i === 0 || rng.chance(0.03) ? 'admin' : 'member';
    members.push({
      user_id: `user-${rng.hex(32)}`,
      email,
      name: `${first} ${last}`,
      enterprise_role: role,
      created_at: iso(nowMs - rng.int(HISTORY_DAYS + 1, 900) * DAY - rng.int(0, DAY)),
      last_login: neverLoggedIn ? null : iso(nowMs - rng.int(0, 14 * DAY)),
      login_count: neverLoggedIn ? 0 : Math.round(rng.lognormal(60, 1)) + 1,
    });
  }

  // Every org gets at least one user (the first `orgCount` users), then by org weight.
  members.forEach((member, i) => {
    const primary = i < orgs.length ? orgs[i] : rng.weighted(orgs, orgWeights);
    const orgIds = [primary?.org_id ?? ''];
    if (orgs.length > 1 && rng.chance(0.2)) {
      const other = rng.pick(orgs).org_id;
      if (other !== orgIds[0]) orgIds.push(other);
    }
    for (const orgId of orgIds) {
      const orgRole: OrgRole =
        member.enterprise_role === 'admin' || rng.chance(0.04) ? 'admin' : 'member';
      memberships.push({ user_id: member.user_id, org_id: orgId, org_role: orgRole });
    }
  });
  const byId = new Map(orgs.map((o) => [o.org_id, o]));
  for (const m of memberships) {
    const org = byId.get(m.org_id);
    if (!org) continue;
    if (m.org_role === 'admin') org.org_admin_count++;
    else org.org_member_count++;
    org.org_user_count++;
  }
  return { orgs, members, memberships, repositories };
}
