/** The popup: its states, the site switch, jumping to mentions, the timeline and search. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, tabIdOf, waitForAnnotation, type Extension } from '../support/extension';
import { articleHtml, startServer, type TestServer } from '../support/server';
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

  async function popupFor(page: Page): Promise<Page> {
    return ext.openPage(`src/popup/index.html?tab=${await tabIdOf(ext, page)}`);
  }

  it('groups the page entities by type, most prominent first, with counts', async () => {
    const page = await article();
    const popup = await popupFor(page);
    await popup.waitForSelector('.entity');
    const groups = await popup.$$eval('.groups section[aria-labelledby^="g-"] h2', (els) => els.map((e) => e.textContent));
    expect(groups.slice(0, 2)).toEqual(['Person', 'Country']);
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
    let popup = await ext.openPage(`src/popup/index.html?tab=${await tabIdOf(ext, internal)}`);
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
});
