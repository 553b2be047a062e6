/**
 * The answer of "Test connection" in words that fit this page: what is wrong, and what to do
 * here about it. The API client's messages are written for any page, so known kinds get their
 * own sentence; anything else shows the client's message as it is.
 */
import type { ConnectionReport } from '../../utils/connection/test-connection';
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
      ? `${said} Give the service user that permission in Devin's settings, then test again.`
      : `${said} Check the token: it may be mistyped, revoked or expired.`;
  }
  switch (report.kind) {
    case 'unauthorized':
      return 'The API key is invalid: the API refused it. Check that it is copied in full, or create a new one in Devin (Settings › API keys).';
    case 'forbidden':
      return `This key is not an enterprise admin key. The sessions API needs the personal key of an enterprise admin (it starts with apk_user_).${
        context.orgIds.length === 0
          ? ' If your admin key cannot list organizations, add their ids under Organizations and test again.'
          : ''
      }`;
    case 'not_found': {
      const orgId = missingOrg(report);
      if (orgId) {
        return `Organization ${orgId} was not found. Check the id under Organizations; it may have been removed or belong to another enterprise.`;
      }
      // Not an organization's answer (none was asked for): the address itself is wrong.
      return `${context.apiBaseUrl} answered "not found" where the Devin API lists organizations. Check that the API base URL is the Devin API's address (for Devin's cloud, https://api.devin.ai).`;
    }
    case 'not_devin_api':
      return `${context.apiBaseUrl} answers, but it is not the Devin API: it sent a web page instead of API data. Check the API base URL (for Devin's cloud, https://api.devin.ai).`;
    case 'network':
      return `The API could not be reached at ${context.apiBaseUrl}. Check the API base URL and your network connection.`;
    case 'timeout':
      return 'The API did not answer in time. Try again in a moment.';
    case 'rate_limited':
      return 'The Devin API is rate limiting requests. Wait a minute, then test again.';
    case 'server':
      return 'The Devin API had a server error. Try again in a few minutes; if it persists, check Devin status.';
    case UNCONFIRMED_ORIGIN:
      return `The saved key has not been confirmed for ${context.apiBaseUrl}, so it was not sent there. Confirm it for this address below, or enter the key again.`;
    case 'malformed':
      return 'The answer could not be read. Check that the API base URL is the address of the Devin API.';
    default:
      return report.message;
  }
}

/** The background could not be asked at all (an update reloaded it, say). */
export const NO_BACKGROUND =
  'The extension did not answer. Reload this page; if it persists, reload the extension in the browser.';
