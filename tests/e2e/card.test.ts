/**
 * The card as a reader meets it: hover intent (and the card prepared, hidden, during the
 * dwell), keyboard, related navigation, pinning, and its isolation from hostile pages, dark
 * themes, RTL text and a stopped worker.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, waitForAnnotation, watchWorker, type Extension } from '../support/extension';
import { articleHtml, startServer, type TestServer } from '../support/server';
import { cardState, clickInCard, waitForCard, waitForNoCard } from '../support/card';
import { writeSettings } from '../support/settings';

const PARAGRAPHS = [
  'Kim Jong Un met Donald Trump in Singapore. Later, Moscow and Beijing watched closely.',
  'Analysts in Seoul say North Korea has grown closer to Russia since the invasion of Ukraine.',
];

describe('background cards', () => {
  let ext: Extension;
  let server: TestServer;
  let url: string;

  beforeAll(async () => {
    server = await startServer();
    url = server.page('/article.html', articleHtml('Kim and Trump', PARAGRAPHS));
    ext = await launchExtension();
  });
  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  async function open(target = url): Promise<Page> {
    const page = await ext.context.newPage();
    await page.goto(target);
    await waitForAnnotation(page);
    return page;
  }

  const mention = (page: Page, id: string) => page.locator(`backstory-mention[data-entity="${id}"]`).first();

  it('shows on hover after the delay and hides after the grace period', async () => {
    const page = await open();
    await mention(page, 'kim-jong-un').hover();
    await page.waitForTimeout(250);
    expect((await cardState(page)).visible).toBe(false);
    await waitForCard(page, 'Kim Jong Un');
    // Leave, then reach the card within the grace period: it stays.
    const rect = (await cardState(page)).rect;
    expect(rect).not.toBeNull();
    await page.mouse.move(5, 5);
    await page.waitForTimeout(100);
    if (rect) await page.mouse.move(rect.x + rect.width / 2, rect.y + 20);
    await page.waitForTimeout(600);
    expect((await cardState(page)).visible).toBe(true);
    await page.mouse.move(5, 5);
    await waitForNoCard(page, 2000);
    await page.close();
  });

  it('never shows before the delay, counted from the pointer\'s arrival', async () => {
    const page = await open();
    await page.evaluate(() => {
      const w = window as unknown as { arrived?: number; shown?: number };
      document.querySelector('backstory-mention[data-entity="kim-jong-un"]')?.addEventListener('pointerover', (e) => { w.arrived ??= e.timeStamp; });
      new MutationObserver(() => {
        const host = document.querySelector('backstory-card') as HTMLElement | null;
        if (host && !host.hidden) w.shown ??= performance.now();
      }).observe(document.documentElement, { subtree: true, attributes: true, attributeFilter: ['hidden'] });
    });
    await mention(page, 'kim-jong-un').hover();
    await waitForCard(page, 'Kim Jong Un');
    const { arrived, shown } = await page.evaluate(() => {
      const w = window as unknown as { arrived: number; shown: number };
      return { arrived: w.arrived, shown: w.shown };
    });
    expect(arrived).toBeGreaterThan(0);
    expect(shown - arrived).toBeGreaterThanOrEqual(500);
    await page.close();
  });

  it('prepares the card during the dwell out of sight, reach, focus and the accessibility tree', async () => {
    // A long delay keeps the prepared card around long enough to look at it.
    await writeSettings(ext, { version: 1, hoverDelay: 2000 });
    try {
      const page = await open();
      const cdp = await ext.context.newCDPSession(page);
      await cdp.send('Accessibility.enable');
      type AXNode = { ignored: boolean; role?: { value?: unknown }; name?: { value?: unknown } };
      const dialogs = async (): Promise<AXNode[]> =>
        ((await cdp.send('Accessibility.getFullAXTree')).nodes as AXNode[]).filter((n) => !n.ignored && n.role?.value === 'dialog');

      await mention(page, 'kim-jong-un').hover();
      await page.waitForFunction(() => document.querySelector('backstory-card')?.hasAttribute('data-prerender'), undefined, { timeout: 1500 });
      const prepared = await page.evaluate(() => {
        const host = document.querySelector('backstory-card') as HTMLElement;
        const frame = host.shadowRoot?.querySelector('.frame') as HTMLElement;
        const r = frame.getBoundingClientRect();
        const button = frame.querySelector('button') as HTMLButtonElement;
        button.focus();
        return {
          hidden: host.hidden,
          name: frame.querySelector('.name')?.textContent,
          width: r.width,
          hit: document.elementFromPoint(r.x + r.width / 2, r.y + Math.min(r.height / 2, 40))?.localName,
          focused: document.activeElement?.localName ?? null,
        };
      });
      // Rendered and laid out, yet hidden: the pointer reaches the page beneath and focus cannot enter.
      expect(prepared).toMatchObject({ hidden: true, name: 'Kim Jong Un' });
      expect(prepared.width).toBeGreaterThan(0);
      expect(prepared.hit).not.toBe('backstory-card');
      expect(prepared.focused).not.toBe('backstory-card');
      expect((await cardState(page)).visible).toBe(false);
      expect(await dialogs()).toEqual([]);

      // At the delay it shows, and is then announced as a dialog named after the entity.
      await waitForCard(page, 'Kim Jong Un', 4000);
      expect((await cardState(page)).visible).toBe(true);
      expect((await dialogs()).map((n) => n.name?.value)).toEqual(['Kim Jong Un']);
      await page.mouse.move(5, 600);
      await waitForNoCard(page);

      // A dwell that ends before the delay drops what it prepared, and nothing opens.
      await mention(page, 'donald-trump').hover();
      await page.waitForFunction(() => document.querySelector('backstory-card')?.hasAttribute('data-prerender'), undefined, { timeout: 1500 });
      await page.mouse.move(5, 600);
      expect(await page.evaluate(() => document.querySelector('backstory-card')?.hasAttribute('data-prerender'))).toBe(false);
      await page.waitForTimeout(2200);
      expect((await cardState(page)).visible).toBe(false);
      await page.close();
    } finally {
      await writeSettings(ext, { version: 1 });
    }
  });

  it('opens nothing on a quick brush across the text', async () => {
    const page = await open();
    const box = await mention(page, 'kim-jong-un').boundingBox();
    if (!box) throw new Error('no mention box');
    for (let x = box.x; x < box.x + 600; x += 40) {
      await page.mouse.move(x, box.y + box.height / 2);
      await page.waitForTimeout(15);
    }
    await page.mouse.move(5, 500);
    await page.waitForTimeout(900);
    expect((await cardState(page)).visible).toBe(false);
    await page.close();
  });

  it('opens from the keyboard, closes with Escape and returns focus', async () => {
    const page = await open();
    const focusable = await page.$$eval('backstory-mention[tabindex="0"]', (els) => els.map((e) => e.getAttribute('data-entity')));
    // One tab stop per entity, not one per mention.
    expect(new Set(focusable).size).toBe(focusable.length);
    await mention(page, 'kim-jong-un').focus();
    await waitForCard(page, 'Kim Jong Un');
    expect(await mention(page, 'kim-jong-un').getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('Tab');
    const inCard = await page.evaluate(() => document.activeElement?.localName === 'backstory-card');
    expect(inCard).toBe(true);
    await page.keyboard.press('Escape');
    await waitForNoCard(page);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-entity'))).toBe('kim-jong-un');
    await page.close();
  });

  it('navigates to a related entity in place and back', async () => {
    const page = await open();
    await mention(page, 'kim-jong-un').click();
    await waitForCard(page, 'Kim Jong Un');
    await clickInCard(page, '.related .chip');
    await page.waitForFunction(() => document.querySelector('backstory-card')?.shadowRoot?.querySelector('.name')?.textContent !== 'Kim Jong Un');
    const other = (await cardState(page)).name;
    expect(other).not.toBe('');
    await clickInCard(page, 'button.back');
    await waitForCard(page, 'Kim Jong Un');
    await page.close();
  });

  it('keeps a clicked card pinned until dismissed', async () => {
    const page = await open();
    await mention(page, 'donald-trump').click();
    await waitForCard(page, 'Donald Trump');
    await page.mouse.move(5, 600);
    await page.waitForTimeout(900);
    expect((await cardState(page)).visible).toBe(true);
    await page.mouse.click(5, 600);
    await waitForNoCard(page);
    await page.close();
  });

  it('is untouched by a hostile page stylesheet and above fixed headers', async () => {
    const hostile = `<style>
      * { all: revert; } div, span, p, h2, button { display: inline !important; font-size: 40px !important; color: red !important; background: lime !important; }
      html { font-size: 64px !important; } body { margin: 0; }
      header.fixed { position: fixed; top: 0; left: 0; right: 0; height: 120px; background: black; z-index: 2147483647; }
      backstory-card { display: none !important; opacity: 0 !important; }
    </style>`;
    const page = await open(server.page('/hostile.html', articleHtml('Hostile', PARAGRAPHS, hostile).replace('<body>', '<body><header class="fixed">Header</header><div style="height:140px"></div>')));
    await mention(page, 'kim-jong-un').hover();
    await waitForCard(page, 'Kim Jong Un');
    const style = await page.evaluate(() => {
      const root = document.querySelector('backstory-card')?.shadowRoot;
      const summary = root?.querySelector('.summary') as HTMLElement;
      const frame = root?.querySelector('.frame') as HTMLElement;
      const cs = getComputedStyle(summary);
      const r = frame.getBoundingClientRect();
      const top = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
      return { size: cs.fontSize, color: cs.color, display: getComputedStyle(frame).display, onTop: top?.localName };
    });
    expect(style.size).toBe('14px');
    expect(style.color).not.toBe('rgb(255, 0, 0)');
    expect(style.display).toBe('flex');
    expect(style.onTop).toBe('backstory-card');
    await page.close();
  });

  it('never covers its own mention, near every edge', async () => {
    const page = await ext.context.newPage();
    await page.setViewportSize({ width: 800, height: 500 });
    await page.goto(server.page('/edges.html', `<!doctype html><meta charset="utf-8"><title>Edges</title>
      <style>p{position:fixed;margin:0}</style><p style="top:2px;left:2px">Kim Jong Un</p><p style="top:2px;right:2px">Moscow</p>
      <p style="bottom:2px;left:2px">Seoul</p><p style="bottom:2px;right:2px">Beijing</p>`));
    await waitForAnnotation(page);
    for (const id of ['kim-jong-un', 'moscow', 'seoul', 'beijing']) {
      const m = mention(page, id);
      await m.hover();
      await waitForCard(page);
      const card = (await cardState(page)).rect;
      const box = await m.boundingBox();
      if (!card || !box) throw new Error('missing boxes');
      const overlaps = card.x < box.x + box.width && box.x < card.x + card.width && card.y < box.y + box.height && box.y < card.y + card.height;
      expect(overlaps, id).toBe(false);
      expect(card.x).toBeGreaterThanOrEqual(0);
      expect(card.y).toBeGreaterThanOrEqual(0);
      expect(card.x + card.width).toBeLessThanOrEqual(800);
      expect(card.y + card.height).toBeLessThanOrEqual(500);
      await page.mouse.move(400, 250);
      await waitForNoCard(page, 2000);
    }
    await page.close();
  });

  it('works on a right-to-left page', async () => {
    const rtl = `<!doctype html><html dir="rtl" lang="ar"><head><meta charset="utf-8"><title>RTL</title></head><body>
      <p>التقى Kim Jong Un مع Donald Trump في سنغافورة عام 2018.</p></body></html>`;
    const page = await open(server.page('/rtl.html', rtl));
    await mention(page, 'kim-jong-un').hover();
    await waitForCard(page, 'Kim Jong Un');
    await page.close();
  });

  it('keeps working after the service worker was stopped', async () => {
    const page = await open();
    await mention(page, 'kim-jong-un').hover();
    await waitForCard(page, 'Kim Jong Un');
    await page.mouse.move(5, 600);
    await waitForNoCard(page);
    const watch = await watchWorker(ext, page);
    await watch.stopAll();
    await expect.poll(() => watch.statuses.at(-1), { timeout: 5000 }).toBe('stopped');
    await mention(page, 'donald-trump').hover();
    await waitForCard(page, 'Donald Trump', 8000);
    // The card was never fetched before the stop, so the worker had to start again to serve it.
    expect(watch.statuses.slice(watch.statuses.lastIndexOf('stopped'))).toContain('running');
    await watch.detach();
    await page.close();
  });

  it('opens on a tap and closes on a tap outside', async () => {
    const touch = await launchExtension({ touch: true });
    try {
      const page = await touch.context.newPage();
      await page.goto(url);
      await waitForAnnotation(page);
      await page.locator('backstory-mention[data-entity="kim-jong-un"]').first().tap();
      await waitForCard(page, 'Kim Jong Un');
      await page.touchscreen.tap(5, 600);
      await waitForNoCard(page);
    } finally {
      await touch.close();
    }
  });

  it('follows the dark theme', async () => {
    const dark = await launchExtension({ colorScheme: 'dark' });
    try {
      const page = await dark.context.newPage();
      await page.goto(url);
      await waitForAnnotation(page);
      await page.locator('backstory-mention[data-entity="kim-jong-un"]').first().hover();
      await waitForCard(page, 'Kim Jong Un');
      const bg = await page.evaluate(() => {
        const frame = document.querySelector('backstory-card')?.shadowRoot?.querySelector('.card') as HTMLElement;
        return getComputedStyle(frame).backgroundColor;
      });
      expect(bg).toBe('rgb(30, 34, 39)');
    } finally {
      await dark.close();
    }
  });
});
