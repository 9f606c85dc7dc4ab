/**
 * Receiving side of the protocol: checks the sender and the envelope, validates the payload,
 * and turns any failure into an error Result so the receiver keeps serving.
 */
import type { Runtime } from 'webextension-polyfill';
import { MAX_PAYLOAD_CHARS, isEnvelope, type RequestOf, type ResponseOf, type Result } from './messages';

export type Handlers<P> = {
  [K in keyof P]: {
    /** Returns the payload typed, or a message saying what is wrong with it. */
    validate: (payload: unknown) => RequestOf<P, K> | string;
    run: (payload: RequestOf<P, K>, sender: Runtime.MessageSender) => Promise<ResponseOf<P, K>> | ResponseOf<P, K>;
  };
};

export function createDispatcher<P>(handlers: Handlers<P>, isTrusted: (sender: Runtime.MessageSender) => boolean) {
  return async (message: unknown, sender: Runtime.MessageSender): Promise<Result<unknown>> => {
    try {
      if (!isTrusted(sender)) return { ok: false, error: 'sender not allowed' };
      if (!isEnvelope(message)) return { ok: false, error: 'not a Backstory message' };
      if (!Object.prototype.hasOwnProperty.call(handlers, message.type)) return { ok: false, error: `unknown type ${message.type.slice(0, 40)}` };
      if ((JSON.stringify(message.payload) ?? '').length > MAX_PAYLOAD_CHARS) return { ok: false, error: 'payload too large' };
      const handler = handlers[message.type as keyof P];
      const payload = handler.validate(message.payload);
      if (typeof payload === 'string') return { ok: false, error: `${message.type}: ${payload}` };
      return { ok: true, value: await handler.run(payload, sender) };
    } catch (err) {
      return { ok: false, error: err instanceof Error ? err.message : String(err) };
    }
  };
}

type Obj = Record<string, unknown>;
export const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
