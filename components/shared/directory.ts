/** The cached directory (organizations and members), live, as name lookups. */
import { useMemo } from 'preact/hooks';
import type { DevinDatabase } from '../../utils/db/schema';
import type { MemberRow } from '../../utils/db/types';
import { useLiveQuery } from './use-live-query';

export interface Directory {
  /** The ids of the cached organizations. */
  orgIds: string[];
  orgName: (orgId: string) => string | null;
  member: (userId: string) => MemberRow | null;
  /** Display name of a user: name, else email, else null. */
  userName: (userId: string) => string | null;
}

/** `db` is null until the page has loaded the database: the directory is empty until then. */
export function useDirectory(db: DevinDatabase | null): Directory {
  const data = useLiveQuery(
    db &&
      (async () => {
        const [organizations, members] = await Promise.all([
          db.organizations.toArray(),
          db.members.toArray(),
        ]);
        return { organizations, members };
      }),
    [db],
    { organizations: [], members: [] },
  );
  return useMemo(() => {
    const orgs = new Map(data.organizations.map((org) => [org.org_id, org.org_name ?? null]));
    const members = new Map(data.members.map((member) => [member.user_id, member]));
    return {
      orgIds: data.organizations.map((org) => org.org_id),
      orgName: (orgId) => orgs.get(orgId) ?? null,
      member: (userId) => members.get(userId) ?? null,
      userName: (userId) => {
        const member = members.get(userId);
        return member?.name || member?.email || null;
      },
    };
  }, [data]);
}
