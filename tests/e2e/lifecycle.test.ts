/**
 * The content script's lifecycle: it never runs twice in one page, and when the extension is
 * reloaded under it (its context invalidated) it fails quietly and leaves the page as it was.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, tabIdOf, waitForAnnotation, type Extension } from '../support/extension';
import { articleHtml, startServer, type TestServer } from '../support/server';

const ARTICLE = ['Kim Jong Un met Donald Trump in Singapore.', 'North Korea and Russia signed a treaty in Pyongyang.'];

describe('content script lifecycle', () => {
  let ext: Extension;
  let server: TestServer;
  let url: string;

  beforeAll(async () => {
    server = await startServer();
    url = server.page('/a.html', articleHtml('Kim and Trump', ARTICLE));
    ext = await launchExtension();
  });
  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  it('never runs twice in one page', async () => {
    const page = await ext.context.newPage();
    await page.goto(url);
    await waitForAnnotation(page);
    const before = await page.evaluate(() => document.body.innerHTML);
    const tab = await tabIdOf(ext, page);
    const options = await ext.openPage('src/options/index.html');
    await options.evaluate(async (tabId) => {
      const api = (globalThis as unknown as { chrome: { scripting: { executeScript(o: object): Promise<unknown> } } }).chrome;
      await api.scripting.executeScript({ target: { tabId }, files: ['content.js'] });
    }, tab);
    await page.waitForTimeout(1000);
    expect(await page.evaluate(() => document.body.innerHTML)).toBe(before);
    expect(await page.locator('backstory-mention backstory-mention').count()).toBe(0);
    await options.close();
    await page.close();
  });

  it('fails quietly and restores the page after the extension is reloaded', async () => {
    const page = await ext.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.goto(url);
    await waitForAnnotation(page);
    const text = await page.evaluate(() => document.body.textContent);
    const options = await ext.openPage('src/options/index.html');
    // runtime.reload() tears the options page down with the extension, so its promise never settles.
    void options.evaluate(() => (globalThis as unknown as { chrome: { runtime: { reload(): void } } }).chrome.runtime.reload()).catch(() => undefined);
    await page.waitForTimeout(1500);
    await page.locator('backstory-mention[data-entity="kim-jong-un"]').first().hover({ timeout: 2000 }).catch(() => undefined);
    await page.waitForFunction(() => document.querySelectorAll('backstory-mention').length === 0, undefined, { polling: 100, timeout: 5000 });
    expect(await page.evaluate(() => document.body.textContent)).toBe(text);
    expect(await page.evaluate(() => (document.querySelector('backstory-card') as HTMLElement | null)?.hidden ?? true)).toBe(true);
    expect(errors.filter((e) => !e.includes('favicon'))).toEqual([]);
    await page.close();
  });
});
