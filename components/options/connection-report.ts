/**
 * The answer of "Test connection" in words that fit this page: what is wrong, and what to do
 * here about it. The API client's messages are written for any page, so known kinds get their
 * own sentence; anything else shows the client's message as it is.
 */
import type { ConnectionReport } from '../../utils/connection/test-connection';
import { t } from '../../utils/i18n';
import { UNCONFIRMED_ORIGIN } from '../../utils/settings/key-binding';

type Failure = Extract<ConnectionReport, { ok: false }>;

/** Kinds where the key itself is wrong: saving it anyway would only stop sync. */
export function isKeyRefused(report: ConnectionReport): boolean {
  return !report.ok && (report.kind === 'unauthorized' || report.kind === 'forbidden');
}

function missingOrg(report: Failure): string | null {
  return /^Organization (\S+) was not found\./.exec(report.message)?.[1] ?? null;
}

export function describeFailure(
  report: Failure,
  context: { orgIds: readonly string[]; apiBaseUrl: string },
): string {
  // The server said what is wrong with the key (v3, e.g. which permission the service user
  // lacks): its words say more than a guess from the status alone.
  if (report.problem && (report.kind === 'unauthorized' || report.kind === 'forbidden')) {
    const said = report.problem.replace(/\.?\s*$/, '.');
    return report.kind === 'forbidden'
      ? t('options.failure.forbiddenProblem', [said])
      : t('options.failure.unauthorizedProblem', [said]);
  }
  switch (report.kind) {
    case 'unauthorized':
      return t('options.failure.unauthorized');
    case 'forbidden':
      return context.orgIds.length === 0
        ? t('options.failure.forbiddenNoOrgs')
        : t('options.failure.forbidden');
    case 'not_found': {
      const orgId = missingOrg(report);
      if (orgId) {
        return t('options.failure.orgNotFound', [orgId]);
      }
      // Not an organization's answer (none was asked for): the address itself is wrong.
      return t('options.failure.notFound', [context.apiBaseUrl]);
    }
    case 'not_devin_api':
      return t('options.failure.notDevinApi', [context.apiBaseUrl]);
    case 'network':
      return t('options.failure.network', [context.apiBaseUrl]);
    case 'timeout':
      return t('options.failure.timeout');
    case 'rate_limited':
      return t('options.failure.rateLimited');
    case 'server':
      return t('options.failure.server');
    case UNCONFIRMED_ORIGIN:
      return t('options.failure.unconfirmed', [context.apiBaseUrl]);
    case 'malformed':
      return t('options.failure.malformed');
    default:
      return report.message;
  }
}

/**
 * The background could not be asked at all (an update reloaded it, say). Looked up once: a
 * page's language cannot change while it is open.
 */
export const NO_BACKGROUND = t('options.noBackground');
