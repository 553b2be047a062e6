/** The options page: set-up, organizations, PR badge, git servers, sync and data, one card each. */
import { useState } from 'preact/hooks';
import type { Organization } from '../../utils/api';
import type { ConnectionReport } from '../../utils/connection/test-connection';
import { db } from '../../utils/db/database';
import { t } from '../../utils/i18n';
import { isWelcomeHash } from '../../utils/welcome/first-run';
import { isSyncRunning, useSyncView } from '../shared/sync-state';
import { useLiveQuery } from '../shared/use-live-query';
import { useNow } from '../shared/use-now';
import { AlertsSection } from './alerts-section';
import { BillingCycleSection } from './billing-cycle-section';
import { ConnectionSection } from './connection-section';
import { DataSection } from './data-section';
import { GitHostsSection } from './git-hosts-section';
import { OrganizationsSection } from './organizations-section';
import { PrBadgeSection } from './pr-badge-section';
import { SetupSteps } from './setup-steps';
import { useStoredConfig } from './stored-config';
import { SyncSection } from './sync-section';
import { usePrPageBadge } from './use-pr-page-badge';
import { Welcome } from './welcome/welcome';
import './options-app.css';

const NO_ORGANIZATIONS: Organization[] = [];

/** Organizations the last test listed, then the names the last sync stored. */
function mergeOrganizations(
  tested: readonly Organization[],
  stored: readonly Organization[],
): Organization[] {
  const byId = new Map<string, Organization>();
  for (const org of [...stored, ...tested]) {
    const previous = byId.get(org.org_id);
    byId.set(org.org_id, {
      org_id: org.org_id,
      org_name: org.org_name ?? previous?.org_name ?? null,
    });
  }
  return [...byId.values()];
}

export function OptionsApp() {
  const stored = useStoredConfig();
  const badgeOn = usePrPageBadge();
  const directory = useLiveQuery(() => db.organizations.toArray(), [], NO_ORGANIZATIONS);
  const view = useSyncView(db);
  const now = useNow(5_000);
  const [report, setReport] = useState<ConnectionReport | null>(null);
  const [draftOrgIds, setDraftOrgIds] = useState<string[] | null>(null);
  const [welcome, setWelcome] = useState(() => isWelcomeHash(location.hash));

  if (!stored) {
    return (
      <main class="page">
        <p class="muted" role="status">
          {t('options.loading')}
        </p>
      </main>
    );
  }

  if (welcome) {
    // The guided set-up alone: its fields would otherwise repeat the cards' below.
    const finish = () => {
      history.replaceState(null, '', location.pathname);
      setWelcome(false);
      window.scrollTo(0, 0);
    };
    return (
      <main class="page">
        <header class="page-header">
          <h1>{t('common.appName')}</h1>
        </header>
        <Welcome stored={stored} onFinish={finish} />
      </main>
    );
  }

  const draft = draftOrgIds ?? stored.settings.orgIds;
  const known = mergeOrganizations(report?.ok ? report.organizations : [], directory);
  const names = new Map(known.map((org) => [org.org_id, org.org_name]));
  const orgIds = stored.managed.orgIds ?? stored.settings.orgIds;

  return (
    <main class="page">
      <header class="page-header">
        <h1>{t('common.appName')}</h1>
        <p class="muted">{t('options.subtitle')}</p>
      </header>
      <SetupSteps
        hasKey={stored.keyEnding !== null}
        hasOrgs={orgIds.length > 0}
        synced={view.status.lastSuccessAt !== null}
      />
      <div class="columns">
        <div class="column">
          <ConnectionSection
            stored={stored}
            orgIds={stored.managed.orgIds ?? draft}
            onReport={setReport}
          />
          <OrganizationsSection
            stored={stored}
            known={known}
            report={report}
            draft={draft}
            onDraft={setDraftOrgIds}
          />
          <PrBadgeSection stored={stored} on={badgeOn} />
          <GitHostsSection stored={stored} badgeOn={badgeOn === true} />
          <AlertsSection />
          <BillingCycleSection />
        </div>
        <div class="column">
          <SyncSection stored={stored} view={view} names={names} />
          <DataSection syncing={isSyncRunning(view, now)} />
        </div>
      </div>
    </main>
  );
}
