/** What every bench measurement shares: the browser, the server, the bundles and the index. */
import type { Browser, Page } from 'playwright-core';
import { routeOffline } from '../tests/support/offline-route';
import type { TestServer } from '../tests/support/server';
import type * as Bench from './entry';

export { CHROMIUM_ARGS } from '../tests/support/chromium';

export interface Harness {
  browser: Browser;
  server: TestServer;
  bundle: string;
  markjs: string;
  base64: string;
  text: string;
  aliases: string[];
}

export const bundleUrl = (h: Harness): string => `${h.server.url}/__bench/bench.js`;
export const markUrl = (h: Harness): string => `${h.server.url}/__bench/mark.min.js`;

/** A new tab whose loads are offline, script-free (but for ours) and cross-origin isolated (5 µs timers). */
export async function benchPage(h: Harness, csp = "script-src 'self'"): Promise<Page> {
  const page = await h.browser.newPage({ viewport: { width: 1200, height: 900 } });
  await routeOffline(page, h.server.url, {
    csp,
    headers: { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' },
    files: {
      [bundleUrl(h)]: { contentType: 'text/javascript', body: h.bundle },
      [markUrl(h)]: { contentType: 'text/javascript', body: h.markjs },
    },
  });
  return page;
}

/**
 * A fresh load of the page with the bench bundle and mark.js injected (both, every time),
 * the index and aliases handed over, and a short pause so the load's own tasks are done.
 */
export async function loadWithBundle(h: Harness, page: Page, url: string): Promise<void> {
  await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
  await page.addScriptTag({ url: bundleUrl(h) });
  await page.addScriptTag({ url: markUrl(h) });
  await page.evaluate((d) => (globalThis as unknown as BenchWindow).BackstoryBench.setData(d), { base64: h.base64, text: h.text, aliases: h.aliases });
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 100)));
}

/** How page.evaluate callbacks reach the injected bundle. */
export type BenchWindow = { BackstoryBench: typeof Bench };
