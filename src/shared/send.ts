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
