/**
 * The annotator's text walk jumps past the subtrees one query lists (see TextCursor). On every
 * corpus page, it must give exactly the text nodes a plain walk gives that judges each node's
 * ancestors one by one.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { buildPageBundle } from '../../bench/bundle';
import { ROOT } from '../../scripts/kb-files';
import { CHROMIUM, CHROMIUM_ARGS } from '../support/chromium';
import { routeOffline } from '../support/offline-route';
import { startServer, type TestServer } from '../support/server';
import { corpusPages, CORPUS_DIR, hasShared } from '../support/shared';
import type { WalkComparison } from '../support/walk-entry';

const run = hasShared(CORPUS_DIR);
const PAGES = run ? corpusPages() : [];

describe.skipIf(!run)('text walk on the corpus pages', () => {
  let browser: Browser;
  let server: TestServer;
  let bundle: string;

  beforeAll(async () => {
    bundle = await buildPageBundle(join(ROOT, 'tests/support/walk-entry.ts'), 'BackstoryWalk');
    server = await startServer();
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('gives the same text nodes as judging every node’s ancestors, on every page', async () => {
    const bundleUrl = `${server.url}/__walk/walk.js`;
    const page = await browser.newPage();
    await routeOffline(page, server.url, { csp: "script-src 'self'", files: { [bundleUrl]: { contentType: 'text/javascript', body: bundle } } });
    const differing: string[] = [];
    let nodes = 0;
    for (const name of PAGES) {
      await page.goto(`${server.url}/corpus/${encodeURIComponent(name)}`, { waitUntil: 'load' });
      await page.addScriptTag({ url: bundleUrl });
      const r = (await page.evaluate('BackstoryWalk.compare()')) as WalkComparison;
      nodes += r.reference;
      if (r.difference) differing.push(`${name}: ${r.walk} vs ${r.reference} nodes, first at #${r.difference.at}: ${r.difference.walk} vs ${r.difference.reference}`);
    }
    expect(differing).toEqual([]);
    // A walk that found nothing anywhere would agree too.
    expect(nodes).toBeGreaterThan(5_000);
    await page.close();
  }, 600_000);
});
