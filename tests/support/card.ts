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
    const visible = !!host && !host.hidden && !!frame && frame.getBoundingClientRect().width > 0;
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
