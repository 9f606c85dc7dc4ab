/**
 * Launches Debian's Chromium with the e2e build loaded, the way DEVELOPERS.md prescribes,
 * and finds the extension id from its service worker.
 */
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { CHROMIUM, extensionArgs } from './chromium';
import { ROOT } from './shared';

export const DIST_E2E = join(ROOT, 'dist', 'e2e');

export interface Extension {
  context: BrowserContext;
  id: string;
  worker: Worker;
  /** Opens an extension page (e.g. 'src/popup/index.html?tab=3'). */
  openPage(path: string): Promise<Page>;
  close(): Promise<void>;
}

export async function launchExtension(opts: { colorScheme?: 'light' | 'dark'; dist?: string; lang?: string; touch?: boolean } = {}): Promise<Extension> {
  const dist = opts.dist ?? DIST_E2E;
  if (!existsSync(join(dist, 'manifest.json'))) throw new Error(`${dist} is not built: run npm run build:e2e`);
  const profile = mkdtempSync(join(tmpdir(), 'backstory-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    colorScheme: opts.colorScheme ?? 'light',
    viewport: { width: 1200, height: 900 },
    args: [
      ...extensionArgs(dist),
      ...(opts.lang ? [`--lang=${opts.lang}`] : []),
    ],
    ...(opts.lang ? { locale: opts.lang } : {}),
    ...(opts.touch ? { hasTouch: true, isMobile: false } : {}),
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const id = new URL(worker.url()).host;
  return {
    context,
    id,
    worker,
    async openPage(path) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${id}/${path}`);
      return page;
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The tab id of a page, as the extension sees it (asked from the worker). */
export async function tabIdOf(ext: Extension, page: Page): Promise<number> {
  const url = page.url();
  return ext.worker.evaluate(async (u) => {
    type Tabs = { query(q: object): Promise<{ id?: number; url?: string }[]> };
    const tabs = await (globalThis as unknown as { chrome: { tabs: Tabs } }).chrome.tabs.query({});
    const tab = tabs.find((t) => t.url === u);
    if (tab?.id === undefined) throw new Error(`no tab for ${u}`);
    return tab.id;
  }, url);
}

/** Waits until the annotator has finished at least one pass on the page. */
export async function waitForAnnotation(page: Page, timeout = 15_000): Promise<void> {
  await page.waitForFunction(() => performance.getEntriesByName('backstory:annotate').length > 0, undefined, { timeout });
}
