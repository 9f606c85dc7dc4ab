import { chromium } from 'playwright-core';
import { readdirSync } from 'node:fs';
import { buildBenchBundle } from '../bench/bundle';
import { benchPage, loadWithBundle, type BenchWindow, type Harness } from '../bench/harness';
import { startServer } from '../tests/support/server';
import { CHROMIUM, CHROMIUM_ARGS } from '../tests/support/chromium';
import { buildMatchIndex } from '../src/matcher/index';
import { compileFromDisk } from './kb-files';
const bytes = buildMatchIndex(compileFromDisk().entities);
const server = await startServer();
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
const h: Harness = { browser, server, bundle: await buildBenchBundle(), markjs: '', base64: Buffer.from(bytes).toString('base64'), aliases: [] };
const page = await benchPage(h);
const all = readdirSync('../shared/corpus/pages').filter((f) => f.endsWith('.html'));
const pages = all.filter((_, i) => i % Number(process.argv[2] ?? 4) === 0);
const tot: Record<string, number> = {};
for (let run = 0; run < 2; run++) for (const name of pages) {
  await loadWithBundle(h, page, `${server.url}/corpus/${encodeURIComponent(name)}`).catch(() => undefined);
  const r = await page.evaluate(() => { const b = (globalThis as unknown as BenchWindow).BackstoryBench; const f = b.floor().ms; return { ...b.phases(b.getData().base64), floor: f } as unknown as Record<string, number>; });
  for (const [k, v] of Object.entries(r)) tot[k] = (tot[k] ?? 0) + v;
}
console.log(pages.length, 'pages x2; totals ms:', Object.entries(tot).map(([k, v]) => `${k} ${v.toFixed(1)} (${(v / tot.floor!).toFixed(2)}x)`).join(', '));
await browser.close(); await server.close();
