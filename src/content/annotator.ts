/**
 * The annotator: finds mentions in a document and wraps them, in chunks that yield to the
 * page, then keeps up with text the page adds later. It never re-scans what it has seen and
 * never reacts to its own insertions.
 */
import type { Matcher } from '../matcher';
import { Resolution } from '../matcher';
import type { Candidate, Mention, TextUnit } from '../matcher/types';
import type { Settings } from '../settings/defaults';
import { MENTION_TAG, blockOf, isInsideSkipped, placeOf, type BlockTexts } from './dom-filter';
import { TextCursor } from './text-walk';
import { isPageText, isPieceOf, takePiecesAfter, unwrapMentions, wrapSpans, type Span } from './wrap';

type Prefs = Pick<Settings, 'density' | 'types' | 'mutedEntities'>;

interface Unit extends TextUnit {
  node: Text;
  block: Element;
}

/** Work is cut into slices of about this many milliseconds, well under the 50 ms long-task mark. */
const SLICE_MS = 8;
/** A text node longer than this has the clock read right after its scan; shorter ones every eighth node. */
const CLOCK_EVERY_CHARS = 1000;
/**
 * A mark the page takes away within this many milliseconds of our adding it was refused: the
 * page unwraps our marks, or rewrites that text faster than anyone reads it. After BLOCK_DROPS
 * such refusals in one block we mark nothing new there, and after PAGE_DROPS on the whole page
 * nothing new at all, so a page that fights us cannot keep us re-marking forever.
 */
const QUICK_DROP_MS = 1000;
const BLOCK_DROPS = 3;
const PAGE_DROPS = 100;

/**
 * Wrapping makes Blink lay out again every paragraph it touches, all in one go: 110,000
 * characters of paragraphs with 476 marks took 56–80 ms at the next frame (New Zealand's
 * Wikipedia article; 6.6 ms of it styling the marks, 27 ms shaping text). So the wrap lays out
 * what it changed, in its own slice, whenever the paragraphs it changed since the last layout add
 * up to LAYOUT_TEXT characters, a mark counting as MARK_CHARS more (an element to style, a box to
 * lay out): a layout of 10–20 ms on the machines we measure on, in a slice of its own (after a
 * wrap slice, it made tasks of 53–55 ms on a test page of 4,950 marks). What the last stretch
 * changed is laid out by the page's next frame.
 *
 * Waiting for a frame to render instead did the same layout plus a pre-paint and paint per frame,
 * and waited for each frame to begin: on that article the pass took 146 ms against 117 ms now
 * (medians of eight loads each, alternated).
 */
export const LAYOUT_TEXT = 40_000;
export const MARK_CHARS = 50;

const yieldToPage = (): Promise<void> => {
  const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return s?.yield ? s.yield() : new Promise((resolve) => setTimeout(resolve, 0));
};

/**
 * Has Blink lay out the document now (reading a box does), and records it as the measure
 * 'backstory:layout'. A hidden page is left alone: it may not have been laid out at all yet, and
 * it lays out once, when it is shown.
 */
function layOut(doc: Document): void {
  if (doc.visibilityState === 'hidden') return;
  const start = performance.now();
  doc.documentElement.getBoundingClientRect();
  performance.measure('backstory:layout', { start, end: performance.now() });
}

export class Annotator {
  private readonly units: Unit[] = [];
  private readonly mentions: HTMLElement[] = [];
  private observer: MutationObserver | undefined;
  private pending = new Set<Node>();
  private flushTimer: ReturnType<typeof setTimeout> | undefined;
  private passes = 0;
  private running: Promise<void> = Promise.resolve();
  /** Marks added in the last QUICK_DROP_MS, to notice the page taking them away. */
  private recent: { el: HTMLElement; at: number; block: Element }[] = [];
  private readonly drops = new WeakMap<Element, number>();
  private pageDrops = 0;
  busy = false;

  constructor(
    private readonly doc: Document,
    private readonly matcher: Matcher,
    private prefs: Prefs,
    private readonly signal: AbortSignal,
    /** Called after every finished pass, once its marks are in the page. */
    private readonly onPass?: () => void,
  ) {}

  /** The first pass over the whole body. */
  start(): Promise<void> {
    const body = this.doc.body;
    if (!body) return Promise.resolve();
    return this.enqueue([body]);
  }

  /** Annotates text the page adds later, batched, never the whole page again. */
  observe(): void {
    if (!this.doc.body || this.observer) return;
    this.observer = new MutationObserver((records) => this.collect(records));
    this.observer.observe(this.doc.body, { childList: true, subtree: true, characterData: true });
    this.signal.addEventListener('abort', () => this.stop(), { once: true });
  }

