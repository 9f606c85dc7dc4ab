/**
 * Hostile pages: generated pages that stress the content script where real sites break
 * extensions. On every page: (1) nothing our code runs throws, rejects or logs an error;
 * (2) the page's text after annotation is the text the page has without us (a fresh DOMParser
 * parse of what the server sent, or, where a script builds or changes the body, the page's own
 * record of what it should be); (3) turning the site off removes every mark, and where the page
 * is static the body's markup is exactly what it was. Reads go through an isolated world of the
 * test's own (tests/support/page-probe.ts), so pages that replace DOM built-ins cannot skew them.
 * Numbers (main-thread time, long tasks) are printed as `[hostile] …` lines.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { LAYOUT_TEXT, MARK_CHARS } from '../../src/content/annotator';
import { launchExtension, type Extension } from '../support/extension';
import {
  articlePage,
  deepPage,
  framesetPage,
  hostilePrototypesPage,
  hugeTextPage,
  iframesPage,
  longParagraphsPage,
  manyNodesPage,
  mixedScriptsPage,
  NAMED,
  NAMED_IDS,
  quirksPage,
  rafPage,
  startTypedServer,
  unwrapPage,
  xhtmlPage,
  type TypedServer,
} from '../support/hostile-pages';
import {
  canaryInContentScript,
  inPageErrors,
  INIT_RECORDER,
  isolatedWorld,
  longTasks,
  mainThread,
  minus,
  recordErrors,
  waitForQuiet,
  waitIn,
  type ErrorLog,
  type MainThread,
  type World,
} from '../support/page-probe';

type Chrome = { chrome: { storage: { sync: { set(items: object): Promise<void> } } } };
interface Snapshot {
  text: string;
  html: string;
}
interface Opened {
  page: Page;
  errors: ErrorLog;
  world: World;
}

const ON = { version: 1 };
const OFF = { version: 1, disabledSites: ['127.0.0.1'] };
const log = (...parts: unknown[]): void => console.log('[hostile]', ...parts);

// ---- what the test world runs in the page (self-contained functions, sent as source) ----

/** A fresh parse of the document the server sent, kept in the test world as the reference. */
async function keepParsedReference(mime: string): Promise<{ text: number; html: number }> {
  const src = await (await fetch(location.href, { cache: 'no-store' })).text();
  const doc = new DOMParser().parseFromString(src, mime as DOMParserSupportedType);
  const ref = { text: doc.body?.textContent ?? '', html: doc.body?.innerHTML ?? '' };
  (globalThis as unknown as { __ref: Snapshot }).__ref = ref;
  return { text: ref.text.length, html: ref.html.length };
}

function keepReference(ref: Snapshot): void {
  (globalThis as unknown as { __ref: Snapshot }).__ref = ref;
}

/** null when the body's text (or markup) equals the reference, else where they part. */
function differenceFromReference(what: 'text' | 'html'): string | null {
  const expected = (globalThis as unknown as { __ref: Snapshot }).__ref[what];
  const body = document.body;
  const actual = (what === 'text' ? body?.textContent : body?.innerHTML) ?? '';
  if (expected === actual) return null;
  let i = 0;
  const n = Math.min(expected.length, actual.length);
  while (i < n && expected.charCodeAt(i) === actual.charCodeAt(i)) i++;
  const from = Math.max(0, i - 60);
  const show = (s: string): string => JSON.stringify(s.slice(from, i + 60));
  return `first difference at ${i} (lengths ${expected.length} → ${actual.length}): expected …${show(expected)}… got …${show(actual)}…`;
}

function markIds(): string[] {
  return Array.from(document.querySelectorAll('backstory-mention'), (m) => m.getAttribute('data-entity') ?? '');
}

function nothingOfOurs(): boolean {
  return !document.querySelector('backstory-mention') && !document.querySelector('style[data-backstory]') && !document.querySelector('backstory-card');
}

function passCount(): number {
  return performance.getEntriesByName('backstory:annotate').length;
}

/** Where the annotator ran (first pass start to last pass end), from its performance entries. */
function annotationSpan(): { from: number; to: number; marks: number } {
  const starts = performance.getEntriesByType('measure').filter((m) => m.name.startsWith('backstory:annotate:start:'));
  const ends = performance.getEntriesByName('backstory:annotate');
  return {
    from: Math.min(...starts.map((m) => m.startTime)),
    to: Math.max(...ends.map((m) => m.startTime + m.duration)),
    marks: document.querySelectorAll('backstory-mention').length,
  };
}
/** The long tasks that overlap the annotator's span, or end within 200 ms after it. */
const duringAnnotation = <T extends { start: number; duration: number }>(tasks: T[], span: { from: number; to: number }): T[] =>
  tasks.filter((t) => t.start + t.duration >= span.from && t.start <= span.to + 200);

