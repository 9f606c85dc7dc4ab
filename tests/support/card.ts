/** Reading the in-page card from a test. */
import type { Page } from 'playwright-core';

export interface CardState {
  visible: boolean;
  name: string;
  summary: string;
  rect: { x: number; y: number; width: number; height: number } | null;
}

export async function cardState(page: Page): Promise<CardState> {
  return page.evaluate(() => {
    const host = document.querySelector('backstory-card') as HTMLElement | null;
    const frame = host?.shadowRoot?.querySelector('.frame') as HTMLElement | null;
    // Shown means not `hidden`, laid out and not visibility-hidden (a prerendered card is none of these).
    const visible = !!host && !host.hidden && !!frame && frame.getBoundingClientRect().width > 0 && getComputedStyle(frame).visibility === 'visible';
    const r = frame?.getBoundingClientRect();
    return {
      visible,
      name: host?.shadowRoot?.querySelector('.name')?.textContent ?? '',
      summary: host?.shadowRoot?.querySelector('.summary')?.textContent ?? '',
      rect: r ? { x: r.x, y: r.y, width: r.width, height: r.height } : null,
    };
  });
}

export async function waitForCard(page: Page, name?: string, timeout = 5000): Promise<void> {
  await page.waitForFunction(
    (expected) => {
      const host = document.querySelector('backstory-card') as HTMLElement | null;
      const n = host?.shadowRoot?.querySelector('.name')?.textContent;
      return !!host && !host.hidden && !!n && (expected === null || n === expected);
    },
    name ?? null,
    { timeout },
  );
}

export async function waitForNoCard(page: Page, timeout = 5000): Promise<void> {
  await page.waitForFunction(() => {
    const host = document.querySelector('backstory-card') as HTMLElement | null;
    return !host || host.hidden;
  }, undefined, { timeout });
}

/** Clicks a control inside the card's shadow root by its selector. */
export async function clickInCard(page: Page, selector: string): Promise<void> {
  await page.locator('backstory-card').locator(selector).first().click();
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface CardGeometry {
  /** The mention's box (the union of its line boxes), in CSS pixels of the page's viewport. */
  mention: Rect;
  /** The card's frame, in the same pixels. */
  card: Rect;
  viewport: { width: number; height: number };
  /** The card is shown and not hidden away (e.g. with its mention scrolled out of sight). */
  visible: boolean;
  /** The frame's computed max-height, in pixels. */
  maxHeight: number;
  /** The scrolling body of the card: its content height and its visible height. */
  body: { scrollHeight: number; clientHeight: number };
}

/** Waits until the card's entrance animation (a short slide) is over and two frames have passed. */
export async function cardSettled(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const frame = document.querySelector('backstory-card')?.shadowRoot?.querySelector('.frame');
    await Promise.all((frame?.getAnimations() ?? []).map((a) => a.finished.catch(() => undefined)));
    await new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));
  });
}

/** Where the open card and the first mention matching `mentionSelector` are, read in the page. */
export async function cardGeometry(page: Page, mentionSelector: string): Promise<CardGeometry> {
  return page.evaluate((sel) => {
    const m = document.querySelector(sel);
    const host = document.querySelector('backstory-card') as HTMLElement | null;
    const frame = host?.shadowRoot?.querySelector('.frame') as HTMLElement | null | undefined;
    const body = frame?.querySelector('.card-body') as HTMLElement | null | undefined;
    if (!m || !frame || !body) throw new Error('no mention or no card');
    const mr = m.getBoundingClientRect();
    const fr = frame.getBoundingClientRect();
    const cs = getComputedStyle(frame);
    return {
      mention: { x: mr.x, y: mr.y, width: mr.width, height: mr.height },
      card: { x: fr.x, y: fr.y, width: fr.width, height: fr.height },
      viewport: { width: document.documentElement.clientWidth, height: document.documentElement.clientHeight },
      visible: !host?.hidden && cs.visibility === 'visible' && Number(cs.opacity) > 0,
      maxHeight: parseFloat(cs.maxHeight),
      body: { scrollHeight: body.scrollHeight, clientHeight: body.clientHeight },
    };
  }, mentionSelector);
}

export function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** The gap between two boxes along the axis where they do not overlap (0 when they touch or overlap). */
export function gap(a: Rect, b: Rect): { dx: number; dy: number } {
  const dx = Math.max(0, b.x - (a.x + a.width), a.x - (b.x + b.width));
  const dy = Math.max(0, b.y - (a.y + a.height), a.y - (b.y + b.height));
  return { dx, dy };
}

export interface ContrastEntry {
  /** What was measured: the start of the text, or the name of a mark's part. */
  text: string;
  /** The element's tag and classes. */
  where: string;
  fg: string;
  bg: string;
  ratio: number;
  large: boolean;
  /** 4.5 for normal text and 3 for large text (WCAG 2.2, 1.4.3); 3 for a mark's non-text parts (1.4.11). */
  required: number;
}

