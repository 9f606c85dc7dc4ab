/**
 * Where the card goes and how it reads: next to a mention inside a scrolled box and following
 * it, under real browser zoom (chrome.tabs.setZoom) at 200 % and 50 %, and with WCAG 2.2 AA
 * contrast for every piece of text in the card and for the mention's mark, in both themes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, tabIdOf, waitForAnnotation, type Extension } from '../support/extension';
import { articleHtml, startServer, type TestServer } from '../support/server';
import { writeSettings } from '../support/settings';
import { cardContrast, cardGeometry, cardSettled, gap, markContrast, overlaps, waitForCard, waitForNoCard, type CardGeometry, type ContrastEntry } from '../support/card';

/** Floating UI's offset(6) between mention and card, plus a pixel of rounding. */
const MAX_GAP = 7;
const CARD_WIDTH = 360;
const CARD_MAX_HEIGHT = 440;

const KIM = 'backstory-mention[data-entity="kim-jong-un"]';

/** The entrance slide is over and two frames have passed: autoUpdate has placed the card after a scroll. */
const frames = cardSettled;

function expectBeside(g: CardGeometry, label: string): void {
  expect(overlaps(g.card, g.mention), `${label}: the card covers its mention`).toBe(false);
  const { dx, dy } = gap(g.card, g.mention);
  // Above or below the mention, touching its columns, at the offset.
  expect(dx, `${label}: horizontal gap`).toBe(0);
  expect(dy, `${label}: vertical gap`).toBeGreaterThan(0);
  expect(dy, `${label}: vertical gap`).toBeLessThanOrEqual(MAX_GAP);
}

function expectInViewport(g: CardGeometry, label: string): void {
  expect(g.card.x, `${label}: left`).toBeGreaterThanOrEqual(0);
  expect(g.card.y, `${label}: top`).toBeGreaterThanOrEqual(0);
  expect(g.card.x + g.card.width, `${label}: right`).toBeLessThanOrEqual(g.viewport.width);
  expect(g.card.y + g.card.height, `${label}: bottom`).toBeLessThanOrEqual(g.viewport.height);
}

function failures(entries: ContrastEntry[]): string[] {
  return entries.filter((e) => e.ratio < e.required).map((e) => `${e.where} "${e.text}": ${e.fg} on ${e.bg} = ${e.ratio}:1 < ${e.required}:1`);
}

