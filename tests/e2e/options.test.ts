/**
 * The options page: turning sites off and on, adding and removing a site through the real
 * permission and registration path, import and export, corrupt storage, and each
 * preference reaching an open page without a reload.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, waitForAnnotation, type Extension } from '../support/extension';
import { articleHtml, startServer, type TestServer } from '../support/server';
import { readSettings, writeSettings } from '../support/settings';

const ARTICLE = ['Kim Jong Un met Donald Trump in Singapore. North Korea and the United States talked.', 'Kim Jong Un and North Korea again.'];
const count = (page: Page, sel = 'backstory-mention') => page.evaluate((s) => document.querySelectorAll(s).length, sel);
const poll = { polling: 100, timeout: 10_000 } as const;

describe('options', () => {
  let ext: Extension;
  let server: TestServer;
  let other: TestServer;
  let url: string;

  beforeAll(async () => {
    server = await startServer();
    other = await startServer('127.0.0.2');
    url = server.page('/a.html', articleHtml('Kim and Trump', ARTICLE));
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

  async function article(target = url): Promise<Page> {
    const page = await ext.context.newPage();
    await page.goto(target);
    await waitForAnnotation(page);
    return page;
  }

  it('turns a listed site off and on, with the open tab following at once', async () => {
    const page = await article();
    const before = await page.evaluate(() => document.body.innerHTML);
    expect(await count(page)).toBeGreaterThan(0);
    const options = await ext.openPage('src/options/index.html');
    await options.locator('input[name="site-127.0.0.1"]').uncheck();
    await page.waitForFunction(() => document.querySelectorAll('backstory-mention').length === 0, undefined, poll);
    expect(await page.evaluate(() => document.body.innerHTML)).toBe(before.replace(/<backstory-mention[^>]*>|<\/backstory-mention>/g, ''));
    await options.locator('input[name="site-127.0.0.1"]').check();
    await page.waitForFunction(() => document.querySelectorAll('backstory-mention').length > 0, undefined, poll);
    await options.close();
    await page.close();
  });

  it('adds a site through the permission flow, registers the script, and removes it again', async () => {
    const target = other.page('/b.html', articleHtml('Kim and Trump', ARTICLE));
    const before = await ext.context.newPage();
    await before.goto(target);
    await before.waitForTimeout(1200);
    expect(await count(before)).toBe(0);
    await before.close();

    const options = await ext.openPage('src/options/index.html');
    await options.locator('#new-site').fill('127.0.0.2');
    await options.locator('form.add-site button[type="submit"]').click();
    await options.waitForSelector('.added li');
    const registered = await ext.worker.evaluate(async () => {
      const api = (globalThis as unknown as { chrome: { scripting: { getRegisteredContentScripts(): Promise<{ id: string; matches?: string[] }[]> } } }).chrome;
      return api.scripting.getRegisteredContentScripts();
    });
    expect(registered).toEqual([expect.objectContaining({ id: 'backstory-added-sites', matches: ['*://127.0.0.2/*'] })]);

    const page = await article(target);
    expect(await count(page)).toBeGreaterThan(0);
    await page.close();

    await options.locator('.added button').click();
    await expect.poll(() => ext.worker.evaluate(async () => {
      const api = (globalThis as unknown as { chrome: { scripting: { getRegisteredContentScripts(): Promise<unknown[]> } } }).chrome;
      return (await api.scripting.getRegisteredContentScripts()).length;
    })).toBe(0);
    const after = await ext.context.newPage();
    await after.goto(target);
    await after.waitForTimeout(1200);
    expect(await count(after)).toBe(0);
    await after.close();
    await options.close();
  });

  it('exports and imports settings, and a bad file changes nothing', async () => {
    const options = await ext.openPage('src/options/index.html');
    await options.locator('input[name="density"][value="all"]').check();
    await options.waitForTimeout(200);
    const download = options.waitForEvent('download');
    await options.locator('button[name="export"]').click();
    const file = await (await download).path();
    const exported = JSON.parse(readFileSync(file, 'utf8')) as { kind: string; settings: { density: string } };
    expect(exported.kind).toBe('backstory-settings');
    expect(exported.settings.density).toBe('all');

    await options.locator('input[name="density"][value="first-on-page"]').check();
    await options.locator('input[name="import"]').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"kind":"backstory-settings","settings":{"density":"loud","addedSites":[]}}') });
    await expect.poll(() => options.locator('.backup .error').textContent()).toMatch(/Nothing was changed/);
    expect(await options.locator('input[name="density"][value="first-on-page"]').isChecked()).toBe(true);

    await options.locator('input[name="import"]').setInputFiles({ name: 'good.json', mimeType: 'application/json', buffer: readFileSync(file) });
    await expect.poll(() => options.locator('input[name="density"][value="all"]').isChecked()).toBe(true);

    await options.locator('button[name="reset"]').click();
    await options.locator('button[name="confirm-reset"]').click();
    await expect.poll(() => options.locator('input[name="density"][value="first-per-block"]').isChecked()).toBe(true);
    await options.close();
  });

  it('recovers from corrupt storage without losing the site list', async () => {
    await writeSettings(ext, { version: 1, density: 42, hoverDelay: 'slow', addedSites: ['example.org', 7], disabledSites: ['cnn.com'], mutedEntities: ['kim-jong-un'] });
    const options = await ext.openPage('src/options/index.html');
    await options.waitForSelector('input[name="density"]');
    expect(await options.locator('input[name="density"][value="first-per-block"]').isChecked()).toBe(true);
    expect(await options.locator('input[name="site-cnn.com"]').isChecked()).toBe(false);
    expect(await options.locator('.added li span').allTextContents()).toEqual(['example.org']);
    await options.locator('input[name="density"][value="all"]').check();
    await options.waitForTimeout(200);
    expect(await readSettings(options)).toMatchObject({ density: 'all', addedSites: ['example.org'], disabledSites: ['cnn.com'], mutedEntities: ['kim-jong-un'] });
    await options.close();
  });

  it('sends every preference to an open page without a reload', async () => {
    const page = await article();
    const options = await ext.openPage('src/options/index.html');

    // Density: every mention visible, then only the first on the page.
    await options.locator('input[name="density"][value="all"]').check();
    await page.waitForFunction(() => document.querySelectorAll('backstory-mention[data-quiet]').length === 0, undefined, poll);
    await options.locator('input[name="density"][value="first-on-page"]').check();
    await page.waitForFunction(() => {
      const visible = [...document.querySelectorAll('backstory-mention:not([data-quiet])')].map((m) => m.getAttribute('data-entity'));
      return visible.length > 0 && new Set(visible).size === visible.length && document.querySelectorAll('backstory-mention[data-quiet]').length > 0;
    }, undefined, poll);

    // Mark style reaches the page's stylesheet.
    await options.locator('input[name="markStyle"][value="background"]').check();
    await page.waitForFunction(() => getComputedStyle(document.querySelector('backstory-mention:not([data-quiet])') as Element).backgroundImage.includes('linear-gradient'), undefined, poll);

    // Entity types off and on again.
    await options.locator('input[name="type-person"]').uncheck();
    await page.waitForFunction(() => document.querySelectorAll('backstory-mention[data-type="person"]').length === 0, undefined, poll);
    await options.locator('input[name="type-person"]').check();
    await page.waitForFunction(() => document.querySelectorAll('backstory-mention[data-type="person"]').length > 0, undefined, poll);

    // Hover delay: a long delay keeps the card closed at 600 ms.
    await options.locator('#hoverDelay').fill('1500');
    await options.locator('#hoverDelay').press('Tab');
    await options.waitForTimeout(300);
    await page.bringToFront();
    await page.locator('backstory-mention[data-entity="kim-jong-un"]').first().hover();
    await page.waitForTimeout(700);
    expect(await page.evaluate(() => (document.querySelector('backstory-card') as HTMLElement | null)?.hidden ?? true)).toBe(true);
    await page.waitForFunction(() => (document.querySelector('backstory-card') as HTMLElement | null)?.hidden === false, undefined, poll);

    // Theme: dark forced from the options reaches the card.
    await page.mouse.move(5, 700);
    await options.locator('#theme').selectOption('dark');
    await options.waitForTimeout(300);
    await page.bringToFront();
    await page.locator('backstory-mention[data-entity="donald-trump"]').first().hover();
    await page.waitForFunction(() => document.querySelector('backstory-card')?.shadowRoot?.querySelector('.frame.theme-dark') !== null, undefined, poll);
    await options.close();
    await page.close();
  });

  it('switches knowledge-base packs off and on, on an open page', async () => {
    const page = await article();
    const options = await ext.openPage('src/options/index.html');
    // Kim Jong Un belongs to the Korea, world and security packs: all off, and he is no longer marked.
    for (const pack of ['korea', 'world', 'security']) await options.locator(`input[name="pack-${pack}"]`).uncheck();
    await page.waitForFunction(() => document.querySelectorAll('backstory-mention[data-entity="kim-jong-un"]').length === 0, undefined, poll);
    expect(await count(page, 'backstory-mention[data-entity="united-states"]')).toBeGreaterThan(0);
    await options.locator('input[name="pack-korea"]').check();
    await page.waitForFunction(() => document.querySelectorAll('backstory-mention[data-entity="kim-jong-un"]').length > 0, undefined, poll);
    await options.close();
    await page.close();
  });

  it('mutes an entity from the card menu, and unmutes it from the options', async () => {
    const page = await article();
    await page.locator('backstory-mention[data-entity="kim-jong-un"]').first().click();
    await page.locator('backstory-card').locator('button.more').click();
    await page.locator('backstory-card').locator('.menu-item', { hasText: "Don't mark" }).click();
    await page.waitForFunction(() => document.querySelectorAll('backstory-mention[data-entity="kim-jong-un"]').length === 0, undefined, poll);
    const options = await ext.openPage('src/options/index.html');
    await options.getByRole('button', { name: 'Mark again' }).click();
    await page.waitForFunction(() => document.querySelectorAll('backstory-mention[data-entity="kim-jong-un"]').length > 0, undefined, poll);
    await options.close();
    await page.close();
  });
});
