/**
 * Reading a page from a test without trusting it. A hostile page may replace DOM built-ins in
 * its main world (Node.prototype.textContent, querySelector, performance.mark…), which would
 * skew anything page.evaluate reads there; a fresh isolated world made through CDP sees the
 * real DOM, the way our content script does. Also: what our code throws or logs, what the
 * page records through window.onerror, long tasks, and main-thread time from CDP.
 */
import type { CDPSession, Page } from 'playwright-core';

export interface World {
  /** Runs `fn(arg)` in this world; `fn` must be self-contained (it is sent as source text). */
  run<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
}

interface FrameTree {
  frame: { id: string; url: string; urlFragment?: string };
  childFrames?: FrameTree[];
}

function frames(tree: FrameTree): FrameTree['frame'][] {
  return [tree.frame, ...(tree.childFrames ?? []).flatMap(frames)];
}

/** The page's CDP session, one per page, with the Performance domain on (enabling it twice may reset it). */
const sessions = new WeakMap<Page, Promise<CDPSession>>();
export function cdpOf(page: Page): Promise<CDPSession> {
  let s = sessions.get(page);
  if (!s) {
    s = page.context().newCDPSession(page).then(async (cdp) => {
      await cdp.send('Performance.enable', { timeDomain: 'timeTicks' });
      return cdp;
    });
    sessions.set(page, s);
  }
  return s;
}

/**
 * An isolated world in the first frame whose URL passes `which` (the main frame by default).
 * Same-origin frames live in the page's process, so the page's session reaches them.
 */
export async function isolatedWorld(page: Page, which: (url: string) => boolean = () => true): Promise<World> {
  const cdp = await cdpOf(page);
  const { frameTree } = (await cdp.send('Page.getFrameTree')) as unknown as { frameTree: FrameTree };
  const frame = frames(frameTree).find((f) => which(f.url));
  if (!frame) throw new Error(`no frame matches; frames: ${frames(frameTree).map((f) => f.url).join(', ')}`);
  const { executionContextId } = await cdp.send('Page.createIsolatedWorld', { frameId: frame.id, worldName: 'backstory-test' });
  return {
    async run(fn, arg) {
      // esbuild may wrap nested functions in __name(); the browser has no such helper.
      const expression = `(() => { const __name = (f) => f; return (${fn.toString()})(${arg === undefined ? '' : JSON.stringify(arg)}); })()`;
      const res = await cdp.send('Runtime.evaluate', { expression, contextId: executionContextId, awaitPromise: true, returnByValue: true });
      if (res.exceptionDetails) throw new Error(`in the test world: ${res.exceptionDetails.exception?.description ?? res.exceptionDetails.text}`);
      return res.result.value as never;
    },
  };
}

