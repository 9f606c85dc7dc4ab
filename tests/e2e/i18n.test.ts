/** A French browser gets Backstory's French interface, from _locales through browser.i18n. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, type Extension } from '../support/extension';

describe('French interface', () => {
  let ext: Extension;
  beforeAll(async () => {
    ext = await launchExtension({ lang: 'fr' });
  });
  afterAll(async () => {
    await ext?.close();
  });

  it('shows the options and the popup in French', async () => {
    const options = await ext.openPage('src/options/index.html');
    await expect.poll(() => options.locator('h1').textContent()).toBe('Réglages de Backstory');
    expect(await options.evaluate(() => document.documentElement.lang)).toMatch(/^fr/);
    const popup = await ext.openPage('src/popup/index.html');
    await expect.poll(() => popup.locator('#search').getAttribute('placeholder')).toBe('Personnes, lieux, événements…');
  });
});
