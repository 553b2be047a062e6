/**
 * The one way to report a failure nobody is waiting for: a background job, a detached promise,
 * a live query. Failures the user can act on are shown in the UI instead (sync status, forms);
 * these are the unexpected ones, written to the console of the page or worker they happened in.
 *
 * Callers pass a short context and the error object itself. No message built here includes
 * settings or request data, so the API key can never reach the console through this module.
 */

export function logFailure(context: string, error: unknown): void {
  console.error(`[devin-sessions] ${context}:`, error);
}

/** Ends a promise chain that nobody awaits: a failure is logged, never an unhandled rejection. */
export function runDetached(context: string, work: Promise<unknown>): void {
  work.catch((error: unknown) => logFailure(context, error));
}
