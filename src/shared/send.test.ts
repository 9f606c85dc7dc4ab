import { beforeEach, describe, expect, it, vi } from 'vitest';

// The polyfill throws outside an extension: stand in for the one call the senders make.
const sendMessage = vi.fn<(message: unknown) => Promise<unknown>>();
vi.mock('webextension-polyfill', () => ({ default: { runtime: { sendMessage: (m: unknown) => sendMessage(m) }, tabs: {} } }));

const { isUnanswered, sendToWorkerPatiently } = await import('./send');

const answer = (value: unknown) => ({ ok: true, value });
const noReceiver = () => Promise.reject(new Error('Could not establish connection. Receiving end does not exist.'));
const FAST = { slowMs: 10, attemptMs: 60, timeoutMs: 400 };

describe('sendToWorkerPatiently', () => {
  beforeEach(() => {
    sendMessage.mockReset();
  });

  it('sends again while the worker is not there, says once that it is waiting, and returns the answer', async () => {
    sendMessage.mockImplementationOnce(noReceiver).mockImplementationOnce(noReceiver).mockResolvedValueOnce(answer([{ id: 'nato' }]));
    const onWaiting = vi.fn();
    const hits = await sendToWorkerPatiently('kb/search', { query: 'nato' }, { ...FAST, onWaiting });
    expect(hits).toEqual([{ id: 'nato' }]);
    expect(sendMessage).toHaveBeenCalledTimes(3);
    expect(sendMessage.mock.calls[2]?.[0]).toEqual({ backstory: 1, type: 'kb/search', payload: { query: 'nato' } });
    expect(onWaiting).toHaveBeenCalledTimes(1);
  });

  it('treats an empty answer (worker stopped mid-request) as unanswered', async () => {
    sendMessage.mockResolvedValueOnce(undefined).mockResolvedValueOnce(answer([]));
    await expect(sendToWorkerPatiently('kb/search', { query: 'x' }, FAST)).resolves.toEqual([]);
    expect(sendMessage).toHaveBeenCalledTimes(2);
  });

  it('resends an attempt that hangs', async () => {
    sendMessage.mockImplementationOnce(() => new Promise(() => {})).mockResolvedValueOnce(answer(['late']));
    await expect(sendToWorkerPatiently('kb/search', { query: 'x' }, FAST)).resolves.toEqual(['late']);
    expect(sendMessage).toHaveBeenCalledTimes(2);
  });

  it('does not repeat a request the worker refused', async () => {
    sendMessage.mockResolvedValue({ ok: false, error: 'bad payload' });
    await expect(sendToWorkerPatiently('kb/search', { query: 'x' }, FAST)).rejects.toThrow('Backstory: bad payload');
    expect(sendMessage).toHaveBeenCalledTimes(1);
  });

  it('gives up after its deadline with the last error', async () => {
    sendMessage.mockImplementation(noReceiver);
    const started = Date.now();
    const error = await sendToWorkerPatiently('kb/search', { query: 'x' }, FAST).then(() => null, (err: unknown) => err);
    expect(String(error)).toMatch(/Receiving end does not exist/);
    expect(Date.now() - started).toBeGreaterThanOrEqual(FAST.timeoutMs - 5);
    expect(sendMessage.mock.calls.length).toBeGreaterThan(2);
  });

  it('tells "nobody answered" from a handler error', () => {
    expect(isUnanswered(new Error('Could not establish connection. Receiving end does not exist.'))).toBe(true);
    expect(isUnanswered(new Error('Backstory: no answer'))).toBe(true);
    expect(isUnanswered(new Error('Backstory: unknown entity'))).toBe(false);
  });
});
