/**
 * The text nodes worth scanning under a root. A plain SHOW_TEXT walker is as cheap as
 * reading the page at all; whether a node may be marked is then decided by its ancestors,
 * each judged once per pass and remembered, instead of a JavaScript filter call per node.
 */
import { elementVerdict } from './dom-filter';

export const MIN_TEXT = 2;
/**
 * A single text node longer than this is a data dump, not prose, and is left alone: any change
 * inside it makes Blink lay out its whole paragraph again, which for 5 MB took half a second
 * and more on one main-thread task (a 1 MB node costs under 50 ms).
 */
export const MAX_TEXT = 1 << 20;
const TWO_VISIBLE = /\S\S/;

export function* textNodes(doc: Document, root: Node): Generator<Text> {
  if (root instanceof Text) {
    if (root.data.length >= MIN_TEXT && root.data.length <= MAX_TEXT && TWO_VISIBLE.test(root.data)) yield root;
    return;
  }
  if (root instanceof Element && elementVerdict(root) === 'skip') return;
  const allowed = new Map<Element, boolean>();
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const text = n as Text;
    const data = text.data;
    if (data.length < MIN_TEXT || data.length > MAX_TEXT) continue;
    const parent = text.parentElement;
    if (parent === null || !isAllowed(parent, root, allowed)) continue;
    if (TWO_VISIBLE.test(data)) yield text;
  }
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
