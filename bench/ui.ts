/**
 * `npm run bench:ui`: timings a reader feels, measured in real Chromium and reported as ratios
 * against anchors from the same run:
 * - worker cold start: a card request right after the worker was stopped, against the same
 *   request to a bare worker with no knowledge base, and against the hover-intent delay;
 * - card latency: from the start of the dwell to the card on screen, warm and with a stopped
 *   worker, against the hover-intent delay;
 * - popup: from navigation start to the entity list on screen, against the 100 ms target.
 * Writes bench/ui-results.json.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { launchExtension, tabIdOf, waitForAnnotation, type Extension } from '../tests/support/extension';
import { articleHtml, startServer } from '../tests/support/server';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const DELAY = 500;
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
};
const round = (x: number, d = 2): number => Number(x.toFixed(d));

async function stopWorkers(cdp: CDPSession): Promise<void> {
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await new Promise((r) => setTimeout(r, 150));
}

/** Round trip of one card request from an extension page, in that page's clock. */
async function cardRoundTrip(page: Page, id: string): Promise<number> {
  return page.evaluate(async (entity) => {
    const api = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome;
    const t0 = performance.now();
    await api.runtime.sendMessage({ backstory: 1, type: 'card/get', payload: { id: entity } });
    return performance.now() - t0;
  }, id);
}

/** A worker with no knowledge base: the anchor for what a cold start costs anyway. */
function bareExtension(): string {
  const dir = mkdtempSync(join(tmpdir(), 'backstory-bare-'));
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ manifest_version: 3, name: 'bare', version: '1.0', background: { service_worker: 'sw.js' } }));
  writeFileSync(join(dir, 'sw.js'), 'chrome.runtime.onMessage.addListener((m, s, reply) => { reply({ ok: true, value: null }); });');
  writeFileSync(join(dir, 'page.html'), '<!doctype html><title>bare</title>');
  return dir;
}

async function coldStart(ext: Extension, bare: Extension): Promise<Record<string, number>> {
  const ours = await ext.openPage('src/options/index.html');
  const base = await bare.openPage('page.html');
  const oursCdp = await ext.context.newCDPSession(ours);
  const baseCdp = await bare.context.newCDPSession(base);
  const cold: number[] = [];
  const warm: number[] = [];
  const bareCold: number[] = [];
  const ids = ['kim-jong-un', 'north-korea', 'vladimir-putin', 'singapore-summit-2018', 'nato', 'pyongyang', 'denuclearization', 'donald-trump', 'china'];
  for (let i = 0; i < RUNS; i++) {
    await stopWorkers(oursCdp);
    cold.push(await cardRoundTrip(ours, ids[i % ids.length] ?? 'china'));
    warm.push(await cardRoundTrip(ours, ids[(i + 1) % ids.length] ?? 'china'));
    await stopWorkers(baseCdp);
    bareCold.push(await cardRoundTrip(base, 'x'));
  }
  return {
    coldMs: round(median(cold)),
    warmMs: round(median(warm)),
    bareColdMs: round(median(bareCold)),
    coldVsBare: round(median(cold) / median(bareCold)),
    coldVsDelay: round(median(cold) / DELAY, 3),
  };
}

