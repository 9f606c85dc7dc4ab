/**
 * The thin slice, end to end in real Chromium: a seed article served on 127.0.0.1 is
 * marked, hovering shows a card served by the worker, the popup lists the page's
 * entities, and an options change persists and takes effect.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DIST_E2E, launchExtension, tabIdOf, waitForAnnotation, type Extension } from '../support/extension';
import { startServer, type TestServer } from '../support/server';
import { hasShared, readSeeds } from '../support/shared';

const run = hasShared();

async function mentions(page: Page): Promise<{ id: string; text: string }[]> {
  return page.$$eval('backstory-mention', (els) => els.map((e) => ({ id: e.getAttribute('data-entity') ?? '', text: e.textContent ?? '' })));
}

describe.skipIf(!run)('seed article journey', () => {
  let ext: Extension;
  let server: TestServer;

  beforeAll(async () => {
    server = await startServer();
    ext = await launchExtension();
  });
  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  it('marks the actors of both seed articles and keeps the text identical', async () => {
    const seeds = readSeeds();
    for (const [i] of seeds.entries()) {
      const page = await ext.context.newPage();
      const url = `${server.url}/seed/${i}`;
      await page.goto(url);
      await waitForAnnotation(page);
      const found = await mentions(page);
      const ids = new Set(found.map((m) => m.id));
      for (const id of ['donald-trump', 'kim-jong-un', 'north-korea', 'united-states']) expect(ids, `seed ${i}: ${id}`).toContain(id);
      // Each mark wraps exactly matched text: no empty marks, no nested marks, no leading or trailing space.
      for (const m of found) {
        expect(m.text.trim()).toBe(m.text);
        expect(m.text.length).toBeGreaterThan(1);
      }
      expect(await page.$$eval('backstory-mention backstory-mention', (e) => e.length)).toBe(0);
      // The page text is still exactly what the server sent.
      const html = await (await fetch(url)).text();
      const same = await page.evaluate(
        (source) => document.body.textContent === new DOMParser().parseFromString(source, 'text/html').body.textContent,
        html,
      );
      expect(same).toBe(true);
      expect(await page.evaluate(() => performance.getEntriesByName('backstory:annotate', 'measure').length)).toBeGreaterThan(0);
      await page.close();
    }
  });

  it('shows a card from the worker when hovering a mention', async () => {
    const page = await ext.context.newPage();
    await page.goto(`${server.url}/seed/0`);
    await waitForAnnotation(page);
    const mention = page.locator('backstory-mention[data-entity="kim-jong-un"]').first();
    await mention.hover();
    const card = page.locator('backstory-card');
    await expect.poll(() => card.evaluate((el) => !(el as HTMLElement).hidden), { timeout: 5000 }).toBe(true);
    const shadow = await card.evaluate((el) => ({
      mode: el.shadowRoot ? 'open' : 'closed',
      name: el.shadowRoot?.querySelector('.name')?.textContent ?? '',
      badge: el.shadowRoot?.querySelector('.badge')?.textContent ?? '',
      summary: el.shadowRoot?.querySelector('.summary')?.textContent ?? '',
      role: el.shadowRoot?.querySelector('[role="dialog"]')?.getAttribute('aria-labelledby') ?? '',
    }));
    expect(shadow.mode).toBe('open');
    expect(shadow.name).toBe('Kim Jong Un');
    expect(shadow.badge).toBe('Person');
    expect(shadow.summary.length).toBeGreaterThan(40);
    expect(shadow.role).not.toBe('');
    expect(await mention.getAttribute('aria-expanded')).toBe('true');
    // The card text is not in the content script: it came from the worker.
    const assets = join(DIST_E2E, 'assets');
    const contentJs = readdirSync(assets).filter((f) => f.includes('index.ts') || f.startsWith('index'));
    const manifest = JSON.parse(readFileSync(join(DIST_E2E, 'manifest.json'), 'utf8')) as { content_scripts: { js: string[] }[] };
    const scripts = manifest.content_scripts.flatMap((c) => c.js);
    expect(scripts.length + contentJs.length).toBeGreaterThan(0);
    for (const file of scripts) {
      const source = readFileSync(join(DIST_E2E, file), 'utf8');
      expect(source.includes(shadow.summary.slice(0, 60))).toBe(false);
    }
    await page.close();
  });

  it('lists the page entities in the popup', async () => {
    const page = await ext.context.newPage();
    await page.goto(`${server.url}/seed/1`);
    await waitForAnnotation(page);
    const tabId = await tabIdOf(ext, page);
    const popup = await ext.openPage(`src/popup/index.html?tab=${tabId}`);
    await popup.waitForSelector('.entity');
    const names = await popup.$$eval('.entity .entity-name > span:first-child', (els) => els.map((e) => e.textContent));
    for (const n of ['Donald Trump', 'Kim Jong Un', 'North Korea', 'Russia', 'China']) expect(names).toContain(n);
    await popup.close();
    await page.close();
  });

  it('saves an options change that persists and reaches the page', async () => {
    const options = await ext.openPage('src/options/index.html');
    const person = options.locator('input[name="type-person"]');
    await expect.poll(() => person.isChecked()).toBe(true);
    await person.uncheck();
    await options.waitForTimeout(300);
    await options.reload();
    await expect.poll(() => options.locator('input[name="type-person"]').isChecked()).toBe(false);

    const page = await ext.context.newPage();
    await page.goto(`${server.url}/seed/0`);
    await waitForAnnotation(page);
    const types = new Set(await page.$$eval('backstory-mention', (els) => els.map((e) => e.getAttribute('data-type'))));
    expect(types.has('person')).toBe(false);
    expect(types.has('country')).toBe(true);

    await options.locator('input[name="type-person"]').check();
    await page.reload();
    await waitForAnnotation(page);
    expect(await page.locator('backstory-mention[data-type="person"]').count()).toBeGreaterThan(0);
    await options.close();
    await page.close();
  });
});
