/** The sentences the session actions answer with, in one place. */
import { isDevinApiError } from '../api/errors';
import { t } from '../i18n';
import { logFailure } from '../log';

// Functions, not constants: the text is read in the browser's language when it is needed.
export function needsV3Token(): string {
  return t('background.actions.needsV3Token');
}

export function notConfigured(): string {
  return t('background.actions.notConfigured');
}

/** A failed call in words a person can act on; the unexpected ones are logged too. */
export function describeFailure(context: string, error: unknown): string {
  if (isDevinApiError(error)) {
    // The generic sentence for 404 is about organizations; here it is the session.
    if (error.kind === 'not_found') {
      return t('background.actions.sessionGone');
    }
    return error.message;
  }
  logFailure(context, error);
  return t('background.actions.internal');
}

export function conversationNeedsV3(): string {
  return t('background.actions.conversationNeedsV3');
}
