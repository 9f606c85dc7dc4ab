/** Writing the extension's settings from a test, through an extension page. */
import type { Page } from 'playwright-core';
import type { Extension } from './extension';

/** Stores `value` as the raw settings object, exactly as the extension would find it. */
export async function writeSettings(ext: Extension, value: unknown): Promise<void> {
  const page = await ext.openPage('src/options/index.html');
  await page.evaluate(async (v) => {
    const api = (globalThis as unknown as { chrome: { storage: { sync: { set(x: object): Promise<void> }; local: { clear(): Promise<void> } } } }).chrome;
    await api.storage.local.clear();
    await api.storage.sync.set({ settings: v });
  }, value);
  await page.close();
}

export async function readSettings(page: Page): Promise<unknown> {
  return page.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: { storage: { sync: { get(k: string): Promise<Record<string, unknown>> } } } }).chrome;
    return (await api.storage.sync.get('settings')).settings;
  });
}
