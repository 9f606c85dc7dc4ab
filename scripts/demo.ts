/**
 * `npm run demo`: opens Chromium with the extension on a local demo article.
 *   --page FILE_OR_URL   open another page (a file is served locally so the e2e build runs on it)
 *   --screenshot OUT.png run headless, hover the first mention and save a picture with an open card
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { CHROMIUM, extensionArgs } from '../tests/support/chromium';
import { DIST_E2E } from '../tests/support/extension';
import { startServer } from '../tests/support/server';

const { values } = parseArgs({
  options: {
    page: { type: 'string' },
    screenshot: { type: 'string' },
    dark: { type: 'boolean', default: false },
    rebuild: { type: 'boolean', default: false },
  },
});

if (!existsSync(CHROMIUM)) {
  console.error(`Chromium not found at ${CHROMIUM}: install it with "sudo apt-get install -y chromium".`);
  process.exit(1);
}
if (values.rebuild || !existsSync(join(DIST_E2E, 'manifest.json'))) {
  execFileSync('npm', ['run', '-s', 'build:e2e'], { stdio: 'inherit' });
}

const server = await startServer();
const target = values.page ?? resolve('scripts/demo/article.html');
const url = /^https?:\/\//.test(target) ? target : server.page('/article.html', readFileSync(target, 'utf8'));

const headless = values.screenshot !== undefined;
const profile = mkdtempSync(join(tmpdir(), 'backstory-demo-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: CHROMIUM,
  headless,
  colorScheme: values.dark ? 'dark' : 'light',
  viewport: { width: 1100, height: 820 },
  args: extensionArgs(DIST_E2E),
});
const page = context.pages()[0] ?? (await context.newPage());
await page.goto(url);

if (values.screenshot) {
  await page.waitForFunction(() => performance.getEntriesByName('backstory:annotate').length > 0, undefined, { timeout: 20_000 });
  const first = page.locator('backstory-mention').first();
  await first.hover();
  await page.waitForFunction(() => {
    const host = document.querySelector('backstory-card') as HTMLElement | null;
    return host !== null && !host.hidden && host.shadowRoot?.querySelector('.summary') !== null;
  }, undefined, { timeout: 10_000 });
  await page.waitForTimeout(200);
  await page.screenshot({ path: values.screenshot });
  console.log(`wrote ${values.screenshot}`);
  await context.close();
  await server.close();
  rmSync(profile, { recursive: true, force: true });
} else {
  console.log(`Backstory demo at ${url} — close the browser window to end.`);
  context.on('close', () => {
    void server.close();
    rmSync(profile, { recursive: true, force: true });
  });
}
