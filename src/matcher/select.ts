/**
 * Leftmost-longest selection among overlapping hits: "South Sudan" beats "Sudan",
 * "Russian invasion of Ukraine" beats "Ukraine". Hits on the exact same span (one text,
 * several alias records, e.g. an exact and a case-insensitive alias) are all kept so
 * the resolver sees every entity the span may stand for.
 */
import type { Candidate } from './types';

/** `hits` holds `count / 3` (start, end, record) triples in the order the scan found them. */
export function selectLeftmostLongest(
  hits: Int32Array,
  count: number,
  entitiesOf: (record: number) => readonly string[],
): Candidate[] {
  const n = count / 3;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => hits[a * 3]! - hits[b * 3]! || hits[b * 3 + 1]! - hits[a * 3 + 1]! || hits[a * 3 + 2]! - hits[b * 3 + 2]!);

  const out: Candidate[] = [];
  let lastStart = -1;
  let lastEnd = -1;
  for (const h of order) {
    const start = hits[h * 3]!;
    const end = hits[h * 3 + 1]!;
    const sameSpan = start === lastStart && end === lastEnd;
    if (start < lastEnd && !sameSpan) continue;
    lastStart = start;
    lastEnd = end;
    const alias = hits[h * 3 + 2]!;
    out.push({ start, end, entityIds: entitiesOf(alias), alias });
  }
  return out;
}
