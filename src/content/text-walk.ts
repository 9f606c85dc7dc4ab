/**
 * The text nodes worth scanning under a root. A plain SHOW_TEXT walker is as cheap as
 * reading the page at all; whether a node may be marked is then decided by its ancestors,
 * each judged once per pass and remembered, instead of a JavaScript filter call per node.
 */
import { elementVerdict, SKIP_SELECTOR } from './dom-filter';

export const MIN_TEXT = 2;
/**
 * A single text node longer than this is a data dump, not prose, and is left alone: any change
 * inside it makes Blink lay out its whole paragraph again, in one main-thread task. Chromium 156
 * takes 130-270 ms to lay out a paragraph of one 1 MB node, 33-84 ms for 250 KB and 17-62 ms
 * for 125 KB (Chromium 150 had laid out 1 MB in under 50 ms). The longest text node of the
 * corpus's pages holds 3,495 characters.
 */
export const MAX_TEXT = 1 << 17;
const TWO_VISIBLE = /\S\S/;
const TEXT_NODE = 3;

/**
 * Hands out the text nodes worth scanning under a root, one per next() call, until null.
 *
 * It reads no node's ancestors. One native query lists the elements that can rule out their
 * subtree (SKIP_SELECTOR); the walk jumps past each whose verdict is 'skip' when it reaches its
 * first text node. Reading parentElement for every text node instead gave Blink thousands of
 * element wrappers to build and made the walk cost three times the bare TreeWalker.
 *
 * What it hands out is a superset: text in page chrome (cookie banners) and in subtrees the
 * page added or changed since the query still comes through. So a node is only marked once
 * allows() agrees, which judges its ancestors up to the root, each once per cursor.
 */
export class TextCursor {
  private readonly walker: TreeWalker | undefined;
  private single: Text | undefined;
  private readonly allowed = new Map<Element, boolean>();
  /** The query's elements, a second walker to find where each one's text begins, and the next one to check. */
  private readonly skips: NodeListOf<Element> | undefined;
  private readonly probe: TreeWalker | undefined;
  private skipAt = 0;
  /** The first text node inside `skipping`, an element to jump past: the walk's next stop. */
  private boundary: Node | null = null;
  private skipping: Element | null = null;
  /** The text of the node next() last returned, as it read it: reading `data` again costs a DOM call. */
  text = '';

  constructor(
    doc: Document,
    private readonly root: Node,
  ) {
    if (root instanceof Text) {
      if (worthScanning(root.data)) this.single = root;
    } else if (!(root instanceof Element && elementVerdict(root) === 'skip')) {
      this.walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      if (root instanceof Element || root instanceof Document || root instanceof DocumentFragment) {
        this.skips = root.querySelectorAll(SKIP_SELECTOR);
        this.probe = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        this.findBoundary();
      }
    }
  }

