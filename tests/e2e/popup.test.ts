/** The popup: its states, the site switch, jumping to mentions, the timeline and search. */
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { PACKS } from '../../src/kb/schema';
import { busyWorker, holdWorker, launchExtension, stopWorker, tabIdFromPage, waitForAnnotation, type Extension } from '../support/extension';
import { articleHtml, escapeHtml, startServer, type TestServer } from '../support/server';
import { writeSettings } from '../support/settings';

const ARTICLE = [
  'Donald Trump and Kim Jong Un met at the Singapore summit in 2018, then at the Hanoi summit in 2019.',
  'After Russia launched its invasion of Ukraine, North Korea sent troops. China watched.',
  'Kim Jong Un later met Vladimir Putin. Trump said he would meet Kim Jong Un again.',
];

describe('popup', () => {
  let ext: Extension;
  let server: TestServer;
  let other: TestServer;

  beforeAll(async () => {
    server = await startServer();
    other = await startServer('127.0.0.2');
    ext = await launchExtension();
  });
  afterAll(async () => {
    await ext?.close();
    await server?.close();
    await other?.close();
  });
  beforeEach(async () => {
    await writeSettings(ext, { version: 1 });
  });

  async function article(): Promise<Page> {
    const page = await ext.context.newPage();
    await page.goto(server.page('/a.html', articleHtml('Trump and Kim meet again', ARTICLE)));
    await waitForAnnotation(page);
    return page;
  }

  // The tab id comes from an extension page, not the worker: some tests hold or stop the worker.
  async function popupFor(page: Page): Promise<Page> {
    return ext.openPage(`src/popup/index.html?tab=${await tabIdFromPage(ext, page)}`);
  }

  /** Opens the popup for tab `tab`, recording every status text it ever shows. */
  async function watchedPopup(tab: number): Promise<Page> {
    const popup = await ext.context.newPage();
    await popup.addInitScript(() => {
      const w = window as unknown as { __seen: string[] };
      w.__seen = [];
      const note = (): void => {
        for (const el of document.querySelectorAll('.state, .progress')) {
          const text = el.textContent ?? '';
          if (w.__seen.at(-1) !== text) w.__seen.push(text);
        }
      };
      new MutationObserver(note).observe(document, { subtree: true, childList: true, characterData: true });
    });
    await popup.goto(`chrome-extension://${ext.id}/src/popup/index.html?tab=${tab}`);
    return popup;
  }
  const seen = (popup: Page): Promise<string[]> => popup.evaluate(() => (window as unknown as { __seen: string[] }).__seen);
  const stateText = (popup: Page): Promise<string | null> => popup.locator('.state').first().textContent({ timeout: 1000 }).catch(() => null);
  /** What the popup must never say on its way to the list of a page that has entities. */
  const WRONG = /Reload the page|No known people|try again/;
  /** The popup reached the article's list and timeline without ever saying a WRONG thing; closes it. */
  async function expectListedAndClose(popup: Page): Promise<void> {
    await popup.waitForSelector('.entity[data-entity="kim-jong-un"]');
    await popup.waitForSelector('.page-timeline li');
    expect((await seen(popup)).filter((text) => WRONG.test(text))).toEqual([]);
    await popup.close();
  }

  it('groups the page entities by type, most prominent first, with counts', async () => {
    const page = await article();
    const popup = await popupFor(page);
    await popup.waitForSelector('.entity');
    const groups = await popup.$$eval('.groups section[aria-labelledby^="g-"] h2', (els) => els.map((e) => e.textContent));
    expect(groups.slice(0, 2)).toEqual(['People', 'Countries']);
    const people = await popup.$$eval('section[aria-labelledby="g-person"] .entity', (els) =>
      els.map((e) => ({ id: e.getAttribute('data-entity'), count: Number(e.querySelector('.count')?.textContent) })),
    );
    // Both leaders are in the headline; Trump is named first.
    expect(people[0]).toEqual({ id: 'donald-trump', count: 3 });
    expect(people[1]).toMatchObject({ id: 'kim-jong-un' });
    await popup.close();
    await page.close();
  });

  it('jumps to a mention and steps through them', async () => {
    const page = await article();
    const popup = await popupFor(page);
    // The article is a background tab behind the popup: poll on a timer, not on animation frames.
    const flashed = async (): Promise<number> => {
      const handle = await page.waitForFunction(() => {
        const all = [...document.querySelectorAll('backstory-mention[data-entity="kim-jong-un"]')];
        const i = all.findIndex((m) => m.hasAttribute('data-flash'));
        return i >= 0 ? i : null;
      }, undefined, { polling: 50 });
      return (await handle.jsonValue()) as number;
    };
    const next = popup.locator('.entity[data-entity="kim-jong-un"] button[aria-label^="Show mention"]');
    await next.click();
    const first = await flashed();
    await page.waitForFunction(() => !document.querySelector('backstory-mention[data-flash]'), undefined, { polling: 50 });
    await next.click();
    const second = await flashed();
    expect(second).not.toBe(first);
    await popup.close();
    await page.close();
  });

  it('shows a combined timeline in date order, and each item opens its card', async () => {
    const page = await article();
    const popup = await popupFor(page);
    await popup.waitForSelector('.page-timeline li');
    const dates = await popup.$$eval('.page-timeline time', (els) => els.map((e) => e.getAttribute('datetime') ?? ''));
    expect(dates.length).toBeGreaterThanOrEqual(3);
    expect([...dates].sort()).toEqual(dates);
    const ids = await popup.$$eval('.page-timeline li', (els) => els.map((e) => e.getAttribute('data-entity')));
    expect(ids.indexOf('singapore-summit-2018')).toBeLessThan(ids.indexOf('hanoi-summit-2019'));
    expect(ids.indexOf('hanoi-summit-2019')).toBeLessThan(ids.indexOf('russian-invasion-of-ukraine'));
    await popup.locator('.page-timeline li[data-entity="hanoi-summit-2019"] button').click();
    await expect.poll(() => popup.locator('.card .name').textContent()).toMatch(/Hanoi/);
    await popup.close();
    await page.close();
  });

  it('searches the whole knowledge base by name and alias as you type', async () => {
    const page = await article();
    const popup = await popupFor(page);
    await popup.locator('#search').fill('nordkor');
    await popup.waitForSelector('.hit[data-entity="north-korea"]');
    await popup.locator('#search').fill('zelensk');
    await popup.waitForSelector('.hit[data-entity="volodymyr-zelenskyy"]');
    await popup.locator('.hit[data-entity="volodymyr-zelenskyy"]').click();
    await expect.poll(() => popup.locator('.card .name').textContent()).toBe('Volodymyr Zelenskyy');
    await popup.close();
    await page.close();
  });

  it('switches the site off and on, and the open page follows without a reload', async () => {
    const page = await article();
    const popup = await popupFor(page);
    const toggle = popup.locator('.switch input');
    await expect.poll(() => toggle.isChecked()).toBe(true);
    await toggle.uncheck();
    await page.waitForFunction(() => document.querySelectorAll('backstory-mention').length === 0, undefined, { polling: 100 });
    await expect.poll(() => popup.locator('.state').textContent()).toMatch(/off on 127\.0\.0\.1/);
    await toggle.check();
    await page.waitForFunction(() => document.querySelectorAll('backstory-mention').length > 0, undefined, { polling: 100 });
    await popup.close();
    await page.close();
  });

  it('switches on a site that is not listed, asking for its permission, and marks the open page', async () => {
    const page = await ext.context.newPage();
    await page.goto(other.page('/on.html', articleHtml('Kim Jong Un', ARTICLE)));
    await page.waitForTimeout(800);
    expect(await page.locator('backstory-mention').count()).toBe(0);
    const popup = await popupFor(page);
    const toggle = popup.locator('.switch input');
    await expect.poll(() => toggle.isChecked()).toBe(false);
    await toggle.check();
    await page.waitForFunction(() => document.querySelectorAll('backstory-mention').length > 0, undefined, { polling: 100, timeout: 10_000 });
    await expect.poll(() => popup.locator('.switch').textContent()).toMatch(/On for 127\.0\.0\.2/);
    await popup.close();
    await page.close();
  });

  it('says so on pages it cannot run on, sites not listed, and pages with nothing found', async () => {
    // An extension page stands in for browser pages: its URL is readable without a host permission.
    const internal = await ext.openPage('src/options/index.html');
    let popup = await ext.openPage(`src/popup/index.html?tab=${await tabIdFromPage(ext, internal)}`);
    await expect.poll(() => popup.locator('.state').textContent()).toMatch(/does not run on browser pages/);
    await popup.close();
    await internal.close();

    const unlisted = await ext.context.newPage();
    await unlisted.goto(other.page('/u.html', articleHtml('Kim Jong Un', ARTICLE)));
    popup = await popupFor(unlisted);
    await expect.poll(() => popup.locator('.state').textContent()).toMatch(/not on the news list/);
    await popup.close();
    await unlisted.close();

    const empty = await ext.context.newPage();
    await empty.goto(server.page('/empty.html', articleHtml('Gardening', ['Tomatoes like sun and water.'])));
    await waitForAnnotation(empty);
    popup = await popupFor(empty);
    await expect.poll(() => popup.locator('.state').textContent()).toMatch(/No known people/);
    await popup.close();
    await empty.close();
  });

  /** Serves one article whose end the server holds back until release(): the tab keeps loading. */
  async function heldArticle(title: string, first: string[], rest: string[]): Promise<{ url: string; release(): void; close(): Promise<void> }> {
    const head = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>
<body><main><article><h1>${escapeHtml(title)}</h1>${first.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}`;
    const tail = `${rest.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}</article></main></body></html>`;
    let held: ServerResponse | undefined;
    let released = false;
    const slow = createServer((req, res) => {
      if (req.url !== '/held.html') {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.write(head);
      if (released) res.end(tail);
      else held = res;
    });
    await new Promise<void>((resolve) => slow.listen(0, '127.0.0.1', resolve));
    return {
      url: `http://127.0.0.1:${(slow.address() as AddressInfo).port}/held.html`,
      release() {
        released = true;
        held?.end(tail);
      },
      close() {
        slow.closeAllConnections();
        return new Promise((resolve) => slow.close(() => resolve()));
      },
    };
  }

  it('says the page is still loading, then lists its entities by itself once the page has loaded', async () => {
    const held = await heldArticle('Trump and Kim meet again', [ARTICLE[0] ?? ''], ARTICLE.slice(1));
    const page = await ext.context.newPage();
    try {
      await page.goto(held.url, { waitUntil: 'commit' });
      const popup = await watchedPopup(await tabIdFromPage(ext, page));
      await expect.poll(() => stateText(popup)).toMatch(/This page is still loading/);
      // It keeps waiting for the page rather than deciding the page cannot be read.
      await popup.waitForTimeout(1000);
      expect(await stateText(popup)).toMatch(/This page is still loading/);
      expect(await page.locator('backstory-mention').count()).toBe(0);
      held.release();
      // The same popup, never reopened, now lists what the whole page names, the held-back end included.
      await popup.waitForSelector('.entity[data-entity="vladimir-putin"]', { timeout: 15_000 });
      await popup.waitForSelector('.entity[data-entity="donald-trump"]');
      await expect.poll(() => popup.locator('.state, .progress').count()).toBe(0);
      const states = await seen(popup);
      expect(states.filter((text) => WRONG.test(text))).toEqual([]);
      expect(states.some((text) => /This page is still loading/.test(text))).toBe(true);
      await popup.close();
    } finally {
      await page.close();
      await held.close();
    }
  });

  it('says it is still reading the page until the first pass is done, then lists the entities by itself', async () => {
    // With a topic switched off, the page asks the worker what to leave out before its first pass;
    // holding the worker holds that pass, so the page is loaded but not read yet.
    await writeSettings(ext, { version: 1, packs: PACKS.filter((p) => p !== 'africa') });
    const page = await ext.context.newPage();
    const held = await holdWorker(ext, page);
    try {
      await page.goto(server.page('/first-pass.html', articleHtml('Trump and Kim meet again', ARTICLE)));
      const popup = await watchedPopup(await tabIdFromPage(ext, page));
      await expect.poll(() => stateText(popup)).toMatch(/Still reading the page/);
      await popup.waitForTimeout(1000);
      expect(await stateText(popup)).toMatch(/Still reading the page/);
      expect(await page.locator('backstory-mention').count()).toBe(0);
      await held.release();
      await waitForAnnotation(page);
      await popup.waitForSelector('.entity[data-entity="kim-jong-un"]', { timeout: 15_000 });
      await expect.poll(() => popup.locator('.state, .progress').count()).toBe(0);
      expect((await seen(popup)).filter((text) => WRONG.test(text))).toEqual([]);
      await popup.close();
    } finally {
      await held.release();
      await page.close();
    }
  });

  it('says Backstory is starting up while the worker does not answer, then shows the list, timeline and search', async () => {
    const page = await article();
    const tab = await tabIdFromPage(ext, page);
    const held = await holdWorker(ext, page);
    try {
      const popup = await watchedPopup(tab);
      await expect.poll(() => stateText(popup)).toMatch(/Backstory is starting up/);
      expect(await popup.locator('.entity').count()).toBe(0);
      // Search waits for the worker too, rather than finding nothing.
      await popup.locator('#search').fill('zelensk');
      await expect.poll(() => popup.locator('.hits .state').textContent()).toMatch(/Backstory is starting up/);
      await held.release();
      await popup.waitForSelector('.hit[data-entity="volodymyr-zelenskyy"]');
      await popup.locator('#search').fill('');
      await expectListedAndClose(popup);
    } finally {
      await held.release();
      await page.close();
    }
  });

  it('opens on a stopped worker, and waits through a worker stopped before it answers', async () => {
    const page = await article();
    const tab = await tabIdFromPage(ext, page);
    await stopWorker(ext, page);
    let popup = await watchedPopup(tab);
    await expectListedAndClose(popup);

    // The worker is stopped with the popup's request waiting in its queue, and has to start again.
    const busy = await busyWorker(ext, 20_000);
    popup = await watchedPopup(tab);
    await expect.poll(() => stateText(popup)).toMatch(/Backstory is starting up/);
    await stopWorker(ext, page);
    await busy.ended;
    await expectListedAndClose(popup);
    await page.close();
  });
});
