/**
 * The in-page half of `npm run bench`, built by vite into one IIFE and injected with
 * page.addScriptTag. Each function measures one contender on the page as it is loaded;
 * run.ts reloads the page between contenders so one's marks never slow another.
 */
import { Annotator, Density, markSpans } from '../src/content/annotator';
import { placeOf, type BlockTexts } from '../src/content/dom-filter';
import { TextCursor } from '../src/content/text-walk';
import { Matcher, resolveMentions, type TextUnit } from '../src/matcher/index';
import { ENTITY_TYPES } from '../src/kb/schema';
import { decodeBase64 } from '../src/content/decode-base64';
import { wrapSpans } from '../src/content/wrap';

/** The options the content script uses by default, with every type on. */
const PREFS = { density: 'first-per-block' as const, types: [...ENTITY_TYPES], mutedEntities: [] as string[] };

export interface FloorResult {
  ms: number;
  textNodes: number;
  chars: number;
}

export interface BackstoryResult {
  /** Wall time from the load of the index to the resolution of start(). */
  ms: number;
  /** base64 → bytes → Matcher.fromIndex. */
  decodeMs: number;
  /** Sum of the annotator's synchronous slices (wall time minus the time it left to the page). */
  busyMs: number;
  /** The longest synchronous slice of the pass, and the first one (which includes the decode). */
  longestSliceMs: number;
  firstSliceMs: number;
  /** Which slice was the longest (0 = the first). */
  longestSliceIndex: number;
  slices: number;
  /** The longest 'longtask' entry (≥ 50 ms) the browser reported during the pass; 0 when none. */
  longTaskMs: number;
  marks: number;
}

export interface CountResult {
  ms: number;
  matches: number;
}

interface MarkOptions {
  accuracy: 'exactly';
  separateWordSearch: boolean;
  acrossElements: boolean;
  caseSensitive: boolean;
  diacritics: boolean;
  done: (marks: number) => void;
}
interface MarkInstance {
  mark(keywords: string[], options: MarkOptions): void;
}
type MarkConstructor = new (context: Element) => MarkInstance;

const now = (): number => performance.now();

export { decodeBase64 };

/** The floor: visit every text node of the body and read its data, nothing else. */
export function floor(): FloorResult {
  const t0 = now();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let textNodes = 0;
  let chars = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    chars += (n as Text).data.length;
    textNodes++;
  }
  return { ms: now() - t0, textNodes, chars };
}

/**
 * Records the annotator's synchronous slices: it yields through scheduler.yield(), or asks for
 * an animation frame to let the page render (and yields from its callback), so the time from
 * either call to its resumption belongs to the page, everything else to us.
 */
export function trackSlices(): { slices: number[]; start(at: number): void; stop(end: number): void } {
  const slices: number[] = [];
  let resumed = 0;
  const sched = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  const original = sched?.yield;
  if (sched && original) {
    sched.yield = () => {
      slices.push(now() - resumed);
      return original.call(sched).then(() => {
        resumed = now();
      });
    };
  }
  const raf = window.requestAnimationFrame;
  window.requestAnimationFrame = (callback) => {
    slices.push(now() - resumed);
    return raf.call(window, (t) => {
      resumed = now();
      callback(t);
    });
  };
  return {
    slices,
    start(at) {
      resumed = at;
    },
    stop(end) {
      slices.push(end - resumed);
      if (sched && original) delete sched.yield;
      window.requestAnimationFrame = raf;
    },
  };
}

/** Collects long tasks; read(since) waits two tasks so the last one is reported, and keeps those ending after `since`. */
function longTasks(): { read(since: number): Promise<number> } {
  const entries: PerformanceEntry[] = [];
  let observer: PerformanceObserver | undefined;
  try {
    observer = new PerformanceObserver((list) => entries.push(...list.getEntries()));
    observer.observe({ type: 'longtask', buffered: true });
  } catch {
    observer = undefined;
  }
  return {
    async read(since) {
      for (let i = 0; i < 2; i++) await new Promise((resolve) => setTimeout(resolve, 0));
      if (observer) {
        entries.push(...observer.takeRecords());
        observer.disconnect();
      }
      return Math.max(0, ...entries.filter((e) => e.startTime + e.duration > since).map((e) => e.duration));
    },
  };
}

/** The match index as the content script ships it: its bytes in base64, and its text. */
export interface ShippedIndex {
  base64: string;
  text: string;
}

/** What run.ts hands the page before measuring, so no large argument rides on a measured task. */
export interface BenchData extends ShippedIndex {
  aliases: string[];
}
let data: BenchData = { base64: '', text: '', aliases: [] };
export function setData(d: BenchData): void {
  data = d;
}
export const getData = (): BenchData => data;

