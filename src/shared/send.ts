/** Typed senders over webextension-polyfill. */
import browser from 'webextension-polyfill';
import { envelope, unwrap, type ContentProtocol, type RequestOf, type ResponseOf, type WorkerProtocol } from './messages';

export async function sendToWorker<K extends keyof WorkerProtocol>(
  type: K,
  payload: RequestOf<WorkerProtocol, K>,
): Promise<ResponseOf<WorkerProtocol, K>> {
  return unwrap(await browser.runtime.sendMessage(envelope<WorkerProtocol, K>(type, payload)));
}

export async function sendToTab<K extends keyof ContentProtocol>(
  tabId: number,
  type: K,
  payload: RequestOf<ContentProtocol, K>,
): Promise<ResponseOf<ContentProtocol, K>> {
  return unwrap(await browser.tabs.sendMessage(tabId, envelope<ContentProtocol, K>(type, payload)));
}

/**
 * Failures that mean nobody was there to answer yet, not that the receiver refused: the worker
 * is stopped, starting or was stopped mid-request (Chrome then resolves with no answer), or a
 * tab's content script is not injected yet. Worth retrying; a handler's own error is not.
 */
export function isUnanswered(err: unknown): boolean {
  const message = err instanceof Error ? err.message : String(err);
  return /Backstory: no answer|Receiving end does not exist|Could not establish connection|message port closed|message channel closed/i.test(message);
}

export interface PatientOptions {
  /** Called once, when the worker has not answered within `slowMs` or an attempt went unanswered. */
  onWaiting?: () => void;
  /** How long an answer may take before the caller hears it is waiting (default 250 ms). */
  slowMs?: number;
  /** An attempt still unanswered after this long is sent again (default 3 s). */
  attemptMs?: number;
  /** Gives up after this long in all, with the last error (default 10 s). */
  timeoutMs?: number;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * `sendToWorker` for a worker that may be stopped or restarting: tells the caller when the answer
 * is slow, and sends again while nobody answers. Only for requests that are safe to repeat (reads).
 */
export async function sendToWorkerPatiently<K extends keyof WorkerProtocol>(
  type: K,
  payload: RequestOf<WorkerProtocol, K>,
  opts: PatientOptions = {},
): Promise<ResponseOf<WorkerProtocol, K>> {
  const { slowMs = 250, attemptMs = 3000, timeoutMs = 10_000 } = opts;
  const deadline = Date.now() + timeoutMs;
  let told = false;
  const waiting = (): void => {
    if (told) return;
    told = true;
    opts.onWaiting?.();
  };
  const slow = setTimeout(waiting, slowMs);
  try {
    for (let attempt = 0; ; attempt++) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const unanswered = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('Backstory: no answer in time')), Math.max(0, Math.min(attemptMs, deadline - Date.now())));
      });
      try {
        return await Promise.race([sendToWorker(type, payload), unanswered]);
      } catch (err) {
        if (!isUnanswered(err) || Date.now() >= deadline) throw err;
        waiting();
        await sleep(Math.min(50 * 2 ** attempt, 1000, Math.max(0, deadline - Date.now())));
      } finally {
        clearTimeout(timer);
      }
    }
  } finally {
    clearTimeout(slow);
  }
}
