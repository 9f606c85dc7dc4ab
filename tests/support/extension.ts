/**
 * Launches Debian's Chromium with the e2e build loaded, the way DEVELOPERS.md prescribes,
 * and finds the extension id from its service worker.
 */
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page, type Worker } from 'playwright-core';
import { CHROMIUM, extensionArgs } from './chromium';
import { ROOT } from './shared';

export const DIST_E2E = join(ROOT, 'dist', 'e2e');

export interface Extension {
  context: BrowserContext;
  id: string;
  worker: Worker;
  /** Opens an extension page (e.g. 'src/popup/index.html?tab=3'). */
  openPage(path: string): Promise<Page>;
  close(): Promise<void>;
}

export async function launchExtension(opts: { colorScheme?: 'light' | 'dark'; dist?: string; lang?: string; touch?: boolean } = {}): Promise<Extension> {
  const dist = opts.dist ?? DIST_E2E;
  if (!existsSync(join(dist, 'manifest.json'))) throw new Error(`${dist} is not built: run npm run build:e2e`);
  const profile = mkdtempSync(join(tmpdir(), 'backstory-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    colorScheme: opts.colorScheme ?? 'light',
    viewport: { width: 1200, height: 900 },
    args: [
      ...extensionArgs(dist),
      ...(opts.lang ? [`--lang=${opts.lang}`] : []),
    ],
    ...(opts.lang ? { locale: opts.lang } : {}),
    ...(opts.touch ? { hasTouch: true, isMobile: false } : {}),
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const id = new URL(worker.url()).host;
  return {
    context,
    id,
    worker,
    async openPage(path) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${id}/${path}`);
      return page;
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Runs in an extension context: the id of the tab showing `u`. */
async function findTabId(u: string): Promise<number> {
  type Tabs = { query(q: object): Promise<{ id?: number; url?: string }[]> };
  const tabs = await (globalThis as unknown as { chrome: { tabs: Tabs } }).chrome.tabs.query({});
  const tab = tabs.find((t) => t.url === u);
  if (tab?.id === undefined) throw new Error(`no tab for ${u}`);
  return tab.id;
}

/** The tab id of a page, as the extension sees it (asked from the worker). */
export async function tabIdOf(ext: Extension, page: Page): Promise<number> {
  return ext.worker.evaluate(findTabId, page.url());
}

/** Waits until the annotator has finished at least one pass on the page. */
export async function waitForAnnotation(page: Page, timeout = 15_000): Promise<void> {
  await page.waitForFunction(() => performance.getEntriesByName('backstory:annotate').length > 0, undefined, { timeout });
}

/**
 * The tab id of a page, asked from an extension page rather than the worker: works while the
 * worker is stopped or held, and after `ext.worker` has gone with a stopped worker.
 */
export async function tabIdFromPage(ext: Extension, page: Page): Promise<number> {
  if (page.url().startsWith(`chrome-extension://${ext.id}/`)) {
    // Without the "tabs" permission no tab shows an extension page's address: ask the page itself.
    return page.evaluate(async () => {
      type Tabs = { getCurrent(): Promise<{ id?: number } | undefined> };
      const tab = await (globalThis as unknown as { chrome: { tabs: Tabs } }).chrome.tabs.getCurrent();
      if (tab?.id === undefined) throw new Error('not in a tab');
      return tab.id;
    });
  }
  const probe = await ext.openPage('src/options/index.html');
  try {
    return await probe.evaluate(findTabId, page.url());
  } finally {
    await probe.close();
  }
}

/** A CDP session to a target playwright does not expose (the worker, the toolbar popup). */
export interface TargetSession {
  send<T = unknown>(method: string, params?: object): Promise<T>;
  detach(): Promise<void>;
}

/**
 * Attaches to the first target `match` accepts, through a page-level CDP session, without
 * flattening (messages go through Target.sendMessageToTarget, which a page session may use).
 */
export async function attachTarget(cdp: CDPSession, match: (t: { type: string; url: string }) => boolean): Promise<TargetSession> {
  const { targetInfos } = await cdp.send('Target.getTargets');
  const target = targetInfos.find(match);
  if (!target) throw new Error('no such target');
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
  let next = 0;
  let gone = false;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  const onMessage = (e: { sessionId?: string; message: string }): void => {
    if (e.sessionId !== sessionId) return;
    const m = JSON.parse(e.message) as { id?: number; result?: unknown; error?: { message: string } };
    const waiter = m.id === undefined ? undefined : pending.get(m.id);
    if (!waiter || m.id === undefined) return;
    pending.delete(m.id);
    if (m.error) waiter.reject(new Error(m.error.message));
    else waiter.resolve(m.result);
  };
  const onDetached = (e: { sessionId?: string }): void => {
    if (e.sessionId !== sessionId) return;
    gone = true;
    for (const w of pending.values()) w.reject(new Error('target detached'));
    pending.clear();
  };
  cdp.on('Target.receivedMessageFromTarget', onMessage);
  cdp.on('Target.detachedFromTarget', onDetached);
  return {
    send<T>(method: string, params: object = {}): Promise<T> {
      if (gone) return Promise.reject(new Error('target detached'));
      const id = ++next;
      const answer = new Promise<T>((resolve, reject) => pending.set(id, { resolve: resolve as (v: unknown) => void, reject }));
      cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) }).catch((err: unknown) => {
        pending.get(id)?.reject(err instanceof Error ? err : new Error(String(err)));
        pending.delete(id);
      });
      return answer;
    },
    async detach() {
      cdp.off('Target.receivedMessageFromTarget', onMessage);
      cdp.off('Target.detachedFromTarget', onDetached);
      if (!gone) await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
      gone = true;
    },
  };
}