describe('card layout and contrast', () => {
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

  async function open(path: string, html: string): Promise<Page> {
    const page = await ext.context.newPage();
    await page.goto(server.page(path, html));
    await waitForAnnotation(page);
    return page;
  }

  it('opens next to a mention in a scrolled box and follows it as the box scrolls', async () => {
    const page = await open('/scroller.html', `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Scroller</title>
      <style>body { margin: 0; font: 16px/1.5 serif; } #box { position: absolute; top: 120px; left: 80px; width: 520px; height: 300px; overflow: auto; border: 1px solid #888; }</style>
      </head><body><div id="box"><div style="height: 500px"></div>
      <p>Analysts say Kim Jong Un has grown closer to Moscow.</p><div style="height: 900px"></div></div></body></html>`);
    // Scroll the box so the mention sits about 100 px below the box's top.
    await page.evaluate((sel) => {
      const box = document.getElementById('box') as HTMLElement;
      const m = document.querySelector(sel) as HTMLElement;
      box.scrollTop = m.getBoundingClientRect().top - box.getBoundingClientRect().top - 100;
    }, KIM);
    expect(await page.evaluate(() => (document.getElementById('box') as HTMLElement).scrollTop)).toBeGreaterThan(300);
    await page.locator(KIM).hover();
    await waitForCard(page, 'Kim Jong Un');
    await frames(page);
    const first = await cardGeometry(page, KIM);
    expect(first.visible).toBe(true);
    expectBeside(first, 'opened');
    // Pin it (a click), so moving the mention away from the pointer does not close it.
    await page.locator(KIM).click();
    await waitForCard(page, 'Kim Jong Un');
    await frames(page);

    for (const by of [60, -110]) {
      const before = await cardGeometry(page, KIM);
      await page.evaluate((d) => { (document.getElementById('box') as HTMLElement).scrollTop += d; }, by);
      await frames(page);
      const after = await cardGeometry(page, KIM);
      // The mention moved with the box, and the card moved with the mention.
      expect(after.mention.y, `mention after scrolling by ${by}`).toBeCloseTo(before.mention.y - by, 0);
      expect(after.card.y - after.mention.y, `card follows (scrolled by ${by})`).toBeCloseTo(before.card.y - before.mention.y, 0);
      expect(after.card.x).toBeCloseTo(before.card.x, 0);
      expect(after.visible).toBe(true);
      expectBeside(after, `scrolled by ${by}`);
    }

    // Scrolled out of the box's view, the mention takes its card out of sight with it…
    await page.evaluate(() => { (document.getElementById('box') as HTMLElement).scrollTop += 400; });
    await frames(page);
    const gone = await cardGeometry(page, KIM);
    expect(gone.mention.y + gone.mention.height).toBeLessThan(121);
    expect(gone.visible, 'a card whose mention is scrolled away is hidden').toBe(false);
    // …and brings it back, still attached, when scrolled back into view.
    await page.evaluate(() => { (document.getElementById('box') as HTMLElement).scrollTop -= 400; });
    await frames(page);
    const back = await cardGeometry(page, KIM);
    expect(back.visible).toBe(true);
    expectBeside(back, 'scrolled back');
    await page.close();
  });

  for (const zoom of [2, 0.5]) {
    it(`stays in the viewport, beside its mention and at its maximum size at ${zoom * 100} % zoom`, async () => {
      const page = await open(`/zoom-${zoom}.html`, `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Zoom</title>
        <style>body { margin: 0; font: 16px/1.5 serif; } p { margin: 0; } .top { padding: 40px 24px; } .corner { position: fixed; right: 4px; bottom: 4px; }</style>
        </head><body><p class="top">Analysts say Kim Jong Un has grown closer to Moscow.</p>
        <p class="corner">Donald Trump</p></body></html>`);
      const tab = await tabIdOf(ext, page);
      // Real browser zoom, as the reader sets it: CSS pixels grow, the viewport shrinks (or grows).
      await ext.worker.evaluate(async ([t, f]) => {
        const api = (globalThis as unknown as { chrome: { tabs: { setZoom(t: number, f: number): Promise<void> } } }).chrome;
        await api.tabs.setZoom(t, f);
      }, [tab, zoom] as const);
      await page.waitForFunction((z) => Math.abs(window.devicePixelRatio - z) < 0.01, zoom);
      const viewport = await page.evaluate(() => ({ width: document.documentElement.clientWidth, height: document.documentElement.clientHeight }));
      expect(Math.abs(viewport.width - 1200 / zoom), `viewport ${viewport.width} px wide at ${zoom * 100} %`).toBeLessThan(40);

      for (const [sel, name] of [[KIM, 'Kim Jong Un'], ['backstory-mention[data-entity="donald-trump"]', 'Donald Trump']] as const) {
        await page.locator(sel).hover();
        await waitForCard(page, name);
        await frames(page);
        const g = await cardGeometry(page, sel);
        const label = `${name} at ${zoom * 100} %`;
        expect(g.visible, label).toBe(true);
        expectInViewport(g, label);
        expectBeside(g, label);
        // Its full width in CSS pixels, and no taller than its maximum: long content scrolls inside.
        expect(g.card.width, `${label}: width`).toBeCloseTo(CARD_WIDTH, 0);
        expect(g.card.height, `${label}: height`).toBeLessThanOrEqual(Math.min(CARD_MAX_HEIGHT, g.maxHeight) + 0.5);
        expect(g.body.scrollHeight, `${label}: the body overflows`).toBeGreaterThan(g.body.clientHeight);
        if (zoom < 1) expect(g.card.height, `${label}: full height when there is room`).toBeCloseTo(CARD_MAX_HEIGHT, 0);
        const scrolled = await page.evaluate(() => {
          const body = document.querySelector('backstory-card')?.shadowRoot?.querySelector('.card-body') as HTMLElement;
          body.scrollTop = 120;
          return body.scrollTop;
        });
        expect(scrolled, `${label}: the body scrolls`).toBeGreaterThan(0);
        const again = await cardGeometry(page, sel);
        expect(again.card, `${label}: scrolling inside moves nothing`).toEqual(g.card);
        await page.mouse.move(2, 2);
        await waitForNoCard(page, 2000);
      }
      await page.close();
    });
  }

  for (const theme of ['light', 'dark'] as const) {
    it(`meets WCAG AA contrast in the ${theme} theme`, async () => {
      await writeSettings(ext, { version: 1, theme });
      try {
        const pageStyle = theme === 'dark' ? '<style>html { background: #121212; color: #e8e8e8; }</style>' : '';
        const page = await open(`/contrast-${theme}.html`, articleHtml('Contrast', [
          'Kim Jong Un met Donald Trump in Singapore in 2018.',
        ], pageStyle));
        const mark = await markContrast(page, KIM);
        expect(mark.map((e) => e.text)).toEqual(['text', 'underline']);
        // Keyboard focus: the focus ring and the "open" tint, and the card itself.
        await page.keyboard.press('Tab');
        expect(await page.evaluate(() => document.activeElement?.getAttribute('data-entity'))).toBe('kim-jong-un');
        await waitForCard(page, 'Kim Jong Un');
        await page.waitForFunction(() => document.querySelector('backstory-card')?.shadowRoot?.querySelector('.frame')?.className.includes('theme-'));
        expect(await page.evaluate(() => document.querySelector('backstory-card')?.shadowRoot?.querySelector('.frame')?.className)).toContain(`theme-${theme}`);
        const focused = await markContrast(page, KIM);
        expect(focused.map((e) => e.text)).toEqual(['text', 'underline', 'focus outline']);
        const card = await cardContrast(page);
        // Every kind of text the card shows was measured.
        for (const where of ['h2.name', 'span.badge', 'p.summary', 'dt', 'h3', 'time', 'span.chip-name', 'span.chip-rel', 'span.as-of', 'a', 'button.icon-button.more']) {
          expect(card.some((e) => e.where.startsWith(where)), `measured ${where}`).toBe(true);
        }
        // The menu, too.
        await page.locator('backstory-card').locator('button.more').click();
        const menu = (await cardContrast(page)).filter((e) => e.where.startsWith('button.menu-item'));
        expect(menu.length).toBe(4);
        expect(failures([...mark, ...focused, ...card, ...menu])).toEqual([]);
        await page.close();
      } finally {
        await writeSettings(ext, { version: 1 });
      }
    });
  }

  it('gives the highlight mark style an underline at 3:1 too, not a tint alone', async () => {
    await writeSettings(ext, { version: 1, markStyle: 'background' });
    try {
      for (const [name, style] of [['white', ''], ['grey', '<style>body { color: #767676; background: #fff; }</style>'], ['dark', '<style>html { background: #121212; color: #e8e8e8; }</style>']]) {
        const page = await open(`/highlight-${name}.html`, articleHtml('Highlight', ['Kim Jong Un met Donald Trump in Singapore in 2018.'], style));
        const mark = await markContrast(page, KIM);
        expect(await page.$eval(KIM, (m) => getComputedStyle(m).backgroundImage), `${name}: the marker band`).toContain('linear-gradient');
        expect(mark.map((e) => e.text), `${name}: parts`).toEqual(['text', 'underline']);
        expect(failures(mark), name).toEqual([]);
        await page.close();
      }
    } finally {
      await writeSettings(ext, { version: 1 });
    }
  });

  it('keeps the mark underline at 3:1 on a page of light-grey text', async () => {
    // #767676 on white is the lightest grey that still meets AA for text (4.54:1).
    const page = await open('/contrast-grey.html', articleHtml('Grey', ['Kim Jong Un met Donald Trump in Singapore in 2018.'], '<style>body { color: #767676; background: #fff; }</style>'));
    const mark = await markContrast(page, KIM);
    expect(mark.map((e) => e.text)).toEqual(['text', 'underline']);
    expect(failures(mark)).toEqual([]);
    await page.close();
  });
});
