/**
 * Wrapping matched text in <backstory-mention> and unwrapping it so the DOM is exactly as
 * it was: text nodes split off by us are merged back into the node they came from, and only
 * those, so even adjacent text nodes the page made itself keep their identity.
 */
import { MENTION_TAG } from './dom-filter';

export interface Span {
  start: number;
  end: number;
  entityId: string;
  type: string;
}

/** Text nodes that exist only because we split a page text node. */
const splitOff = new WeakSet<Text>();

/** Wraps spans (sorted, non-overlapping) of one text node. Returns the mention elements in order. */
export function wrapSpans(doc: Document, node: Text, spans: readonly Span[]): HTMLElement[] {
  const out: HTMLElement[] = [];
  let limit = node.data.length;
  for (let i = spans.length - 1; i >= 0; i--) {
    const s = spans[i];
    if (!s || s.start < 0 || s.end > limit || s.start >= s.end) continue;
    if (s.end < node.data.length) splitOff.add(node.splitText(s.end));
    let middle = node;
    if (s.start > 0) {
      middle = node.splitText(s.start);
      splitOff.add(middle);
    }
    const el = doc.createElement(MENTION_TAG);
    el.setAttribute('data-entity', s.entityId);
    el.setAttribute('data-type', s.type);
    middle.replaceWith(el);
    el.append(middle);
    out.push(el);
    limit = s.start;
    if (middle === node) break;
  }
  return out.reverse();
}

/**
 * Removes mention elements and merges their text back. The page may have changed things
 * meanwhile: whatever is no longer ours is left where it is.
 */
export function unwrapMentions(mentions: Iterable<Element>): void {
  for (const el of Array.from(mentions)) {
    if (!el.parentNode) continue;
    const inner = el.firstChild;
    if (el.childNodes.length !== 1 || !(inner instanceof Text)) {
      el.replaceWith(...Array.from(el.childNodes));
      continue;
    }
    const prev = el.previousSibling;
    let target: Text;
    if (splitOff.has(inner) && prev instanceof Text) {
      prev.appendData(inner.data);
      el.remove();
      target = prev;
    } else {
      el.replaceWith(inner);
      target = inner;
    }
    const next = target.nextSibling;
    if (next instanceof Text && splitOff.has(next)) {
      target.appendData(next.data);
      next.remove();
    }
  }
}