/** The extension's worker, paused in the debugger: it takes messages but answers none until released. */
export interface HeldWorker {
  release(): Promise<void>;
}

/**
 * Holds the extension's worker: the debugger pauses it at its next statement, so every request
 * waits (a worker slow to answer, deterministically) until `release()`. `page` is any open page.
 * Do not stop a held worker: Chrome then kills the extension's renderer, pages included; to
 * stop a worker in the middle of a request, use `busyWorker`.
 */
export async function holdWorker(ext: Extension, page: Page): Promise<HeldWorker> {
  const cdp = await ext.context.newCDPSession(page);
  const sw = await attachTarget(cdp, (t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${ext.id}/`));
  await sw.send('Debugger.enable');
  await sw.send('Debugger.pause');
  return {
    async release() {
      // A worker stopped meanwhile has no debugger left to resume.
      await sw.send('Debugger.resume').catch(() => undefined);
      await sw.detach();
      await cdp.detach().catch(() => undefined);
    },
  };
}

/** The extension worker's running statuses as CDP reports them, and a way to stop it. */
export interface WorkerWatch {
  /** Every status reported since the watch began, in order ('starting', 'running', 'stopped'...). */
  statuses: string[];
  stopAll(): Promise<void>;
  detach(): Promise<void>;
}

/** Watches the extension's worker through `page` (the ServiceWorker domain lives on page sessions). */
export async function watchWorker(ext: Extension, page: Page): Promise<WorkerWatch> {
  const cdp = await ext.context.newCDPSession(page);
  const statuses: string[] = [];
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    for (const v of versions) if (v.scriptURL.includes(ext.id)) statuses.push(v.runningStatus);
  });
  await cdp.send('ServiceWorker.enable');
  return {
    statuses,
    async stopAll() {
      await cdp.send('ServiceWorker.stopAllWorkers');
    },
    async detach() {
      await cdp.detach().catch(() => undefined);
    },
  };
}

/** Stops the extension's worker (CDP, from a page session) and waits until it is stopped. */
export async function stopWorker(ext: Extension, page: Page): Promise<void> {
  const watch = await watchWorker(ext, page);
  await watch.stopAll();
  // Something may wake it again at once; what counts is that it went down.
  const deadline = Date.now() + 10_000;
  while (!watch.statuses.includes('stopped') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
  await watch.detach();
  if (!watch.statuses.includes('stopped')) throw new Error(`worker did not stop (${watch.statuses.join(', ')})`);
}

/** The extension's worker if it is running now (`ext.worker` goes away with a stopped worker). */
function runningWorker(ext: Extension): Worker | undefined {
  return ext.context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${ext.id}/`));
}

/**
 * Keeps the extension's (running) worker busy in a loop for up to `ms`, so requests wait in its
 * queue; stopping it meanwhile kills the loop (Chrome waits a few seconds before it does).
 * Resolves when the loop has ended either way.
 */
export async function busyWorker(ext: Extension, ms: number): Promise<{ ended: Promise<void> }> {
  const worker = runningWorker(ext);
  if (!worker) throw new Error('the worker is not running');
  const ended = worker.evaluate((busyMs) => {
    const end = Date.now() + busyMs;
    while (Date.now() < end) {
      /* busy */
    }
  }, ms).catch(() => undefined);
  return { ended };
}

/**
 * The extension's worker as it runs now (`ext.worker` goes away with a stopped worker): wakes it
 * with a message from an extension page when it is stopped.
 */
export async function liveWorker(ext: Extension): Promise<Worker> {
  const now = runningWorker(ext);
  if (now) return now;
  const started = ext.context.waitForEvent('serviceworker', { timeout: 15_000 });
  const probe = await ext.openPage('src/options/index.html');
  await probe.evaluate(() => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({ backstory: 1, type: 'kb/search', payload: { query: 'x', limit: 1 } }));
  await probe.close();
  return runningWorker(ext) ?? (await started);
}
