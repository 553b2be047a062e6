/** The sentences the session actions answer with, in one place. */
import { isDevinApiError } from '../api/errors';
import { logFailure } from '../log';

export const NEEDS_V3_TOKEN =
  'Generating analysis needs a Devin API v3 service-user token (it starts with cog_) with the ManageAccountSessions permission. Save such a token in the options page to use it.';

export const NOT_CONFIGURED =
  'No API key is saved yet. Open the options page to set one up, then try again.';

/** A failed call in words a person can act on; the unexpected ones are logged too. */
export function describeFailure(context: string, error: unknown): string {
  if (isDevinApiError(error)) {
    // The generic sentence for 404 is about organizations; here it is the session.
    if (error.kind === 'not_found') {
      return 'Devin does not know this session any more: it may have been deleted.';
    }
    return error.message;
  }
  logFailure(context, error);
  return 'Something went wrong inside the extension. Try again; if it keeps failing, reload the extension.';
}

export const CONVERSATION_NEEDS_V3 =
  'Reading a conversation needs a Devin API v3 service-user token (it starts with cog_) with the ViewAccountSessions permission. Save such a token in the options page to use it.';