  /** Mentions currently in the page, in document order. */
  current(): HTMLElement[] {
    return this.mentions.filter((m) => m.isConnected);
  }

  /**
   * Applies new preferences to the marks in place. Returns false when the change lets more
   * entities through (a type or entity turned back on): then the caller starts a fresh pass.
   */
  setPrefs(prefs: Prefs): boolean {
    const wider =
      prefs.types.some((t) => !this.prefs.types.includes(t)) ||
      this.prefs.mutedEntities.some((id) => !prefs.mutedEntities.includes(id));
    if (wider) return false;
    const muted = new Set(prefs.mutedEntities);
    const types = new Set(prefs.types);
    const drop = this.mentions.filter((m) => muted.has(m.dataset.entity ?? '') || !types.has(m.dataset.type as never));
    this.prefs = prefs;
    this.noticeDrops();
    this.withoutObserving(() => {
      unwrapMentions(drop);
      // Marks we take away ourselves are not the page refusing them.
      this.recent = this.recent.filter((r) => r.el.isConnected);
      const dropped = new Set(drop);
      this.removeFromList((m) => dropped.has(m));
      this.applyDensity();
    });
    return true;
  }

  /** Removes every mark and restores the DOM exactly. */
  stop(): void {
    this.observer?.disconnect();
    this.observer = undefined;
    if (this.flushTimer !== undefined) clearTimeout(this.flushTimer);
    this.pending.clear();
    unwrapMentions(this.mentions);
    this.mentions.length = 0;
    this.units.length = 0;
    this.recent = [];
  }

  private removeFromList(predicate: (m: HTMLElement) => boolean): void {
    for (let i = this.mentions.length - 1; i >= 0; i--) {
      const m = this.mentions[i];
      if (m && predicate(m)) this.mentions.splice(i, 1);
    }
  }

  private enqueue(roots: Node[]): Promise<void> {
    this.running = this.running.then(() => this.pass(roots)).catch((err: unknown) => {
      if (!this.signal.aborted) console.debug('Backstory: annotation pass failed', err);
    });
    return this.running;
  }

  private collect(records: MutationRecord[]): void {
    this.noticeDrops();
    let repaired = false;
    for (const r of records) {
      if (r.type === 'characterData') {
        const t = r.target;
        if (t.parentElement?.localName === MENTION_TAG) continue;
        // The page rewrote a text node we had split (frameworks update text in place): what we
        // split off holds the old text, and would show it twice.
        if (isPageText(t) && isPieceOf(t, t.nextSibling)) {
          takePiecesAfter(t, t.nextSibling, false);
          repaired = true;
        }
        if (!this.refused(t)) this.pending.add(t);
        continue;
      }
      // The page removed (or is moving) a text node we had split: it takes all its text along.
      const last = r.removedNodes[r.removedNodes.length - 1] ?? null;
      if (isPageText(last) && r.nextSibling?.parentNode === r.target && isPieceOf(last, r.nextSibling)) {
        takePiecesAfter(last, r.nextSibling, true);
        repaired = true;
      }
      for (const n of Array.from(r.addedNodes)) {
        if (n instanceof Element && (n.localName === MENTION_TAG || n.closest(MENTION_TAG))) continue;
        if (!this.refused(n)) this.pending.add(n);
      }
    }
    // Our own repairs are not news.
    if (repaired) this.observer?.takeRecords();
    if (this.pending.size > 0 && this.flushTimer === undefined) {
      // Pages that rewrite themselves every frame get at most a few passes a second.
      this.flushTimer = setTimeout(() => {
        this.flushTimer = undefined;
        const roots = [...this.pending].filter((n) => n.isConnected && !isInsideSkipped(n, this.doc.body));
        this.pending.clear();
        if (roots.length > 0) void this.enqueue(roots);
      }, 250);
    }
  }

  /** Counts the recent marks the page took away (see QUICK_DROP_MS). */
  private noticeDrops(): void {
    if (this.recent.length === 0) return;
    const now = performance.now();
    this.recent = this.recent.filter((r) => {
      if (!r.el.isConnected) {
        this.drops.set(r.block, (this.drops.get(r.block) ?? 0) + 1);
        this.pageDrops++;
        return false;
      }
      return now - r.at < QUICK_DROP_MS;
    });
  }

  /** True when the page keeps refusing our marks where `node` is (see QUICK_DROP_MS). */
  private refused(node: Node): boolean {
    if (this.pageDrops >= PAGE_DROPS) return true;
    const el = node instanceof Element ? node : node.parentElement;
    return el !== null && (this.drops.get(blockOf(el)) ?? 0) >= BLOCK_DROPS;
  }

