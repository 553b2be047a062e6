/** Organization and user names from the cached directory; ids stand in for unknown ones. */
import { useMemo } from 'preact/hooks';
import { db } from '../../utils/db/database';
import { t } from '../../utils/i18n';
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
      user: (id: string | null) =>
        id === null ? t('insights.noUser') : directory.userName(id) || id,
    }),
    [directory],
  );
}
