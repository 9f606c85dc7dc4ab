/**
 * The text walk, for a page to load as a script (tests/e2e/text-walk.test.ts): the annotator's
 * walk, and a reference that judges every text node's ancestors one by one.
 */
import { elementVerdict, isInsideSkipped } from '../../src/content/dom-filter';
import { textNodes, worthScanning } from '../../src/content/text-walk';

export interface WalkComparison {
  walk: number;
  reference: number;
  /** The first place the two lists differ, or null. */
  difference: { at: number; walk: string | null; reference: string | null } | null;
}

const describe = (t: Text | undefined): string | null => (t ? `<${t.parentElement?.localName ?? '?'}> ${JSON.stringify(t.data.slice(0, 60))}` : null);

export function compare(): WalkComparison {
  const body = document.body;
  const walk = [...textNodes(document, body)];
  const reference: Text[] = [];
  if (elementVerdict(body) !== 'skip') {
    const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const t = n as Text;
      if (worthScanning(t.data) && !isInsideSkipped(t, body)) reference.push(t);
    }
  }
  let at = 0;
  while (at < walk.length && at < reference.length && walk[at] === reference[at]) at++;
  const same = at === walk.length && at === reference.length;
  return { walk: walk.length, reference: reference.length, difference: same ? null : { at, walk: describe(walk[at]), reference: describe(reference[at]) } };
}