  private withoutObserving(write: () => void): void {
    const earlier = this.observer?.takeRecords() ?? [];
    if (earlier.length > 0) this.collect(earlier);
    write();
    this.observer?.takeRecords();
  }

  private async pass(roots: Node[]): Promise<void> {
    if (this.signal.aborted) return;
    this.busy = true;
    const started = performance.now();
    // A zero-length measure says a pass began (tests wait for every begun pass to end). Not a
    // mark: the first performance.mark on a page costs 0.3 ms and more, a measure far less.
    performance.measure(`backstory:annotate:start:${++this.passes}`, { start: started, end: started });
    const fresh: Unit[] = [];
    let sliceStart = performance.now();
    for (const root of roots) {
      const cursor = new TextCursor(this.doc, root);
      while (!this.scanSlice(cursor, fresh, sliceStart)) {
        if (!(await this.yielded())) return;
        sliceStart = performance.now();
      }
    }
    // Text the page has removed can never be wrapped again; keeping it would make every later pass slower.
    let kept = 0;
    for (const u of this.units) if (u.node.isConnected) this.units[kept++] = u;
    this.units.length = kept;
    this.units.push(...fresh);
    // Resolve against everything seen so far, so context and coreference span the page: unit
    // by unit in slices like the scan's, then one linear decision over the spans.
    const resolution = new Resolution(this.matcher, { title: this.doc.title });
    for (const unit of this.units) {
      resolution.add(unit);
      if (performance.now() - sliceStart > SLICE_MS) {
        if (!(await this.yielded())) return;
        sliceStart = performance.now();
      }
    }
    const resolved = resolution.finish();
    const offset = this.units.length - fresh.length;
    await this.wrap(fresh, resolved.slice(offset), sliceStart);
    this.busy = false;
    performance.measure('backstory:annotate', { start: started, end: performance.now() });
    this.onPass?.();
  }

  /**
   * Scans the cursor's nodes into `fresh` until it is done (true) or the slice begun at
   * `sliceStart` is spent (false); the pass yields between calls.
   */
  private scanSlice(cursor: TextCursor, fresh: Unit[], sliceStart: number): boolean {
    let nodes = 0;
    for (let node = cursor.next(); node !== null; node = cursor.next()) {
      // The text the cursor read: reading node.data again costs a DOM call per node.
      const text = cursor.text;
      const candidates: Candidate[] = this.matcher.scan(text);
      if (candidates.length > 0 && cursor.allows(node)) {
        const parent = node.parentElement;
        if (parent) fresh.push({ node, text, candidates, ...placeOf(parent, text, this.blockTexts) });
      }
      // The clock is read every few short nodes: a page has up to 15,000 of them, and a
      // clock read costs about what scanning a short node does.
      if ((++nodes & 7) === 0 || text.length > CLOCK_EVERY_CHARS) {
        if (performance.now() - sliceStart > SLICE_MS) return false;
      }
    }
    return true;
  }

  /** Lets the page run; false when we were stopped meanwhile. */
  private async yielded(): Promise<boolean> {
    await yieldToPage();
    return !this.signal.aborted;
  }

  private readonly blockTexts: BlockTexts = new WeakMap();

  /** `sliceStart`: when the caller's current slice began; wrapping continues it. */
  private async wrap(units: Unit[], resolved: Mention[][], sliceStart: number): Promise<void> {
    const muted = new Set(this.prefs.mutedEntities);
    const types = new Set<string>(this.prefs.types);
    // On the first pass marks arrive in document order, and each gets its final look before it
    // is inserted: set afterwards on thousands of marks, it made the browser style them all
    // again in one frame. Later passes insert among older marks, and applyDensity decides.
    const density = this.mentions.length === 0 ? new Density(this.prefs.density) : undefined;
    // What the page has to lay out again since it was last laid out (see LAYOUT_TEXT).
    let unlaid = 0;
    let lastBlock: Element | undefined;
    for (const [i, unit] of units.entries()) {
      const spans = (resolved[i] ?? []).filter((m) => !muted.has(m.entityId) && types.has(m.type));
      // The page may have changed the node while we were scanning: skip what no longer fits.
      if (spans.length === 0 || isStale(unit)) continue;
      // A large block's paragraph text is '' (see paragraphText): then the node is the measure.
      const paragraph = Math.max(unit.blockText?.length ?? 0, unit.text.length);
      const sameBlock = unit.block === lastBlock;
      lastBlock = unit.block;
      let size = (sameBlock ? 0 : paragraph) + MARK_CHARS * spans.length;
      if (unlaid > 0 && unlaid + size > LAYOUT_TEXT) {
        // The layout gets a slice of its own: with the wrap's, or another layout, it could make a long task.
        if (!(await this.yielded())) return;
        layOut(this.doc);
        if (!(await this.yielded())) return;
        sliceStart = performance.now();
        unlaid = 0;
        // The block is laid out again in the next layout too.
        if (sameBlock) size += paragraph;
        // The page ran meanwhile.
        if (isStale(unit)) continue;
      }
      unlaid += size;
      this.withoutObserving(() => {
        const els = wrapSpans(this.doc, unit.node, markSpans(spans, unit.block, density));
        this.mentions.push(...els);
        const at = performance.now();
        for (const el of els) this.recent.push({ el, at, block: unit.block });
      });
      if (performance.now() - sliceStart > SLICE_MS) {
        if (!(await this.yielded())) return;
        sliceStart = performance.now();
      }
    }
    this.withoutObserving(() => this.applyDensity());
  }

