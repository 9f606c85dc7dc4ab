/**
 * Build time: the per-element checks the page no longer runs. buildMatchIndex calls this
 * on every index it writes, so a builder bug fails the build instead of reaching a page:
 * failure links that do not strictly descend could loop the scan, and an out-of-range
 * reference would read past a table.
 */
import { entityIdsOf, type DecodedIndex } from './index-decode';
import { layoutAutomaton } from './index-layout';

function fail(what: string): never {
  throw new Error(`match index: ${what}`);
}

const ascending = (a: ArrayLike<number>, strict: boolean, from = 0, to = a.length): boolean => {
  for (let i = from + 1; i < to; i++) if (strict ? a[i]! <= a[i - 1]! : a[i]! < a[i - 1]!) return false;
  return true;
};

const sameValues = (a: ArrayLike<number>, b: ArrayLike<number>): boolean => {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
};

export function verifyIndex(d: DecodedIndex): void {
  const { s, numStates: n, numClasses } = d;
  const firstChild = s.firstChild.toArray();
  const edgeClass = Uint16Array.from(s.edgeClass.toArray());
  const failLinks = d.fail.toArray();
  const terminals = d.terminals.toArray();
  if (firstChild[0] !== 1 && n > 1) fail('the root must own the first states');
  if (!ascending(firstChild, false)) fail('child ranges out of order');
  for (let st = 0; st < n; st++) {
    const lo = firstChild[st]!;
    const hi = firstChild[st + 1]!;
    // Breadth-first: children come after their parent, and edges are sorted by class.
    if (hi > lo && lo <= st) fail(`state ${st} has a child before it`);
    if (!ascending(edgeClass, true, lo, hi)) fail(`state ${st} has unsorted edges`);
    if (st > 0 && (failLinks[st]! >= st || edgeClass[st]! > numClasses)) fail(`state ${st} has a bad failure link or class`);
  }
  if (failLinks[0] !== 0) fail('the root must fail to itself');
  if (!ascending(terminals, true) || (terminals.length > 0 && terminals[terminals.length - 1]! >= n)) fail('bad terminal list');
  for (const starts of [d.termRecStart, d.recCaseStart, d.recSenseStart, d.senseRefStart].map((t) => t.toArray())) {
    if (starts[0] !== 0 || !ascending(starts, false)) fail('bad record offsets');
  }
  if (!ascending(d.termRecStart.toArray(), true)) fail('a terminal without records');
  const entities = entityIdsOf(d).length;
  if (!s.senseEntity.toArray().every((e) => e < entities) || !s.refList.toArray().every((e) => e < entities)) fail('entity reference out of range');
  if (!s.recLen.toArray().every((len) => len > 0)) fail('empty alias');

  const again = layoutAutomaton(
    { numStates: n, numClasses, sepClass: d.sepClass, boundaryClass: d.boundaryClass, firstGlueClass: d.firstGlueClass, firstChild, edgeClass, fail: failLinks },
    terminals,
  );
  const tablesAgree =
    sameValues(again.outMask, d.outMask) &&
    sameValues(again.termMask, s.termMask.toArray()) &&
    sameValues(again.rootNext, d.rootNext) &&
    sameValues(again.boundaryNext, d.boundaryNext) &&
    again.boundaryState === d.boundaryState &&
    sameValues(again.wordRows, s.wordRows.toArray()) &&
    again.wordRowFirst === d.wordRowFirst &&
    again.wordRowCount === d.wordRowCount &&
    again.wordRowWidth === d.wordRowWidth;
  if (!tablesAgree) fail('derived tables do not match the automaton');
}
