/**
 * Wrapping matched text in <backstory-mention> and unwrapping it so the DOM is exactly as
 * it was: text nodes split off by us are merged back into the node they came from, and only
 * those, so even adjacent text nodes the page made itself keep their identity.
 *
 * The page's own text node always stays where it was, as the first piece (holding the text
 * before the first mark, possibly none), and everything after it is ours. Frameworks keep
 * references to their text nodes: React, Preact and Vue update one in place (nodeValue) and
 * remove it through the parent they remember, which must still be its parent. When the page
 * does either, the annotator calls takePiecesAfter() so no stale copy of the old text stays.
 */
import { MENTION_TAG } from './dom-filter';

export interface Span {
  start: number;
  end: number;
  entityId: string;
  type: string;
  /** Shown only on hover (data-quiet), and in the tab order (tabindex="0"); see the annotator's Density. */
  quiet?: boolean;
  focusable?: boolean;
}

/** Text nodes that exist only because we split a page text node. */
const splitOff = new WeakSet<Text>();
/** The page's text node each of our pieces (text nodes and marks) was cut from. */
const origin = new WeakMap<Node, Text>();

const isSplitOff = (n: Node | null): n is Text => n instanceof Text && splitOff.has(n);
const isMark = (n: Node | null): n is Element => n instanceof Element && n.localName === MENTION_TAG;
/** A mark as we left it: one text node of ours inside. */
const isIntact = (n: Node | null): boolean => isMark(n) && n.childNodes.length === 1 && isSplitOff(n.firstChild);

function piece(doc: Document, text: string): Text {
  const t = doc.createTextNode(text);
  splitOff.add(t);
  return t;
}

/** True for a text node of the page (not one we split off). */
export function isPageText(n: Node | null): n is Text {
  return n instanceof Text && !splitOff.has(n);
}

/**
 * Wraps spans (sorted, non-overlapping) of one text node. Returns the mention elements in order.
 * Builds every piece from the original string and cuts the page's node once, so a huge text
 * node with many names costs linear time (splitText per span copied the rest of the text each time).
 */
export function wrapSpans(doc: Document, node: Text, spans: readonly Span[]): HTMLElement[] {
  const parent = node.parentNode;
  // A piece of ours wrapped again still belongs to the page node it was cut from.
  const source = origin.get(node) ?? node;
  const text = node.data;
  const out: HTMLElement[] = [];
  const pieces: Node[] = [];
  let head = 0;
  let at = -1;
  for (const s of spans) {
    if (s.start < Math.max(at, 0) || s.end > text.length || s.start >= s.end) continue;
    if (at < 0) head = s.start;
    else if (s.start > at) pieces.push(piece(doc, text.slice(at, s.start)));
    const el = doc.createElement(MENTION_TAG);
    el.setAttribute('data-entity', s.entityId);
    el.setAttribute('data-type', s.type);
    if (s.quiet) el.setAttribute('data-quiet', '');
    if (s.focusable) el.setAttribute('tabindex', '0');
    el.append(piece(doc, text.slice(s.start, s.end)));
    pieces.push(el);
    out.push(el);
    at = s.end;
  }
  if (out.length === 0 || !parent) return [];
  if (at < text.length) pieces.push(piece(doc, text.slice(at)));
  const fragment = doc.createDocumentFragment();
  for (const p of pieces) {
    origin.set(p, source);
    fragment.appendChild(p);
  }
  parent.insertBefore(fragment, node.nextSibling);
  // Even when the first mark starts at 0 the page's node stays, empty, where the page put it.
  node.data = text.slice(0, head);
  return out;
}

/**
 * Removes mention elements and merges their text back. The page may have changed things
 * meanwhile: whatever is no longer ours is left where it is. Each run of our pieces is merged
 * with one write, so unwrapping thousands of marks in one text node stays linear.
 */
export function unwrapMentions(mentions: Iterable<Element>): void {
  const todo = new Set(mentions);
  const mergeable = (n: Node | null): boolean => isSplitOff(n) || (isIntact(n) && todo.has(n as Element));
  for (const el of todo) {
    if (!el.parentNode) continue;
    if (!isIntact(el)) {
      el.replaceWith(...Array.from(el.childNodes));
      continue;
    }
    let first: ChildNode = el;
    while (first.previousSibling && mergeable(first.previousSibling)) first = first.previousSibling;
    const run: ChildNode[] = [];
    for (let n: ChildNode | null = first; n && mergeable(n); n = n.nextSibling) run.push(n);
    const before = first.previousSibling;
    let target: Text;
    if (before instanceof Text) target = before;
    else {
      const lead = run.shift() as ChildNode;
      target = lead instanceof Text ? lead : (lead.firstChild as Text);
      if (target !== lead) lead.replaceWith(target);
    }
    const rest = run.map((n) => n.textContent ?? '').join('');
    if (rest !== '') target.appendData(rest);
    for (const n of run) n.remove();
  }
}

/**
 * The page rewrote or removed its text node `node`, which we had split; `from` is where our
 * pieces of it start (its next sibling, or where it was). The pieces go: when the page removed
 * the node they are merged back into it (it leaves whole, and comes back whole if the page puts
 * it elsewhere); when the page rewrote it they are stale and dropped. Returns the marks removed.
 */
export function takePiecesAfter(node: Text, from: Node | null, merge: boolean): Element[] {
  const marks: Element[] = [];
  const parts: string[] = [];
  for (let n = from; n && isPieceOf(node, n); ) {
    const next: ChildNode | null = n.nextSibling;
    if (merge) parts.push(n.textContent ?? '');
    if (isMark(n)) marks.push(n);
    (n as ChildNode).remove();
    n = next;
  }
  if (parts.length > 0) node.appendData(parts.join(''));
  return marks;
}

/** True when `n` is a piece of ours cut from the page's text node `node`. */
export function isPieceOf(node: Text, n: Node | null): boolean {
  return n !== null && origin.get(n) === node;
}