/** Dwell start → card visible, measured inside the page. */
async function cardLatency(ext: Extension, url: string, coldWorker: boolean): Promise<number[]> {
  const out: number[] = [];
  const ids = ['kim-jong-un', 'donald-trump', 'north-korea', 'russia', 'china', 'pyongyang', 'moscow'];
  for (let i = 0; i < RUNS; i++) {
    const page = await ext.context.newPage();
    await page.goto(url);
    await waitForAnnotation(page);
    if (coldWorker) await stopWorkers(await ext.context.newCDPSession(page));
    const id = ids[i % ids.length] ?? 'russia';
    await page.evaluate((entity) => {
      const w = window as unknown as { __t0?: number; __t1?: number };
      const target = document.querySelector(`backstory-mention[data-entity="${entity}"]`);
      target?.addEventListener('pointerover', () => { w.__t0 ??= performance.now(); }, { capture: true });
      new MutationObserver(() => {
        const host = document.querySelector('backstory-card') as HTMLElement | null;
        if (host && !host.hidden && w.__t1 === undefined) requestAnimationFrame(() => { w.__t1 = performance.now(); });
      }).observe(document.documentElement, { subtree: true, attributes: true, childList: true, attributeFilter: ['hidden'] });
    }, id);
    await page.locator(`backstory-mention[data-entity="${id}"]`).first().hover();
    await page.waitForFunction(() => (window as unknown as { __t1?: number }).__t1 !== undefined, undefined, { timeout: 10_000 });
    out.push(await page.evaluate(() => {
      const w = window as unknown as { __t0: number; __t1: number };
      return w.__t1 - w.__t0;
    }));
    await page.close();
  }
  return out;
}

async function popupOpen(ext: Extension, url: string): Promise<Record<string, number>> {
  const page = await ext.context.newPage();
  await page.goto(url);
  await waitForAnnotation(page);
  const tab = await tabIdOf(ext, page);
  const fcp: number[] = [];
  const ready: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const popup = await ext.context.newPage();
    await popup.goto(`chrome-extension://${ext.id}/src/popup/index.html?tab=${tab}`);
    await popup.waitForFunction(() => performance.getEntriesByName('backstory:popup-ready').length > 0);
    const t = await popup.evaluate(() => ({
      fcp: performance.getEntriesByType('paint').find((e) => e.name === 'first-contentful-paint')?.startTime ?? NaN,
      ready: performance.getEntriesByName('backstory:popup-ready')[0]?.startTime ?? NaN,
    }));
    fcp.push(t.fcp);
    ready.push(t.ready);
    await popup.close();
  }
  await page.close();
  return { firstPaintMs: round(median(fcp)), firstPaintVsTarget: round(median(fcp) / 100), entitiesShownMs: round(median(ready)), entitiesShownVsTarget: round(median(ready) / 100) };
}

const server = await startServer();
const url = server.page('/a.html', articleHtml('Kim and Trump', [
  'Kim Jong Un met Donald Trump as North Korea, Russia and China watched. Pyongyang and Moscow signed a pact.',
]));
const bareDir = bareExtension();
const ext = await launchExtension();
const bare = await launchExtension({ dist: bareDir });
try {
  const worker = await coldStart(ext, bare);
  const warm = await cardLatency(ext, url, false);
  const cold = await cardLatency(ext, url, true);
  const popup = await popupOpen(ext, url);
  const card = {
    delayMs: DELAY,
    warmMs: round(median(warm)),
    coldMs: round(median(cold)),
    warmLateMs: round(median(warm) - DELAY),
    coldLateMs: round(median(cold) - DELAY),
    warmVsDelay: round(median(warm) / DELAY, 3),
    coldVsDelay: round(median(cold) / DELAY, 3),
  };
  const results = { date: new Date().toISOString(), runs: RUNS, worker, card, popup };
  writeFileSync('bench/ui-results.json', JSON.stringify(results, null, 2) + '\n');
  console.log('worker cold start (card request right after a stop)');
  console.log(`  ours ${worker.coldMs} ms vs bare worker ${worker.bareColdMs} ms: ×${worker.coldVsBare}; ${worker.coldVsDelay} of the ${DELAY} ms hover delay`);
  console.log(`card visible after dwell start (delay ${DELAY} ms)`);
  console.log(`  warm ×${card.warmVsDelay} of the delay (${card.warmLateMs} ms after it); cold worker ×${card.coldVsDelay} (${card.coldLateMs} ms after it)`);
  console.log(`popup (from navigation start): first paint ${popup.firstPaintMs} ms (×${popup.firstPaintVsTarget} of the 100 ms target); entity list ${popup.entitiesShownMs} ms (×${popup.entitiesShownVsTarget})`);
} finally {
  await ext.close();
  await bare.close();
  await server.close();
  rmSync(bareDir, { recursive: true, force: true });
}
