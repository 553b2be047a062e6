/**
 * The one gate in front of every background handler. A message is acted on only when it comes
 * from one of this extension's own pages and its payload has the shape the handler declares:
 * web pages, content scripts and other extensions get no action, and a malformed payload never
 * reaches a handler that may spend the API key on it.
 */
import * as v from 'valibot';
import { browser } from 'wxt/browser';
import { logFailure } from './log';

/** The parts of runtime.MessageSender the check needs (tests build them by hand). */
interface SenderInfo {
  id?: string;
  url?: string;
}

/** Own extension id and a URL under the extension's own origin (chrome- or moz-extension). */
function isOwnPage(sender: SenderInfo | undefined): boolean {
  if (!sender || sender.id !== browser.runtime.id) return false;
  const origin = browser.runtime.getURL('');
  return typeof sender.url === 'string' && sender.url.startsWith(origin);
}

interface IncomingMessage {
  type: string | number | symbol;
  data: unknown;
  sender: SenderInfo;
}

/**
 * Wraps a handler so it runs only for a checked sender and a payload that passes `schema`.
 * A refusal throws (the sender sees a rejected promise) and logs the message type and why,
 * never the payload: it may hold a key.
 */
export function guardHandler<TSchema extends v.GenericSchema, TResult>(
  schema: TSchema,
  handler: (data: v.InferOutput<TSchema>) => TResult,
): (message: IncomingMessage) => TResult {
  return (message) => {
    const type = String(message.type);
    if (!isOwnPage(message.sender)) {
      return refuse(type, 'the sender is not one of this extension’s pages');
    }
    const parsed = v.safeParse(schema, message.data);
    if (!parsed.success) return refuse(type, 'the payload does not have the expected shape');
    return handler(parsed.output);
  };
}

function refuse(type: string, why: string): never {
  const error = new Error(`Message "${type}" refused: ${why}`);
  logFailure('refused a message', error);
  throw error;
}