/** Polls `fn` in `world` until it returns a truthy value. */
export async function waitIn<A>(world: World, fn: (arg: A) => unknown, arg: A, timeout: number, what: string): Promise<void> {
  const until = Date.now() + timeout;
  for (;;) {
    if (await world.run(fn, arg)) return;
    if (Date.now() > until) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Waits until the annotator has finished a pass and none is running or queued: every started
 * pass has its measure, and nothing new started for `quietMs` (longer than its 250 ms batching).
 */
export async function waitForQuiet(world: World, timeout = 30_000, quietMs = 600): Promise<number> {
  const state = () =>
    world.run(() => {
      const started = performance.getEntriesByType('measure').filter((m) => m.name.startsWith('backstory:annotate:start:')).length;
      const done = performance.getEntriesByName('backstory:annotate').length;
      return { started, done };
    });
  const until = Date.now() + timeout;
  let last = -1;
  let since = Date.now();
  for (;;) {
    const s = await state();
    if (s.started !== last) {
      last = s.started;
      since = Date.now();
    }
    if (s.done > 0 && s.done === s.started && Date.now() - since >= quietMs) return s.done;
    if (Date.now() > until) throw new Error(`annotator not quiet after ${timeout} ms (${s.done}/${s.started} passes done)`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Installed with page.addInitScript, so it runs in every frame before the page's own scripts:
 * records window errors and unhandled rejections, and long tasks, in the main world.
 */
export const INIT_RECORDER = `(() => {
  const errors = [], longTasks = [];
  const define = Object.defineProperty;
  define(window, '__backstoryTestErrors', { value: errors });
  define(window, '__backstoryTestLongTasks', { value: longTasks });
  // Index writes, not push(): a hostile page may replace Array.prototype.push after this ran.
  window.addEventListener('error', (e) => {
    errors[errors.length] = { kind: 'error', message: String(e.message), where: String(e.filename) + ' ' + String(e.error && e.error.stack || '') };
  }, true);
  window.addEventListener('unhandledrejection', (e) => {
    const r = e.reason;
    errors[errors.length] = { kind: 'rejection', message: String(r && r.message || r), where: String(r && r.stack || '') };
  });
  try {
    new PerformanceObserver((list) => {
      for (const t of list.getEntries()) longTasks[longTasks.length] = { start: t.startTime, duration: t.duration };
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
})();`;

export interface InPageError {
  kind: string;
  message: string;
  where: string;
}

/** Where our code runs: the content script, or any extension page. */
export const fromOurCode = (where: string): boolean => /chrome-extension:\/\/|content\.js/.test(where);

export interface ErrorLog {
  /** Uncaught errors and console errors from our code. */
  ours: string[];
  /** Uncaught errors from anything else (the page's own scripts). */
  page: string[];
}

/**
 * Collects 'pageerror' and console messages of the page (all its frames and worlds). Ours: any
 * error whose stack or source is the extension, and any console error, warning or failure
 * report (the annotator reports a failed pass through console.debug) that our code logged.
 */
export function recordErrors(page: Page): ErrorLog {
  const log: ErrorLog = { ours: [], page: [] };
  page.on('pageerror', (err) => {
    const where = `${err.stack ?? ''} ${err.message}`;
    (fromOurCode(where) ? log.ours : log.page).push(`pageerror: ${err.message}\n${err.stack ?? ''}`);
  });
  page.on('console', (msg) => {
    const url = msg.location().url;
    const fromUs = fromOurCode(url) || /^Backstory\b/.test(msg.text());
    const bad = msg.type() === 'error' || msg.type() === 'warning' || /failed|could not|error/i.test(msg.text());
    if (fromUs && bad) log.ours.push(`console.${msg.type()}: ${msg.text()} (${url})`);
  });
  return log;
}

/**
 * Reads a global of the main frame's main world by value, through CDP: no page function runs,
 * so it works on a page that replaced Array, Promise or JSON built-ins.
 */
async function mainWorldValue<T>(page: Page, name: string): Promise<T | undefined> {
  const cdp = await cdpOf(page);
  const res = await cdp.send('Runtime.evaluate', { expression: `globalThis.${name}`, returnByValue: true });
  return res.result.value as T | undefined;
}

/** What the main-world recorder saw in every frame of the page, split into ours and the page's. */
export async function inPageErrors(page: Page): Promise<{ ours: InPageError[]; page: InPageError[] }> {
  const all: InPageError[] = [...((await mainWorldValue<InPageError[]>(page, '__backstoryTestErrors')) ?? [])];
  for (const frame of page.frames().slice(1)) {
    try {
      all.push(...(await frame.evaluate(() => Array.from((globalThis as unknown as { __backstoryTestErrors?: InPageError[] }).__backstoryTestErrors ?? []))));
    } catch {
      // The frame went away.
    }
  }
  return { ours: all.filter((e) => fromOurCode(e.where)), page: all.filter((e) => !fromOurCode(e.where)) };
}

export interface LongTask {
  start: number;
  duration: number;
}

/** Long tasks of the main frame since it started loading (performance.now() times). */
export async function longTasks(page: Page): Promise<LongTask[]> {
  return (await mainWorldValue<LongTask[]>(page, '__backstoryTestLongTasks')) ?? [];
}

export interface MainThread {
  /** Seconds the renderer's main thread spent in tasks, in script, in layout and style. */
  task: number;
  script: number;
  layout: number;
  style: number;
}

/** Cumulative main-thread time of the page's renderer (CDP Performance.getMetrics). */
export async function mainThread(page: Page): Promise<MainThread> {
  const cdp = await cdpOf(page);
  const { metrics } = await cdp.send('Performance.getMetrics');
  const get = (name: string): number => metrics.find((m) => m.name === name)?.value ?? 0;
  return { task: get('TaskDuration'), script: get('ScriptDuration'), layout: get('LayoutDuration'), style: get('RecalcStyleDuration') };
}

export function minus(a: MainThread, b: MainThread): MainThread {
  return { task: a.task - b.task, script: a.script - b.script, layout: a.layout - b.layout, style: a.style - b.style };
}

/**
 * Throws, rejects and logs an error in the content script's own world, from a script named
 * like ours, to prove that what our code does there reaches the error log (and so that an
 * empty log means something).
 */
export async function canaryInContentScript(page: Page, extensionId: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const contexts: { id: number; origin: string; auxData?: { type?: string } }[] = [];
    cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
    await cdp.send('Runtime.enable');
    const ours = contexts.find((c) => c.auxData?.type === 'isolated' && c.origin === `chrome-extension://${extensionId}`);
    if (!ours) throw new Error(`no content-script world among ${contexts.map((c) => `${c.auxData?.type}:${c.origin}`).join(', ')}`);
    const expression = `setTimeout(() => { throw new Error('Backstory canary: uncaught'); }, 0);
Promise.reject(new Error('Backstory canary: rejection'));
console.error('Backstory canary: console');
//# sourceURL=chrome-extension://${extensionId}/content.js`;
    await cdp.send('Runtime.evaluate', { expression, contextId: ours.id });
  } finally {
    await cdp.detach();
  }
}
