/**
 * The background's session actions: reads the key and settings in force, builds the client and
 * hands each request to its job (generate-analysis.ts, first-prompt.ts, conversation.ts). An analysis being made
 * for a session is joined rather than started twice, and a page opened meanwhile is told so.
 */
import { type ClientOptions, createClient, type DevinClient } from '../api';
import type { ConnectionReport } from '../connection/test-connection';
import type { DevinDatabase } from '../db/schema';
import { checkApiBaseUrl } from '../settings/validate';
import { cacheIdentity } from '../sync/identity';
import type { SyncConfig } from '../sync/service';
import { forgetDenial, readDenial } from './analysis-denials';
import { loadConversation } from './conversation';
import { loadFirstPrompt } from './first-prompt';
import { generateAnalysis, type PollPolicy } from './generate-analysis';
import { needsV3Token, notConfigured } from './messages';
import { actionsDisabledByPolicy, actionsOffByPolicy } from './policy';
import { needsV3ToStop, stopSession } from './stop-session';
import type {
  ActionResult,
  AnalysisOffer,
  ConversationResult,
  FirstPromptResult,
  StopOffer,
} from './types';

export interface ActionsServiceOptions {
  db: DevinDatabase;
  readConfig: () => Promise<SyncConfig>;
  createClient?: (options: ClientOptions) => DevinClient;
  onPoll?: () => void;
  policy?: PollPolicy;
  /** Told when a session was stopped (the background evaluates alerts again). */
  onStopped?: () => void;
}

interface Connection {
  client: DevinClient;
  identity: string;
}

export function createActionsService(options: ActionsServiceOptions) {
  const { db } = options;
  const makeClient = options.createClient ?? createClient;
  const generating = new Map<string, Promise<ActionResult>>();
  const fetchingConversations = new Map<string, Promise<ConversationResult>>();

  /** The client and key hash in force, or why there is none. */
  async function connect(): Promise<Connection | { message: string }> {
    const { apiKey, settings, keyHeldBack } = await options.readConfig();
    if (keyHeldBack) return { message: keyHeldBack };
    if (!apiKey) return { message: notConfigured() };
    const baseUrl = checkApiBaseUrl(settings.apiBaseUrl);
    if (!baseUrl.ok) return { message: baseUrl.reason };
    return {
      client: makeClient({ baseUrl: baseUrl.value, apiKey }),
      // Worked out as the sync does, so it names the same cache.
      identity: await cacheIdentity(settings.apiBaseUrl, apiKey),
    };
  }

  async function generate(sessionId: string): Promise<ActionResult> {
    const connection = await connect();
    if ('message' in connection) return { ok: false, message: connection.message };
    return generateAnalysis({
      db,
      sessionId,
      ...connection,
      policy: options.policy,
      onPoll: options.onPoll,
    });
  }

  return {
    async analysisOffer(sessionId: string): Promise<AnalysisOffer> {
      if (generating.has(sessionId)) return { state: 'busy' };
      const connection = await connect();
      if ('message' in connection) return { state: 'unavailable', message: connection.message };
      if (connection.client.version !== 'v3') {
        return { state: 'unavailable', message: needsV3Token() };
      }
      const denied = await readDenial(connection.identity);
      return denied === null ? { state: 'offer' } : { state: 'unavailable', message: denied };
    },

    /** Starts generating, or joins the attempt already under way for this session. */
    generateAnalysis(sessionId: string): Promise<ActionResult> {
      let running = generating.get(sessionId);
      if (!running) {
        running = generate(sessionId).finally(() => generating.delete(sessionId));
        generating.set(sessionId, running);
      }
      return running;
    },

    /** Whether "Stop session" can work with this key and policy, before anyone confirms. */
    async stopOffer(): Promise<StopOffer> {
      if (await actionsDisabledByPolicy()) {
        return { state: 'unavailable', message: actionsOffByPolicy() };
      }
      const connection = await connect();
      if ('message' in connection) return { state: 'unavailable', message: connection.message };
      if (connection.client.version !== 'v3') {
        return { state: 'unavailable', message: needsV3ToStop() };
      }
      return { state: 'offer' };
    },

    async stopSession(sessionId: string, archive: boolean): Promise<ActionResult> {
      if (await actionsDisabledByPolicy()) return { ok: false, message: actionsOffByPolicy() };
      const connection = await connect();
      if ('message' in connection) return { ok: false, message: connection.message };
      const result = await stopSession({ db, sessionId, archive, ...connection });
      if (result.ok) options.onStopped?.();
      return result;
    },

    async loadFirstPrompt(sessionId: string): Promise<FirstPromptResult> {
      const connection = await connect();
      const connected = 'message' in connection ? null : connection;
      return loadFirstPrompt({
        db,
        sessionId,
        client: connected?.client ?? null,
        identity: connected?.identity ?? null,
      });
    },

    /**
     * A session's conversation: from the cache, or (when `mayFetch`) fetched. Two pages asking
     * for the same session at once share one fetch.
     */
    loadConversation(sessionId: string, mayFetch: boolean): Promise<ConversationResult> {
      const running = fetchingConversations.get(sessionId);
      if (running) return running;
      const load = connect().then((connection) =>
        loadConversation({
          db,
          sessionId,
          mayFetch,
          ...('message' in connection
            ? { client: null, identity: null, unavailable: connection.message }
            : connection),
        }),
      );
      if (!mayFetch) return load;
      const shared = load.finally(() => fetchingConversations.delete(sessionId));
      fetchingConversations.set(sessionId, shared);
      return shared;
    },

    /**
     * A key whose connection tests well again may have been given the permission since: its
     * refusal is forgotten, so "Generate analysis" is offered once more. Hands the report on.
     */
    async afterConnectionTest(
      tested: { apiBaseUrl: string; apiKey: string },
      report: ConnectionReport,
    ): Promise<ConnectionReport> {
      if (report.ok) await forgetDenial(await cacheIdentity(tested.apiBaseUrl, tested.apiKey));
      return report;
    },
  };
}
