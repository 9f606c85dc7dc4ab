/**
 * Leftmost-longest selection among overlapping hits: "South Sudan" beats "Sudan",
 * "Russian invasion of Ukraine" beats "Ukraine". Hits on the exact same span (one text,
 * several alias records, e.g. an exact and a case-insensitive alias) are all kept when
 * they stand for different entities, so the resolver sees every entity the span may mean.
 */
import type { Candidate } from './types';

const sameIds = (a: readonly string[], b: readonly string[]): boolean =>
  a === b || (a.length === b.length && a.every((id, i) => id === b[i]));

function sameSpanHas(out: readonly Candidate[], start: number, ids: readonly string[]): boolean {
  for (let k = out.length - 1; k >= 0 && out[k]!.start === start; k--) if (sameIds(out[k]!.entityIds, ids)) return true;
  return false;
}

/** `hits` holds `count / 3` (start, end, record) triples in the order the scan found them. */
export function selectLeftmostLongest(
  hits: Int32Array,
  count: number,
  entitiesOf: (record: number) => readonly string[],
): Candidate[] {
  const n = count / 3;
  // The scan reports hits by end position, so they are nearly sorted by start already:
  // an insertion sort costs one comparison a hit plus one move per overlap.
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const start = hits[i * 3]!;
    const end = hits[i * 3 + 1]!;
    let j = i - 1;
    for (; j >= 0; j--) {
      const o = order[j]! * 3;
      const oStart = hits[o]!;
      if (oStart < start || (oStart === start && hits[o + 1]! >= end)) break;
      order[j + 1] = order[j]!;
    }
    order[j + 1] = i;
  }

  const out: Candidate[] = [];
  let lastStart = -1;
  let lastEnd = -1;
  for (const h of order) {
    const start = hits[h * 3]!;
    const end = hits[h * 3 + 1]!;
    const sameSpan = start === lastStart && end === lastEnd;
    if (start < lastEnd && !sameSpan) continue;
    const alias = hits[h * 3 + 2]!;
    const entityIds = entitiesOf(alias);
    if (sameSpan && sameSpanHas(out, start, entityIds)) continue;
    lastStart = start;
    lastEnd = end;
    out.push({ start, end, entityIds, alias });
  }
  return out;
}
