/**
 * What the session browser needs from its surroundings, passed in rather than imported so the
 * same components run in the popup, the full tab and tests (each with its own database).
 */
import { createContext } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
import type {
  ActionResult,
  AnalysisOffer,
  ConversationResult,
  FirstPromptResult,
  StopOffer,
} from '../../utils/actions/types';
import type { DevinDatabase } from '../../utils/db/schema';
import type { SavedView } from '../../utils/filters/saved-views';

export interface SessionsEnv {
  /**
   * The database, loaded on demand: Dexie is a third of the popup's script, and the first
   * screen (read from `databaseName` with plain IndexedDB) does not wait for it.
   */
  openDatabase: () => Promise<DevinDatabase>;
  databaseName: string;
  /** Asks the background to sync now; resolves with its answer (see utils/messaging). */
  syncNow: () => Promise<unknown>;
  openOptions: () => void;
  /** Opens the options page at the guided first-run set-up. */
  openWelcome: () => void;
  /** Opens the full-tab view with this query string (without the leading `?`). */
  openInTab: (query: string) => void;
  /** Opens the Insights page over the same filters. */
  openInsights: (query: string) => void;
  /** Reports whether a key and at least one organization are set, now and on every change. */
  watchConfigured: (callback: (configured: boolean) => void) => () => void;
  copyText: (text: string) => Promise<void>;
  /** Whether to offer "Generate analysis" for a session, or why not (asks the background). */
  analysisOffer: (sessionId: string) => Promise<AnalysisOffer>;
  /** Has Devin analyse a session; resolves once the analysed copy is cached, or why it is not. */
  generateAnalysis: (sessionId: string) => Promise<ActionResult>;
  /** The first message of a session whose cached copy has none (v3 without analysis). */
  loadFirstPrompt: (sessionId: string) => Promise<FirstPromptResult>;
  /** Reports the saved views (named filter sets), now and on every change. */
  watchSavedViews: (callback: (views: SavedView[]) => void) => () => void;
  storeSavedViews: (views: SavedView[]) => Promise<void>;
  /** Whether "Stop session" can work (v3 key, policy), or why not. */
  stopOffer: () => Promise<StopOffer>;
  /** Terminates a session, archiving it when asked; the cache shows it at once. */
  stopSession: (sessionId: string, archive: boolean) => Promise<ActionResult>;
  /** A v3 session's conversation; without `mayFetch` only the cache answers (no request). */
  loadConversation: (sessionId: string, mayFetch: boolean) => Promise<ConversationResult>;
}

export const SessionsEnvContext = createContext<SessionsEnv | null>(null);

export function useSessionsEnv(): SessionsEnv {
  const env = useContext(SessionsEnvContext);
  if (!env) throw new Error('The session browser needs a SessionsEnvContext provider');
  return env;
}

/**
 * The database once loaded; null before. Loading starts when `start` holds (the session browser
 * waits for its first screen) and after the next frame, so that loading Dexie does not hold up
 * painting what is already there.
 */
export function useDatabase(start = true): DevinDatabase | null {
  const { openDatabase } = useSessionsEnv();
  const [db, setDb] = useState<DevinDatabase | null>(null);
  useEffect(() => {
    if (!start) return;
    let active = true;
    const frame = requestAnimationFrame(() => {
      setTimeout(() => {
        void openDatabase().then((loaded) => {
          if (active) setDb(loaded);
        });
      });
    });
    return () => {
      active = false;
      cancelAnimationFrame(frame);
    };
  }, [openDatabase, start]);
  return db;
}
