/**
 * Zero network requests: a browsing run through install, browsing, hovering, the popup, the
 * full-context page and the options makes no request from an extension context beyond the
 * extension's own files, and the page's requests go only to the page's own server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Request } from 'playwright-core';
import { launchExtension, tabIdOf, waitForAnnotation, type Extension } from '../support/extension';
import { articleHtml, startServer, type TestServer } from '../support/server';
import { waitForCard } from '../support/card';

describe('privacy', () => {
  let ext: Extension;
  let server: TestServer;
  const requests: { url: string; from: string }[] = [];

  beforeAll(async () => {
    // Lets Playwright report the service worker's own requests too.
    process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';
    server = await startServer();
    ext = await launchExtension();
    const record = (r: Request): void => {
      const frame = (() => {
        try {
          return r.frame().url();
        } catch {
          return 'service-worker';
        }
      })();
      requests.push({ url: r.url(), from: r.serviceWorker() ? 'service-worker' : frame });
    };
    ext.context.on('request', record);
  });
  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  it('makes no network request of its own', async () => {
    const page = await ext.context.newPage();
    await page.goto(server.page('/a.html', articleHtml('Kim Jong Un and Donald Trump', ['Kim Jong Un met Donald Trump in Singapore after the Korean War armistice.'])));
    await waitForAnnotation(page);
    await page.locator('backstory-mention[data-entity="kim-jong-un"]').first().hover();
    await waitForCard(page, 'Kim Jong Un');
    await page.locator('backstory-mention[data-entity="kim-jong-un"]').first().click();
    await page.locator('backstory-card').locator('button.more').click();
    const full = ext.context.waitForEvent('page');
    await page.locator('backstory-card').locator('.menu-item').first().click();
    const fullPage = await full;
    await fullPage.waitForSelector('.card .name');
    const popup = await ext.openPage(`src/popup/index.html?tab=${await tabIdOf(ext, page)}`);
    await popup.waitForSelector('.entity');
    await popup.locator('#search').fill('putin');
    await popup.waitForSelector('.hit');
    const options = await ext.openPage('src/options/index.html');
    await options.locator('input[name="density"][value="all"]').check();
    await page.waitForTimeout(500);

    const ours = `chrome-extension://${ext.id}/`;
    const foreign = requests.filter((r) => !r.url.startsWith(ours) && !r.url.startsWith(server.url) && !r.url.startsWith('data:'));
    expect(foreign).toEqual([]);
    // Extension pages and the worker fetch nothing but the extension's own files.
    const fromExtension = requests.filter((r) => r.from.startsWith(ours) || r.from === 'service-worker');
    expect(fromExtension.filter((r) => !r.url.startsWith(ours))).toEqual([]);
    expect(requests.length).toBeGreaterThan(0);
  });
});