/** Objects kept alive after a pass, so a heap snapshot taken afterwards still counts them. */
const kept: unknown[] = [];

/** The index as the content script loads it. */
const load = (index: ShippedIndex): Matcher => Matcher.fromIndex({ bytes: decodeBase64(index.base64), text: index.text });

/** The whole first pass of the real annotator, from the shipped index to start() resolving. */
export async function backstory(index: ShippedIndex, keep = false): Promise<BackstoryResult> {
  // The measuring apparatus is set up before the clock starts: its cost is not Backstory's.
  const tasks = longTasks();
  const track = trackSlices();
  const t0 = now();
  track.start(t0);
  const matcher = load(index);
  const decodeMs = now() - t0;
  const annotator = new Annotator(document, matcher, PREFS, new AbortController().signal);
  await annotator.start();
  const t1 = now();
  track.stop(t1);
  if (keep) kept.push(matcher, annotator);
  const slices = track.slices;
  return {
    ms: t1 - t0,
    decodeMs,
    busyMs: slices.reduce((a, b) => a + b, 0),
    longestSliceMs: Math.max(0, ...slices),
    firstSliceMs: slices[0] ?? 0,
    longestSliceIndex: slices.indexOf(Math.max(...slices)),
    slices: slices.length,
    longTaskMs: await tasks.read(t0),
    marks: annotator.current().length,
  };
}

export interface PhasesResult {
  decodeMs: number;
  /** Of decodeMs: base64 to bytes; the rest is Matcher.fromIndex. */
  base64Ms: number;
  /** The annotator's walk (text-walk.ts's TextCursor): every text node worth scanning, no matching. */
  walkMs: number;
  /** matcher.scan() of every text the walk keeps, plus, for each with a hit, the ancestor check, its block, paragraph text and headline lookups. */
  scanMs: number;
  resolveMs: number;
  /**
   * What the marks alone cost the page: every resolved mention wrapped at once (wrapSpans, the
   * annotator's own), then one layout of the whole document, with no slicing or yielding. The
   * pass does the same work in slices, so this is its DOM's share, which no annotator that
   * marks these mentions in the page can avoid.
   */
  wrapMs: number;
  layoutMs: number;
  marks: number;
  units: number;
  candidates: number;
}

/**
 * A diagnostic breakdown of the first pass, redone step by step with the annotator's own walk,
 * scan and wrap, all at once (without slicing): where the time goes, not a second score.
 */
export function phases(index: ShippedIndex): PhasesResult {
  const t0 = now();
  const bytes = decodeBase64(index.base64);
  const tb = now();
  const matcher = Matcher.fromIndex({ bytes, text: index.text });
  const t1 = now();
  // The annotator's own walk (text-walk.ts), collected up front so the scan is timed apart.
  const cursor = new TextCursor(document, document.body);
  const texts: Text[] = [];
  for (let t = cursor.next(); t; t = cursor.next()) texts.push(t);
  const t2 = now();
  const units: (TextUnit & { block: Element; node: Text })[] = [];
  const blockTexts: BlockTexts = new WeakMap();
  let candidates = 0;
  for (const node of texts) {
    // Read once, as the pass reads the cursor's text: each node.data is a DOM call.
    const text = node.data;
    const found = matcher.scan(text);
    const parent = node.parentElement;
    if (found.length > 0 && parent && cursor.allows(node)) {
      candidates += found.length;
      units.push({ node, text, candidates: found, ...placeOf(parent, text, blockTexts) });
    }
  }
  const t3 = now();
  const resolved = resolveMentions(units, matcher, { title: document.title });
  const t4 = now();
  // Each mark gets its look and tab stop as in the first pass, with the default density.
  const density = new Density(PREFS.density);
  let marks = 0;
  for (const [i, spans] of resolved.entries()) {
    const unit = units[i];
    if (!unit || spans.length === 0) continue;
    marks += wrapSpans(document, unit.node, markSpans(spans, unit.block, density)).length;
  }
  const t5 = now();
  document.documentElement.getBoundingClientRect();
  const t6 = now();
  return { decodeMs: t1 - t0, base64Ms: tb - t0, walkMs: t2 - t1, scanMs: t3 - t2, resolveMs: t4 - t3, wrapMs: t5 - t4, layoutMs: t6 - t5, marks, units: units.length, candidates };
}

export interface MarkjsResult extends CountResult {
  /** Aliases searched before the budget ran out; ms is extrapolated linearly when below all. */
  searched: number;
  extrapolated: boolean;
}

/**
 * mark.js 8.11.1 with every alias. It walks the whole DOM once per keyword, and its keyword
 * loop recurses once per keyword, so aliases go in chunks; past `budgetMs` the rest is
 * extrapolated from the chunks done (each chunk costs about the same: one walk per alias).
 */