  next(): Text | null {
    const single = this.single;
    if (single) {
      this.single = undefined;
      this.text = single.data;
      return single;
    }
    const walker = this.walker;
    if (!walker) return null;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (n === this.boundary) {
        const el = this.skipping as Element;
        if (n.parentNode === el && n.nextSibling === null) {
          // Its last child (a link's only text, most often): the walk is at its end already, and
          // what of the query is inside it comes before its first text, so holds none, and
          // findBoundary passes it over. Four DOM reads per link instead of nine: 5% of the
          // corpus's first passes (sums of minimums of four loads, alternated).
          this.findBoundary();
          continue;
        }
        if (el.contains(n)) {
          this.jumpPast(walker, el);
          continue;
        }
        // The page moved the text out of it while we yielded: the node is like any other.
        this.findBoundary();
      }
      const text = (n as Text).data;
      if (worthScanning(text)) {
        this.text = text;
        return n as Text;
      }
    }
    return null;
  }

  /** True when no element from the node's parent up to the root (exclusive) is one we must not mark inside. */
  allows(node: Text): boolean {
    if (node === this.root) return true;
    const parent = node.parentElement;
    return parent !== null && isAllowed(parent, this.root, this.allowed);
  }

  /** Moves the walk past everything inside `el` (and the query's elements in it), then finds the next stop. */
  private jumpPast(walker: TreeWalker, el: Element): void {
    let last: Node = el;
    while (last.lastChild) last = last.lastChild;
    walker.currentNode = last;
    this.skipAt = firstOutside(this.skips as NodeListOf<Element>, this.skipAt, el);
    this.findBoundary();
  }

  /**
   * The next element of the query that rules its subtree out and holds text, and its first text
   * node. One that holds none (an empty link, an icon) needs no stop: the walk never enters it.
   */
  private findBoundary(): void {
    const skips = this.skips as NodeListOf<Element>;
    const probe = this.probe as TreeWalker;
    this.boundary = null;
    this.skipping = null;
    while (this.skipAt < skips.length) {
      const el = skips[this.skipAt++] as Element;
      if (elementVerdict(el) !== 'skip') continue;
      // Most often its first child is its text, or it has none (then the walk never enters it).
      const child = el.firstChild;
      if (child === null) continue;
      if (child.nodeType === TEXT_NODE) {
        this.boundary = child;
        this.skipping = el;
        return;
      }
      probe.currentNode = el;
      const first = probe.nextNode();
      // No text after it at all: no more stops.
      if (first === null) {
        this.skipAt = skips.length;
        return;
      }
      if (el.contains(first)) {
        this.boundary = first;
        this.skipping = el;
        return;
      }
    }
  }
}

/** The nodes a TextCursor hands out that allows() agrees to, as an iterable: exactly the text that may be marked. */
export function* textNodes(doc: Document, root: Node): Generator<Text> {
  const cursor = new TextCursor(doc, root);
  for (let t = cursor.next(); t; t = cursor.next()) if (cursor.allows(t)) yield t;
}

/**
 * Long enough to hold a name, short enough to be prose (see MAX_TEXT), and more than spaces.
 * Most text that is more than spaces opens with two visible ASCII characters, which settles it
 * without the expression.
 */
export const worthScanning = (data: string): boolean => {
  const n = data.length;
  if (n < MIN_TEXT || n > MAX_TEXT) return false;
  const a = data.charCodeAt(0);
  const b = data.charCodeAt(1);
  return (a > 0x20 && a < 0x7f && b > 0x20 && b < 0x7f) || TWO_VISIBLE.test(data);
};

/**
 * The index of the first of list[from..] that `el` does not contain. The ones it contains come
 * first (the list is in document order and starts inside or after `el`), so the search gallops
 * and then bisects: a menu of a hundred links costs a dozen element reads, not a hundred.
 */
export function firstOutside(list: ArrayLike<Node>, from: number, el: Node): number {
  const inside = (i: number): boolean => el.contains(list[i] as Node);
  // Gallop: `known` is the last index found inside, `next` the next one tried.
  let known = from - 1;
  let next = from;
  for (let step = 1; next < list.length && inside(next); step *= 2) {
    known = next;
    next += step;
  }
  // Bisect between them: everything up to `known` is inside, `next` (or the end) is not.
  let lo = known + 1;
  let hi = Math.min(next, list.length);
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (inside(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** True when no element from `el` up to `root` (exclusive) is one we must not mark inside. */
function isAllowed(el: Element, root: Node, cache: Map<Element, boolean>): boolean {
  const known = cache.get(el);
  if (known !== undefined) return known;
  const chain: Element[] = [];
  let ok = true;
  for (let cur: Element | null = el; cur !== null; cur = cur.parentElement) {
    const c = cache.get(cur);
    if (c !== undefined) {
      ok = c;
      break;
    }
    if (cur === root) break;
    chain.push(cur);
  }
  for (let i = chain.length - 1; i >= 0; i--) {
    const e = chain[i] as Element;
    ok = ok && elementVerdict(e) !== 'skip';
    cache.set(e, ok);
  }
  return ok;
}