/** Long tasks as duration@start, the start in ms relative to `zero` (our first pass, or the navigation). */
const ms = (tasks: { duration: number; start: number }[], zero = 0): string =>
  `[${tasks.map((t) => `${t.duration.toFixed(0)}@${(t.start - zero).toFixed(0)}`).join(', ')}] ms`;

describe('hostile pages', () => {
  let ext: Extension;
  let server: TypedServer;
  let options: Page;

  const writeSettings = (settings: object): Promise<void> =>
    options.evaluate((s) => (globalThis as unknown as Chrome).chrome.storage.sync.set({ settings: s }), settings);

  beforeAll(async () => {
    server = await startTypedServer();
    ext = await launchExtension();
    options = await ext.openPage('src/options/index.html');
    await writeSettings(ON);
  });
  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  async function open(url: string): Promise<Opened> {
    const page = await ext.context.newPage();
    const errors = recordErrors(page);
    await page.addInitScript(INIT_RECORDER);
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    return { page, errors, world: await isolatedWorld(page) };
  }

  /** Turns the site off and waits until every world is free of marks, our style and our card. */
  async function turnOff(worlds: World[]): Promise<void> {
    await writeSettings(OFF);
    for (const w of worlds) await waitIn(w, nothingOfOurs, undefined, 20_000, 'our marks to be removed');
  }

  /** (1): no error from our code, by pageerror, console or the page's window.onerror recorder. */
  async function expectNoErrorsFromUs(o: Opened, pageMayThrow = false): Promise<void> {
    const recorded = await inPageErrors(o.page);
    expect(o.errors.ours, 'errors and error logs from our code').toEqual([]);
    expect(recorded.ours, "errors from our code seen by the page's window.onerror").toEqual([]);
    // Pages that do not throw on purpose must not throw at all: an error in page code that we caused counts too.
    if (!pageMayThrow) {
      expect(o.errors.page, 'uncaught errors in the page').toEqual([]);
      expect(recorded.page, "errors seen by the page's window.onerror").toEqual([]);
    }
  }

  /** (2) and (3) for a static page: same text after annotation, same markup after turning off. */
  async function checkStatic(o: Opened, worlds: World[] = [o.world]): Promise<void> {
    for (const w of worlds) expect(await w.run(differenceFromReference, 'text'), '(2) body text after annotation').toBeNull();
    await turnOff(worlds);
    for (const w of worlds) {
      expect(await w.run(differenceFromReference, 'text'), '(3) body text after turning off').toBeNull();
      expect(await w.run(differenceFromReference, 'html'), '(3) body markup after turning off').toBeNull();
    }
  }

  async function finish(o: Opened | undefined): Promise<void> {
    await o?.page.close();
    await writeSettings(ON);
  }

  it('sees errors that our content-script world throws, rejects or logs (detector self-check)', async () => {
    let o: Opened | undefined;
    try {
      o = await open(server.page('/canary.html', articlePage('Canary', NAMED)));
      await waitForQuiet(o.world);
      await canaryInContentScript(o.page, ext.id);
      const errors = o.errors;
      await expect.poll(() => errors.ours.length, { timeout: 5000 }).toBeGreaterThanOrEqual(3);
      expect(errors.ours.join('\n')).toMatch(/canary: uncaught/);
      expect(errors.ours.join('\n')).toMatch(/canary: rejection/);
      expect(errors.ours.join('\n')).toMatch(/canary: console/);
    } finally {
      await finish(o);
    }
  });

  it('a DOM nested 5,000 levels deep, with a name at the bottom', async () => {
    let o: Opened | undefined;
    try {
      o = await open(server.page('/deep.html', deepPage(5000)));
      const before = await o.page.evaluate(() => (window as unknown as { __before: Snapshot }).__before);
      await o.world.run(keepReference, before);
      await waitForQuiet(o.world);
      const bottom = await o.world.run(() => {
        const m = document.querySelector('#bottom backstory-mention[data-entity="kim-jong-un"]');
        let depth = 0;
        for (let el = m?.parentElement; el; el = el.parentElement) depth++;
        return { marked: m !== null, text: m?.textContent ?? null, depth };
      });
      expect(bottom).toMatchObject({ marked: true, text: 'Kim Jong Un' });
      expect(bottom.depth).toBeGreaterThan(5000);
      expect(await o.world.run(markIds)).toContain('seoul');
      await checkStatic(o);
      await expectNoErrorsFromUs(o);
    } finally {
      await finish(o);
    }
  });

  it('200,000 text nodes in small paragraphs and spans', async () => {
    let o: Opened | undefined;
    try {
      const t0 = Date.now();
      o = await open(server.page('/many.html', manyNodesPage(40_000, 40)));
      await o.world.run(keepParsedReference, 'text/html');
      await waitForQuiet(o.world, 60_000);
      const span = await o.world.run(annotationSpan);
      const tasks = duringAnnotation(await longTasks(o.page), span);
      log(`200k text nodes: long tasks during annotation (duration@start from our first pass): ${ms(tasks, span.from)}`);
      const stats = await o.world.run(() => {
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        let words = 0;
        for (let n = walker.nextNode(); n; n = walker.nextNode()) if (/\S/.test((n as Text).data)) words++;
        const passes = performance.getEntriesByName('backstory:annotate') as PerformanceMeasure[];
        return { words, marks: document.querySelectorAll('backstory-mention').length, annotateMs: passes.reduce((s, p) => s + p.duration, 0) };
      });
      log(`200k text nodes: ${stats.words} non-blank text nodes, ${stats.marks} marks, annotation passes took ${stats.annotateMs.toFixed(0)} ms, load+annotate ${Date.now() - t0} ms`);
      // 1,000 named paragraphs, each with one or more names; the marks add text nodes of their own.
      expect(stats.words).toBeGreaterThanOrEqual(200_000);
      expect(stats.marks).toBeGreaterThanOrEqual(1000);
      await checkStatic(o);
      await expectNoErrorsFromUs(o);
    } finally {
      await finish(o);
    }
  }, 120_000);

  it('long paragraphs full of names: the marks go in over several layouts, none laying out more than LAYOUT_TEXT', async () => {
    let o: Opened | undefined;
    try {
      // 90 paragraphs of 1,600 characters: 144,000 characters of paragraphs to lay out again.
      o = await open(server.page('/long-paragraphs.html', longParagraphsPage(90, 1600)));
      await o.world.run(keepParsedReference, 'text/html');
      await waitForQuiet(o.world);
      const span = await o.world.run(annotationSpan);
      const seen = await o.page.evaluate(() => {
        const w = window as unknown as { __placed: { layouts: number; p: number }[] };
        const lengths = Array.from(document.getElementsByTagName('p'), (p) => (p.textContent ?? '').length);
        const layouts = performance.getEntriesByName('backstory:layout').length;
        // The marks inserted after the same number of our layouts are laid out together, by the next one.
        const between = new Map<number, { paragraphs: Set<number>; marks: number }>();
        for (const m of w.__placed) {
          const b = between.get(m.layouts) ?? { paragraphs: new Set<number>(), marks: 0 };
          b.paragraphs.add(m.p);
          b.marks++;
          between.set(m.layouts, b);
        }
        const layout = [...between.values()].map((b) => [[...b.paragraphs].reduce((sum, p) => sum + (lengths[p] ?? 0), 0), b.marks]);
        return { marks: w.__placed.length, marked: new Set(w.__placed.map((m) => m.p)).size, layouts, layout };
      });
      // The annotator's measure of what a layout does again (see LAYOUT_TEXT).
      const perLayout = seen.layout.map(([chars, marks]) => chars! + MARK_CHARS * marks!);
      const tasks = duringAnnotation(await longTasks(o.page), span);
      log(`long paragraphs: ${seen.marks} marks in ${seen.marked} paragraphs, ${seen.layouts} layouts of ours; per layout, [characters of paragraphs, marks] ${JSON.stringify(seen.layout)}; long tasks ${ms(tasks, span.from)}`);
      expect(seen.marked).toBe(90);
      expect(seen.marks).toBe(span.marks);
      const needed = Math.ceil((90 * 1600 + MARK_CHARS * seen.marks) / LAYOUT_TEXT);
      // Ours, and the page's next frame for the last stretch.
      expect(seen.layouts).toBe(needed - 1);
      expect(perLayout.length).toBeGreaterThanOrEqual(needed);
      expect(Math.max(...perLayout)).toBeLessThanOrEqual(LAYOUT_TEXT);
      await checkStatic(o);
      await expectNoErrorsFromUs(o);
    } finally {
      await finish(o);
    }
  });

  it('long paragraphs the page rewrites while the wrap yields: no mark lands on the old offsets', async () => {
    let o: Opened | undefined;
    try {
      o = await open(server.page('/long-rewritten.html', longParagraphsPage(90, 1600, true)));
      // The rewrite adds text, and the annotator takes the rewritten paragraphs up again.
      await waitIn(o.world, () => new Set(Array.from(document.querySelectorAll('backstory-mention'), (m) => m.closest('p'))).size === 90, undefined, 30_000, 'every paragraph to be marked');
      await waitForQuiet(o.world);
      const seen = await o.world.run(() => {
        const texts = new Map<string, Set<string>>();
        for (const m of document.querySelectorAll('backstory-mention')) {
          const id = m.getAttribute('data-entity') ?? '';
          texts.set(id, (texts.get(id) ?? new Set()).add(m.textContent ?? ''));
        }
        const rewritten = Array.from(document.getElementsByTagName('p')).filter((p) => (p.textContent ?? '').startsWith('Yes, ')).length;
        return { rewritten, texts: [...texts].map(([id, t]) => `${id}: ${[...t].join(' | ')}`) };
      });
      log(`long paragraphs rewritten while wrapping: ${seen.rewritten} rewritten; marks by entity: ${seen.texts.join('; ')}`);
      expect(seen.rewritten).toBeGreaterThan(0);
      expect(seen.rewritten).toBeLessThan(90);
      // Each entity is written one way on this page: a mark cut at stale offsets would show another text.
      for (const line of seen.texts) expect(line).not.toContain(' | ');
      expect(seen.texts.map((l) => l.split(':')[0])).toEqual(expect.arrayContaining(NAMED_IDS));
      await expectNoErrorsFromUs(o);
    } finally {
      await finish(o);
    }
  });

  it('a page that rewrites paragraphs every animation frame: bounded work, no feedback loop', async () => {
    const url = server.page('/raf.html', rafPage());
    const WINDOW = 3000;
    /** Main-thread time, annotation passes and frames over one window. */
    async function measure(o: Opened): Promise<{ cpu: MainThread; passes: number; frames: number }> {
      const frames0 = await o.page.evaluate(() => (window as unknown as { __raf: { frames: number } }).__raf.frames);
      const passes0 = await o.world.run(passCount);
      const cpu0 = await mainThread(o.page);
      await o.page.waitForTimeout(WINDOW);
      const cpu = minus(await mainThread(o.page), cpu0);
      const passes = (await o.world.run(passCount)) - passes0;
      const frames = (await o.page.evaluate(() => (window as unknown as { __raf: { frames: number } }).__raf.frames)) - frames0;
      return { cpu, passes, frames };
    }
    const fmt = (m: { cpu: MainThread; passes: number; frames: number }): string =>
      `task ${(m.cpu.task * 1000).toFixed(0)} ms, script ${(m.cpu.script * 1000).toFixed(0)} ms, layout ${(m.cpu.layout * 1000).toFixed(0)} ms, style ${(m.cpu.style * 1000).toFixed(0)} ms, ${m.passes} passes, ${m.frames} frames`;

    let off: Opened | undefined;
    let on: Opened | undefined;
    try {
      // The page alone: the site is off, so our script loads and stays idle.
      await writeSettings(OFF);
      off = await open(url);
      await off.page.waitForTimeout(1500);
      const base = await measure(off);
      expect(base.passes).toBe(0);
      await expectNoErrorsFromUs(off);
      await off.page.close();
      off = undefined;

      await writeSettings(ON);
      on = await open(url);
      await waitIn(on.world, passCount, undefined, 15_000, 'a first annotation pass');
      await on.page.waitForTimeout(1000);
      const early = await on.world.run(passCount);
      const first = await measure(on);
      await on.page.waitForTimeout(WINDOW);
      const later = await measure(on);
      const extra = (m: typeof first): number => (m.cpu.task - base.cpu.task) / (WINDOW / 1000);
      log(`rAF page: ${early} annotation passes in the first second after the first one`);
      log(`rAF page, ${WINDOW / 1000} s windows: site off: ${fmt(base)}`);
      log(`rAF page: site on, first window: ${fmt(first)}; extra main-thread time ${(extra(first) * 100).toFixed(1)}% of wall time`);
      log(`rAF page: site on, window 3 s later: ${fmt(later)}; extra ${(extra(later) * 100).toFixed(1)}% of wall time`);
      // The page kept animating, so the measure is fair.
      expect(first.frames).toBeGreaterThan(30);
      expect(later.frames).toBeGreaterThan(30);
      // Bounded: our extra main-thread time is well under half the wall time…
      expect(extra(first)).toBeLessThan(0.5);
      expect(extra(later)).toBeLessThan(0.5);
      // …at most a few passes a second (the 250 ms batching), and not growing.
      expect(first.passes).toBeLessThanOrEqual(4 * (WINDOW / 1000) + 1);
      expect(later.passes).toBeLessThanOrEqual(first.passes + 2);
      expect(later.cpu.task).toBeLessThan(first.cpu.task * 1.5 + 0.15);

      // No feedback loop: once the page stops writing, our own insertions start no more passes.
      await on.page.evaluate(() => (window as unknown as { __raf: { stop(): void } }).__raf.stop());
      await waitForQuiet(on.world, 10_000);
      const settled = await on.world.run(passCount);
      await on.page.waitForTimeout(1500);
      expect(await on.world.run(passCount), 'passes after the page went quiet').toBe(settled);

      const expected = await on.page.evaluate(() => (window as unknown as { __expected(): Snapshot }).__expected());
      await on.world.run(keepReference, expected);
      await checkStatic(on);
      await expectNoErrorsFromUs(on);
    } finally {
      await off?.page.close();
      await finish(on);
    }
  }, 60_000);

  it('a page that unwraps, recreates, rewraps and reinserts our marks as soon as they appear', async () => {
    let o: Opened | undefined;
    try {
      o = await open(server.page('/unwrap.html', unwrapPage()));
      await o.page.waitForFunction(() => (window as unknown as { __hostile: { added?: boolean } }).__hostile.added === true);
      await waitForQuiet(o.world, 15_000);
      const settled = await o.world.run(passCount);
      const handled = await o.page.evaluate(() => (window as unknown as { __hostile: { handled: number } }).__hostile.handled);
      await o.page.waitForTimeout(2000);
      const passes = await o.world.run(passCount);
      const handledLater = await o.page.evaluate(() => (window as unknown as { __hostile: { handled: number } }).__hostile.handled);
      log(`unwrapping page: ${passes} passes, the page took ${handledLater} marks apart`);
      // No tug of war: once both sides are done, nothing more happens.
      expect(passes, 'annotation passes keep coming').toBe(settled);
      expect(handledLater, 'the page keeps receiving new marks').toBe(handled);
      expect(handled).toBeGreaterThan(0);
      // The calm paragraph keeps its marks.
      expect(await o.world.run(markIds)).toContain('moscow');

      const expected = await o.page.evaluate(() => (window as unknown as { __expected(): Snapshot }).__expected());
      await o.world.run(keepReference, expected);
      expect(await o.world.run(differenceFromReference, 'text'), '(2) body text').toBeNull();
      await turnOff([o.world]);
      // The page rewrapped some marks in its own <b>, so only the text can match.
      expect(await o.world.run(differenceFromReference, 'text'), '(3) body text after turning off').toBeNull();
      await expectNoErrorsFromUs(o);
    } finally {
      await finish(o);
    }
  }, 60_000);

  it('a page that replaced DOM built-ins in its main world with throwing versions', async () => {
    let o: Opened | undefined;
    try {
      o = await open(server.page('/prototypes.html', hostilePrototypesPage()));
      await o.world.run(keepParsedReference, 'text/html');
      await waitForQuiet(o.world);
      expect(await o.world.run(markIds)).toEqual(expect.arrayContaining(NAMED_IDS));
      // The card still opens on hover.
      await o.page.locator('backstory-mention[data-entity="kim-jong-un"]').first().hover();
      await waitIn(
        o.world,
        () => {
          const host = document.querySelector('backstory-card') as HTMLElement | null;
          const frame = host?.shadowRoot?.querySelector('.frame');
          return !!host && !host.hidden && host.shadowRoot?.querySelector('.name')?.textContent === 'Kim Jong Un' && (frame?.getBoundingClientRect().width ?? 0) > 0;
        },
        undefined,
        5000,
        'the card of Kim Jong Un',
      );
      await o.page.mouse.move(5, 5);
      await checkStatic(o);
      await expectNoErrorsFromUs(o, true);
      // The page's own throwing constructor is all it may report.
      const recorded = await inPageErrors(o.page);
      for (const e of [...o.errors.page, ...recorded.page.map((r) => r.message)]) expect(e).toMatch(/hostile page: mention constructor/);
    } finally {
      await finish(o);
    }
  });

  it('quirks mode (no doctype)', async () => {
    let o: Opened | undefined;
    try {
      o = await open(server.page('/quirks.html', quirksPage()));
      await o.world.run(keepParsedReference, 'text/html');
      await waitForQuiet(o.world);
      expect(await o.world.run(() => document.compatMode)).toBe('BackCompat');
      expect(await o.world.run(markIds)).toEqual(expect.arrayContaining(NAMED_IDS));
      await checkStatic(o);
      await expectNoErrorsFromUs(o);
    } finally {
      await finish(o);
    }
  });

  it('an XHTML page served as application/xhtml+xml', async () => {
    let o: Opened | undefined;
    try {
      o = await open(server.page('/page.xhtml', xhtmlPage(), 'application/xhtml+xml'));
      await o.world.run(keepParsedReference, 'application/xhtml+xml');
      expect(await o.world.run(() => document.contentType)).toBe('application/xhtml+xml');
      // The content script leaves XML documents alone (main() checks for an HTMLDocument), so there
      // is no pass to wait for: give it the time a pass takes, then check nothing broke.
      await o.page.waitForTimeout(1500);
      const marks = await o.world.run(markIds);
      log(`XHTML page: ${marks.length} marks`);
      expect(await o.world.run(() => document.querySelector('svg backstory-mention'))).toBeNull();
      await checkStatic(o);
      await expectNoErrorsFromUs(o);
    } finally {
      await finish(o);
    }
  });

  it('a frameset page', async () => {
    let o: Opened | undefined;
    try {
      const a = server.page('/frame-a.html', articlePage('Frame A', NAMED.slice(0, 2)));
      const b = server.page('/frame-b.html', articlePage('Frame B', NAMED.slice(2)));
      o = await open(server.page('/frameset.html', framesetPage(a, b)));
      const worlds = [await isolatedWorld(o.page, (u) => u === a), await isolatedWorld(o.page, (u) => u === b)];
      for (const w of [o.world, ...worlds]) await w.run(keepParsedReference, 'text/html');
      for (const w of worlds) await waitForQuiet(w);
      const ids = [...(await worlds[0]!.run(markIds)), ...(await worlds[1]!.run(markIds))];
      expect(ids).toEqual(expect.arrayContaining(NAMED_IDS));
      expect(await o.world.run(() => document.body?.localName)).toBe('frameset');
      expect(await o.world.run(markIds)).toEqual([]);
      await checkStatic(o, [o.world, ...worlds]);
      await expectNoErrorsFromUs(o);
    } finally {
      await finish(o);
    }
  });

  it('an about:blank iframe filled by script and a srcdoc iframe', async () => {
    let o: Opened | undefined;
    try {
      o = await open(server.page('/iframes.html', iframesPage()));
      await o.world.run(keepParsedReference, 'text/html');
      const blank = await isolatedWorld(o.page, (u) => u === 'about:blank');
      const srcdoc = await isolatedWorld(o.page, (u) => u === 'about:srcdoc');
      await blank.run(keepReference, await o.page.evaluate(() => (window as unknown as { __blankBefore: Snapshot }).__blankBefore));
      const srcdocHtml = await o.page.locator('#srcdoc').getAttribute('srcdoc');
      await srcdoc.run((html: string) => {
        const doc = new DOMParser().parseFromString(html, 'text/html');
        (globalThis as unknown as { __ref: Snapshot }).__ref = { text: doc.body.textContent ?? '', html: doc.body.innerHTML };
      }, srcdocHtml ?? '');
      await waitForQuiet(o.world);
      expect(await o.world.run(markIds)).toEqual(expect.arrayContaining(['seoul', 'beijing']));
      log(`iframes: about:blank ${(await blank.run(markIds)).length} marks, srcdoc ${(await srcdoc.run(markIds)).length} marks`);
      await checkStatic(o, [o.world, blank, srcdoc]);
      await expectNoErrorsFromUs(o);
    } finally {
      await finish(o);
    }
  });

  // The annotator leaves text nodes over 128 KiB alone (see MAX_TEXT in src/content/text-walk.ts).
  for (const [mb, marked] of [[0.1, true], [5, false]] as const) {
    it(`one huge text node of ${mb} MB with names in it (${marked ? 'marked' : 'left alone'})`, async () => {
      const url = server.page(`/huge-${mb}.html`, hugeTextPage(mb * 1_000_000, 10_000));
      let o: Opened | undefined;
      try {
        // The page by itself (site off): its own parse and layout of the huge paragraph.
        await writeSettings(OFF);
        o = await open(url);
        await o.page.waitForTimeout(1500);
        const own = await longTasks(o.page);
        await expectNoErrorsFromUs(o);
        await o.page.close();
        await writeSettings(ON);

        o = await open(url);
        await o.world.run(keepParsedReference, 'text/html');
        // One text node, as the page's own script left it before we ran.
        expect(await o.world.run(() => document.documentElement.dataset.hugeNodes)).toBe('1');
        await waitForQuiet(o.world, 60_000);
        const span = await o.world.run(annotationSpan);
        const inHuge = await o.world.run(() => document.querySelectorAll('#huge backstory-mention').length);
        // Let the frame after our last change render: re-laying out the paragraph is ours too.
        await o.page.waitForTimeout(500);
        const tasks = await longTasks(o.page);
        const ours = duringAnnotation(tasks, span);
        const longest = Math.max(0, ...ours.map((t) => t.duration));
        log(
          `${mb} MB text node: ${inHuge} marks in it, annotation ${(span.to - span.from).toFixed(0)} ms; long tasks (duration@start from our first pass) during or right after it: ${ms(ours, span.from)}; ` +
            `all long tasks with us: ${ms(tasks, span.from)}; the page alone (site off, @ from navigation): ${ms(own)}`,
        );
        if (marked) expect(inHuge).toBeGreaterThan(mb * 100);
        else expect(inHuge).toBe(0);
        expect(await o.world.run(() => document.querySelector('#after backstory-mention')?.getAttribute('data-entity'))).toBe('seoul');
        // No long task of ours (50 ms), or where the page's own load of the same paragraph made
        // one in this run (long tasks are 50 ms and more), none longer than the page's own worst:
        // its later layouts of a huge node fall in our window too.
        const ownLongest = Math.max(0, ...own.map((t) => t.duration));
        expect(longest, `longest task during our annotation (${longest} ms) vs the page's own longest (${ownLongest} ms)`).toBeLessThan(Math.max(50, ownLongest));
        await checkStatic(o);
        // Turning off merged the pieces back into the one text node (or there were none).
        expect(await o.world.run(() => document.getElementById('huge')?.childNodes.length)).toBe(1);
        await expectNoErrorsFromUs(o);
      } finally {
        await finish(o);
      }
    }, 120_000);
  }

  it('right-to-left and mixed scripts, emoji, combining marks, bidi controls and lone surrogates', async () => {
    let o: Opened | undefined;
    try {
      o = await open(server.page('/mixed.html', mixedScriptsPage()));
      const before = await o.page.evaluate(() => (window as unknown as { __before: Snapshot }).__before);
      await o.world.run(keepReference, before);
      await waitForQuiet(o.world);
      const ids = await o.world.run(markIds);
      expect(ids).toEqual(expect.arrayContaining(['kim-jong-un', 'donald-trump', 'moscow', 'seoul']));
      // A mark never splits a surrogate pair.
      const split = await o.world.run(() => {
        const high = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
        const low = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;
        const bad: string[] = [];
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        let prev: Text | null = null;
        for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
          if (prev && prev.data.length > 0 && n.data.length > 0) {
            const crosses = prev.parentElement?.localName === 'backstory-mention' || n.parentElement?.localName === 'backstory-mention';
            if (crosses && high(prev.data.charCodeAt(prev.data.length - 1)) && low(n.data.charCodeAt(0))) bad.push(JSON.stringify(prev.data.slice(-8) + '|' + n.data.slice(0, 8)));
          }
          if (n.data.length > 0) prev = n;
        }
        return bad;
      });
      expect(split).toEqual([]);
      await checkStatic(o);
      await expectNoErrorsFromUs(o);
    } finally {
      await finish(o);
    }
  });
});
