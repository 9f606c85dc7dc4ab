import { describe, expect, it } from 'vitest';
import type { Runtime } from 'webextension-polyfill';
import { createDispatcher, type Handlers } from './handle';
import { envelope } from './messages';

interface P {
  echo: { request: { text: string }; response: string };
  boom: { request: Record<string, never>; response: never };
}

const handlers: Handlers<P> = {
  echo: { validate: (p) => (typeof (p as { text?: unknown })?.text === 'string' ? (p as { text: string }) : 'text required'), run: ({ text }) => text.toUpperCase() },
  boom: { validate: () => ({}), run: () => { throw new Error('kaput'); } },
};
const ours = { id: 'our-id' } as Runtime.MessageSender;
const dispatch = createDispatcher(handlers, (s) => s.id === 'our-id');

describe('message dispatcher', () => {
  it('answers a valid request', async () => {
    expect(await dispatch(envelope<P, 'echo'>('echo', { text: 'hi' }), ours)).toEqual({ ok: true, value: 'HI' });
  });
  it('refuses other senders, foreign messages, unknown types and bad payloads', async () => {
    expect(await dispatch(envelope<P, 'echo'>('echo', { text: 'hi' }), { id: 'evil' } as Runtime.MessageSender)).toEqual({ ok: false, error: 'sender not allowed' });
    expect(await dispatch({ type: 'echo', payload: { text: 'x' } }, ours)).toMatchObject({ ok: false });
    expect(await dispatch({ backstory: 1, type: 'toString', payload: {} }, ours)).toMatchObject({ ok: false, error: 'unknown type toString' });
    expect(await dispatch({ backstory: 1, type: 'echo', payload: { text: 5 } }, ours)).toEqual({ ok: false, error: 'echo: text required' });
  });
  it('refuses huge payloads and survives a throwing handler', async () => {
    expect(await dispatch({ backstory: 1, type: 'echo', payload: { text: 'x'.repeat(70_000) } }, ours)).toEqual({ ok: false, error: 'payload too large' });
    expect(await dispatch({ backstory: 1, type: 'boom', payload: {} }, ours)).toEqual({ ok: false, error: 'kaput' });
    expect(await dispatch(envelope<P, 'echo'>('echo', { text: 'still here' }), ours)).toEqual({ ok: true, value: 'STILL HERE' });
  });
});
