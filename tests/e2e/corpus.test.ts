/**
 * The annotator on 100 saved real pages (../shared/corpus/pages), with the real extension:
 * (a) annotating never changes a page's text; (b) turning the site off restores the body's
 * markup exactly; (c) nothing our code runs throws or logs an error; (d) text the page adds
 * later is annotated too. The reference for (a) and (b) is the same page loaded in a second
 * browser without the extension. Both load the pages the same way: offline, every
 * subresource aborted, page scripts off (see tests/support/offline-route.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../support/chromium';
import { launchExtension, waitForAnnotation, type Extension } from '../support/extension';
import { firstDifference } from '../support/first-difference';
import { routeOffline } from '../support/offline-route';
import { startServer, type TestServer } from '../support/server';
import { corpusPages, CORPUS_DIR, hasShared } from '../support/shared';

const run = hasShared(CORPUS_DIR);
const PAGES = run ? corpusPages() : [];
/** Pages for the dynamic-insertion check: a small article, a huge page, a right-to-left one. */
const DYNAMIC = ['nytimes-1.html', 'yahoo-1.html', 'rtl-1.html'];

const ARGS = CHROMIUM_ARGS;

type Chrome = { chrome: { storage: { local: { set(items: object): Promise<void> } } } };

interface Snapshot {
  text: string;
  html: string;
}

describe.skipIf(!run)('corpus pages', () => {
  let ext: Extension;
  let server: TestServer;
  let plain: Browser;
  let options: Page;
  /** Marks per page, so a run where nothing was annotated at all cannot pass unnoticed. */
  const marks = new Map<string, number>();

  /**
   * Writes settings through the extension's own storage. The suite writes about 200 times, over
   * storage.sync's 120 writes a minute, so it uses storage.local with the flag the extension
   * itself sets when sync fails: the same fallback path readers get.
   */
  const writeSettings = (settings: object): Promise<void> =>
    options.evaluate((s) => (globalThis as unknown as Chrome).chrome.storage.local.set({ settingsArea: 'local', settings: s }), settings);

  const urlOf = (name: string): string => `${server.url}/corpus/${encodeURIComponent(name)}`;

  /** The page as it is without Backstory. */
  async function reference(name: string): Promise<Snapshot> {
    const page = await plain.newPage({ viewport: { width: 1200, height: 900 } });
    try {
      await routeOffline(page, server.url);
      await page.goto(urlOf(name), { waitUntil: 'load' });
      return await page.evaluate(() => ({ text: document.body.textContent ?? '', html: document.body.innerHTML }));
    } finally {
      await page.close();
    }
  }

  /** Opens the page with the extension and collects whatever our code throws or logs as an error. */
  async function openAnnotated(name: string): Promise<{ page: Page; errors: string[] }> {
    const page = await ext.context.newPage();
    const errors: string[] = [];
    // Our extension only: a saved page may link another extension's files (chrome-extension://invalid/).
    const ours = `chrome-extension://${ext.id}/`;
    page.on('pageerror', (err) => {
      const where = `${err.stack ?? ''} ${err.message}`;
      if (where.includes(ours) || /backstory/i.test(where)) errors.push(`pageerror: ${err.message}`);
    });
    page.on('console', (msg) => {
      const fromUs = msg.location().url.startsWith(ours) || /^Backstory\b/.test(msg.text());
      // The annotator reports a failed pass through console.debug, so that counts too.
      const bad = msg.type() === 'error' || msg.type() === 'warning' || /failed|could not|error/i.test(msg.text());
      if (fromUs && bad) errors.push(`console.${msg.type()}: ${msg.text()} (${msg.location().url})`);
    });
    await routeOffline(page, server.url);
    await page.goto(urlOf(name), { waitUntil: 'load' });
    await waitForAnnotation(page);
    return { page, errors };
  }

  beforeAll(async () => {
    server = await startServer();
    ext = await launchExtension();
    plain = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
    options = await ext.openPage('src/options/index.html');
    await writeSettings({ version: 1 });
  });
  afterAll(async () => {
    await ext?.close();
    await plain?.close();
    await server?.close();
  });

  it.each(PAGES)('%s: same text, markup restored when turned off, no errors', async (name) => {
    const before = await reference(name);
    const { page, errors } = await openAnnotated(name);
    try {
      const annotated = await page.evaluate(() => ({
        text: document.body.textContent ?? '',
        marks: document.querySelectorAll('backstory-mention').length,
      }));
      marks.set(name, annotated.marks);
      expect.soft(firstDifference(before.text, annotated.text), '(a) body text after annotation').toBeNull();

      await writeSettings({ version: 1, disabledSites: ['127.0.0.1'] });
      await page.waitForFunction(
        () => document.querySelector('backstory-mention') === null && document.querySelector('style[data-backstory]') === null,
        undefined,
        { timeout: 10_000 },
      );
      const removed = await page.evaluate(() => document.body.innerHTML);
      expect.soft(firstDifference(before.html, removed), `(b) body markup after removing ${annotated.marks} marks`).toBeNull();
    } finally {
      await page.close();
      await writeSettings({ version: 1 });
    }
    expect.soft(errors, '(c) errors from our code').toEqual([]);
  });

  it('marked mentions on the corpus at all', () => {
    if (marks.size < PAGES.length) return; // a filtered run (-t) proves nothing either way
    const total = [...marks.values()].reduce((a, b) => a + b, 0);
    expect(total, 'marks over all corpus pages').toBeGreaterThan(PAGES.length);
  });

  it('(d) annotates a paragraph the page adds after the first pass', async () => {
    const names = DYNAMIC.filter((n) => PAGES.includes(n));
    for (const name of names.length > 0 ? names : PAGES.slice(0, 1)) {
      const { page, errors } = await openAnnotated(name);
      try {
        const added = await page.evaluateHandle(() => {
          const p = document.createElement('p');
          p.textContent = 'Kim Jong Un met Vladimir Putin in Pyongyang.';
          document.body.append(p);
          return p;
        });
        await page.waitForFunction((p) => p.querySelector('backstory-mention') !== null, added, { timeout: 5_000 });
        const found = await added.evaluate((p) => ({
          text: p.textContent,
          ids: Array.from(p.querySelectorAll('backstory-mention'), (m) => m.getAttribute('data-entity')),
        }));
        expect(found.text, name).toBe('Kim Jong Un met Vladimir Putin in Pyongyang.');
        expect(found.ids, name).toContain('kim-jong-un');
        expect(errors, name).toEqual([]);
      } finally {
        await page.close();
      }
    }
  });
});