  /**
   * Our marks still in the page, in document order. Usually they already are (a pass appends
   * what it found, top to bottom), and checking neighbours is cheap: for a before b,
   * a.compareDocumentPosition(b) walks back from b to a only. Sorting with it is not: Blink
   * then walks from a later node back to its first sibling, and 2,750 marks among 40,000
   * paragraphs blocked the main thread for two seconds. Out of order, the page's own
   * document order (one native traversal) decides.
   */
  private inDocumentOrder(): HTMLElement[] {
    const live = this.current();
    let sorted = true;
    for (let i = 1; i < live.length && sorted; i++) {
      sorted = ((live[i - 1] as HTMLElement).compareDocumentPosition(live[i] as HTMLElement) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
    }
    if (sorted) return live;
    const ours = new Set(live);
    const ordered = Array.from(this.doc.querySelectorAll<HTMLElement>(MENTION_TAG)).filter((m) => ours.has(m));
    // A mark the page moved where the query cannot see (into a shadow root) stays ours, last.
    if (ordered.length < live.length) {
      const found = new Set(ordered);
      for (const m of live) if (!found.has(m)) ordered.push(m);
    }
    return ordered;
  }

  /** Marks which mentions are visible and which can take keyboard focus. */
  private applyDensity(): void {
    const live = this.inDocumentOrder();
    this.mentions.splice(0, this.mentions.length, ...live);
    const density = new Density(this.prefs.density);
    // Marks come in runs with one parent, and a parent has one block: a page with thousands of
    // marks would otherwise match the block selector up the tree thousands of times.
    let parent: Element | null = null;
    let block: Element = this.doc.documentElement;
    for (const m of live) {
      if (m.parentElement !== parent) {
        parent = m.parentElement;
        block = blockOf(m);
      }
      const { quiet, focusable } = density.next(m.getAttribute('data-entity') ?? '', block);
      setAttr(m, 'data-quiet', quiet ? '' : null);
      setAttr(m, 'tabindex', focusable ? '0' : null);
    }
  }
}

/**
 * Which mentions are visible and which take keyboard focus, decided in document order: by
 * default only the first mention of an entity in a block is visible, and in every mode the
 * first mention of each entity on the page is in the tab order and the rest are not.
 */
export class Density {
  private readonly onPage = new Set<string>();
  private readonly inBlocks = new Map<Element, Set<string>>();
  constructor(private readonly mode: Prefs['density']) {}

  next(id: string, block: Element): { quiet: boolean; focusable: boolean } {
    let inBlock = this.inBlocks.get(block);
    if (!inBlock) this.inBlocks.set(block, (inBlock = new Set()));
    const firstOnPage = !this.onPage.has(id);
    const quiet = this.mode === 'all' ? false : this.mode === 'first-on-page' ? !firstOnPage : inBlock.has(id);
    this.onPage.add(id);
    inBlock.add(id);
    return { quiet, focusable: firstOnPage };
  }
}

/**
 * What wrapSpans takes for one unit's mentions: each with its look and tab stop from `density`
 * in document order, or with neither when a later pass leaves that to applyDensity.
 */
export function markSpans(mentions: readonly Mention[], block: Element, density?: Density): Span[] {
  return mentions.map((m) => ({ start: m.start, end: m.end, entityId: m.entityId, type: m.type, ...density?.next(m.entityId, block) }));
}

/** True when the page removed or rewrote the unit's text node after we read it. */
const isStale = (unit: Unit): boolean => !unit.node.isConnected || unit.node.data !== unit.text;

function setAttr(el: Element, name: string, value: string | null): void {
  if (value === null) {
    if (el.hasAttribute(name)) el.removeAttribute(name);
  } else if (el.getAttribute(name) !== value) el.setAttribute(name, value);
}
