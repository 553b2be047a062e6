/** Organization and user names from the cached directory; ids stand in for unknown ones. */
import { useMemo } from 'preact/hooks';
import { db } from '../../utils/db/database';
import type { Names } from '../../utils/insights/tables';
import { useLiveQuery } from '../shared/use-live-query';

export interface Directory extends Names {
  orgIds: string[];
}

export function useNames(): Directory {
  const data = useLiveQuery(
    async () => {
      const [organizations, members] = await Promise.all([
        db.organizations.toArray(),
        db.members.toArray(),
      ]);
      return { organizations, members };
    },
    [],
    { organizations: [], members: [] },
  );
  return useMemo(() => {
    const orgs = new Map(data.organizations.map((org) => [org.org_id, org.org_name]));
    const users = new Map(
      data.members.map((member) => [member.user_id, member.name || member.email || null]),
    );
    return {
      orgIds: data.organizations.map((org) => org.org_id),
      org: (id: string) => orgs.get(id) || id,
      user: (id: string | null) => (id === null ? 'No user' : users.get(id) || id),
    };
  }, [data]);
}
