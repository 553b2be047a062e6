/** Organization and user names from the cached directory; ids stand in for unknown ones. */
import { useMemo } from 'preact/hooks';
import { db } from '../../utils/db/database';
import type { Names } from '../../utils/insights/display-names';
import { useDirectory } from '../shared/directory';

export interface InsightsNames extends Names {
  orgIds: string[];
}

export function useNames(): InsightsNames {
  const directory = useDirectory(db);
  return useMemo(
    () => ({
      orgIds: directory.orgIds,
      org: (id: string) => directory.orgName(id) || id,
      user: (id: string | null) => (id === null ? 'No user' : directory.userName(id) || id),
    }),
    [directory],
  );
}