export async function markjs(aliases: readonly string[], chunk: number, budgetMs: number): Promise<MarkjsResult> {
  const Mark = (globalThis as unknown as { Mark?: MarkConstructor }).Mark;
  if (!Mark) throw new Error('mark.js is not loaded');
  const t0 = now();
  const instance = new Mark(document.body);
  let matches = 0;
  let searched = 0;
  while (searched < aliases.length && (searched === 0 || now() - t0 < budgetMs)) {
    const part = aliases.slice(searched, searched + chunk);
    await new Promise<void>((resolve) =>
      instance.mark(part, {
        accuracy: 'exactly',
        separateWordSearch: false,
        acrossElements: false,
        // Backstory matches case-exactly and folds only typography: give mark.js the same cheap settings.
        caseSensitive: true,
        diacritics: false,
        done: (n) => {
          matches += n;
          resolve();
        },
      }),
    );
    searched += part.length;
  }
  const ms = now() - t0;
  const extrapolated = searched < aliases.length;
  return { ms: extrapolated ? (ms * aliases.length) / searched : ms, matches, searched, extrapolated };
}

/** Escapes syntax characters only: the 'u' flag rejects needless escapes such as \-. */
const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * One combined RegExp of every alias, longest first, run over every text node. `fresh` gives
 * its source a unique extra alternative that no text contains, so it is compiled here, on the
 * page, as the issue asks; otherwise V8 may serve the compilation an earlier load cached.
 */
export function regexp(aliases: readonly string[], fresh = true): CountResult {
  const t0 = now();
  let alternation = [...aliases].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');
  if (fresh) alternation += `|\\uFFFF${Math.random().toString(36).slice(2)}\\uFFFF`;
  const re = new RegExp(`(?<![\\p{L}\\p{N}_])(?:${alternation})(?![\\p{L}\\p{N}_])`, 'gu');
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let matches = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const data = (n as Text).data;
    re.lastIndex = 0;
    while (re.exec(data) !== null) matches++;
  }
  return { ms: now() - t0, matches };
}

export interface MutationResult {
  /** Frames the page's own script ran, and the time its rAF callbacks took. */
  frames: number;
  pageScriptMs: number;
  /** Our main-thread time in the window: pass slices plus MutationObserver callbacks. */
  backstoryMs: number;
  passes: number;
  observerMs: number;
}

interface MutatingPage {
  run(ms: number): Promise<{ frames: number; scriptMs: number }>;
}

/** What follow() set up, read by mutate(). */
const live = { following: false, observerMs: 0, yieldedMs: 0, windowStart: Infinity };

/**
 * Starts Backstory on the mutating page the way the content script does (observe, then the
 * first pass), timing its observer callbacks and the time its passes leave to the page.
 */
export async function follow(index: ShippedIndex): Promise<void> {
  const Original = MutationObserver;
  // The annotator looks the constructor up when observe() runs: hand it a timed one.
  globalThis.MutationObserver = class extends Original {
    constructor(callback: MutationCallback) {
      super((records, observer) => {
        const t = now();
        callback(records, observer);
        if (t >= live.windowStart) live.observerMs += now() - t;
      });
    }
  };
  const annotator = new Annotator(document, load(index), PREFS, new AbortController().signal);
  annotator.observe();
  globalThis.MutationObserver = Original;
  await annotator.start();
  const sched = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  const original = sched?.yield;
  if (sched && original) {
    sched.yield = () => {
      const t = now();
      return original.call(sched).then(() => {
        if (t >= live.windowStart) live.yieldedMs += now() - t;
      });
    };
  }
  kept.push(annotator);
  live.following = true;
}

/** Lets the page rewrite its ticker every frame for `ms`, then sums what Backstory did meanwhile. */
export async function mutate(ms: number): Promise<MutationResult> {
  const page = (globalThis as unknown as { mutatingPage: MutatingPage }).mutatingPage;
  live.windowStart = now();
  const { frames, scriptMs } = await page.run(ms);
  const windowEnd = now();
  // A pass still running at the end has recorded no measure yet: let it finish, then keep those begun in the window.
  await new Promise((resolve) => setTimeout(resolve, 300));
  const passes = performance
    .getEntriesByName('backstory:annotate', 'measure')
    .filter((m) => m.startTime >= live.windowStart && m.startTime < windowEnd);
  const passMs = passes.reduce((a, m) => a + m.duration, 0);
  return {
    frames,
    pageScriptMs: scriptMs,
    backstoryMs: live.following ? passMs - live.yieldedMs + live.observerMs : 0,
    passes: passes.length,
    observerMs: live.observerMs,
  };
}
