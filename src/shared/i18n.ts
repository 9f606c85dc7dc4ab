/**
 * User-facing strings go through browser.i18n, with _locales/en as the source and the
 * fallback (in unit tests, or if the browser has no message for a key).
 */
import browser from 'webextension-polyfill';
import en from '../../public/_locales/en/messages.json';

export type MessageKey = keyof typeof en;

export function t(key: MessageKey, arg?: string | number): string {
  const subs = arg === undefined ? undefined : [String(arg)];
  try {
    const message = browser.i18n.getMessage(key, subs);
    if (message) return message;
  } catch {
    /* outside an extension (unit tests): fall back to English */
  }
  const fallback = en[key].message;
  return arg === undefined ? fallback : fallback.replace('$ARG$', String(arg));
}