/**
 * Runs in the page, so it must be self-contained. Colours are read through a canvas, so any
 * CSS colour syntax (rgb(), color(srgb …), what color-mix() computes to) is understood. A
 * colour is composited, with its alpha and the opacity of its ancestors, over the effective
 * background: the background colours met walking up (across the shadow boundary) until an
 * opaque one, over white if none is.
 */
function contrastInPage(mentionSelector: string | null): ContrastEntry[] {
  type RGBA = [number, number, number, number];
  type RGB = [number, number, number];
  const ctx = document.createElement('canvas').getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('no canvas');
  const rgba = (css: string): RGBA => {
    ctx.clearRect(0, 0, 1, 1);
    ctx.fillStyle = '#000';
    ctx.fillStyle = css;
    ctx.fillRect(0, 0, 1, 1);
    const d = ctx.getImageData(0, 0, 1, 1).data;
    return [d[0] ?? 0, d[1] ?? 0, d[2] ?? 0, (d[3] ?? 0) / 255];
  };
  const over = (top: RGBA, under: RGB): RGB => [
    top[0] * top[3] + under[0] * (1 - top[3]),
    top[1] * top[3] + under[1] * (1 - top[3]),
    top[2] * top[3] + under[2] * (1 - top[3]),
  ];
  const lum = (c: RGB): number => {
    const [r, g, b] = c.map((v) => {
      const s = v / 255;
      return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    }) as RGB;
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const ratioOf = (a: RGB, b: RGB): number => {
    const [x, y] = [lum(a), lum(b)];
    return Math.round(((Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05)) * 100) / 100;
  };
  const parentOf = (el: Element): Element | null => el.parentElement ?? ((el.getRootNode() as ShadowRoot).host ?? null);
  const background = (el: Element | null): RGB => {
    const layers: RGBA[] = [];
    for (let e = el; e; e = parentOf(e)) {
      const c = rgba(getComputedStyle(e).backgroundColor);
      if (c[3] > 0) layers.push(c);
      if (c[3] >= 1) break;
    }
    let bg: RGB = [255, 255, 255];
    for (const layer of layers.reverse()) bg = over(layer, bg);
    return bg;
  };
  const opacity = (el: Element): number => {
    let o = 1;
    for (let e: Element | null = el; e; e = parentOf(e)) o *= Number(getComputedStyle(e).opacity);
    return o;
  };
  const hex = (c: number[]): string => '#' + c.slice(0, 3).map((v) => Math.round(v).toString(16).padStart(2, '0')).join('');
  const where = (el: Element): string => el.localName + [...el.classList].map((c) => '.' + c).join('');
  const entry = (text: string, el: Element, color: string, bg: RGB, large: boolean, required: number): ContrastEntry => {
    const c = rgba(color);
    const fg = over([c[0], c[1], c[2], c[3] * opacity(el)], bg);
    return { text, where: where(el), fg: hex(fg), bg: hex(bg), ratio: ratioOf(fg, bg), large, required };
  };
  const out: ContrastEntry[] = [];
  if (mentionSelector !== null) {
    // The mention: its text over its own (tinted) background, and its underline and focus ring
    // over what surrounds it.
    const m = document.querySelector(mentionSelector);
    if (!m) throw new Error(`no ${mentionSelector}`);
    const cs = getComputedStyle(m);
    const around = background(m.parentElement);
    out.push(entry('text', m, cs.color, background(m), false, 4.5));
    if (cs.textDecorationLine.includes('underline')) out.push(entry('underline', m, cs.textDecorationColor, around, false, 3));
    if (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0) out.push(entry('focus outline', m, cs.outlineColor, around, false, 3));
    return out;
  }
  const root = document.querySelector('backstory-card')?.shadowRoot;
  if (!root) throw new Error('no card');
  for (const el of root.querySelectorAll('*')) {
    const text = [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent ?? '').join('').trim();
    if (!text || el.localName === 'style' || el.getClientRects().length === 0) continue;
    const cs = getComputedStyle(el);
    if (cs.visibility !== 'visible') continue;
    const size = parseFloat(cs.fontSize);
    const large = size >= 24 || (size >= 18.66 && Number(cs.fontWeight) >= 700);
    out.push(entry(text.slice(0, 30), el, cs.color, background(el), large, large ? 3 : 4.5));
  }
  return out;
}

/** The contrast of every piece of text shown in the open card (its shadow root). */
export async function cardContrast(page: Page): Promise<ContrastEntry[]> {
  return page.evaluate(contrastInPage, null);
}

/** The contrast of a mention in its current state: its text, its underline and its focus ring. */
export async function markContrast(page: Page, mentionSelector: string): Promise<ContrastEntry[]> {
  return page.evaluate(contrastInPage, mentionSelector);
}
