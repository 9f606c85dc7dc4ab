/** Per-page rows, their medians and the compact table `npm run bench` prints. */
import type { PhasesResult } from './entry';

export interface Row {
  page: string;
  bytes: number;
  textNodes: number;
  chars: number;
  /** Medians over the fresh loads, in ms. */
  floorMs: number;
  backstoryMs: number;
  backstoryBusyMs: number;
  decodeMs: number;
  markjsMs: number | null;
  /** The RegExp compiled on the page (a unique source each run). */
  regexpMs: number;
  /** The same RegExp when V8 may reuse a compilation an earlier load cached. */
  regexpCachedMs: number;
  /** The longest synchronous slice of Backstory's pass, and the longest 'longtask' entry, over all runs. */
  longestSliceMs: number;
  longestSliceMedianMs: number;
  longTaskMs: number;
  /** The first slice holds the index decode; 'first' | 'middle' | 'last' per run says where the longest was. */
  firstSliceMs: number;
  longestSliceWhere: string[];
  slices: number;
  marks: number;
  markjsMatches: number | null;
  /** True when mark.js ran out of its time budget and its time is extrapolated. */
  markjsExtrapolated: boolean;
  markjsSearched: number | null;
  regexpMatches: number;
  /** One step-by-step run: decode, walk, scan, resolve, then wrap everything and lay out once. */
  phases: PhasesResult;
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** a / b, guarded against a zero floor (timers have 5 µs resolution here). */
export const ratio = (a: number | null, b: number): number => (a === null ? NaN : a / Math.max(b, 0.005));

const COLUMNS: [string, number][] = [
  ['page', 34],
  ['KiB', 6],
  ['floor ms', 9],
  ['bs/floor', 9],
  ['mark/floor', 11],
  ['re/floor', 9],
  ['bs/re', 6],
  ['bs slice ms', 12],
  ['marks', 6],
];

const cell = (s: string, w: number, left = false): string => (left ? s.slice(0, w).padEnd(w) : s.slice(0, w).padStart(w));

export function printTable(rows: readonly Row[], header: boolean): void {
  if (header) {
    console.log(COLUMNS.map(([name, w], i) => cell(name, w, i === 0)).join(' '));
  }
  for (const r of rows) {
    const values = [
      r.page,
      (r.bytes / 1024).toFixed(0),
      r.floorMs.toFixed(2),
      ratio(r.backstoryMs, r.floorMs).toFixed(1),
      r.markjsMs === null ? '-' : (r.markjsExtrapolated ? '~' : '') + ratio(r.markjsMs, r.floorMs).toFixed(0),
      ratio(r.regexpMs, r.floorMs).toFixed(1),
      ratio(r.backstoryMs, r.regexpMs).toFixed(2),
      // The median run's longest slice; '!' when some run saw a 'longtask' (≥ 50 ms) during the pass.
      r.longestSliceMedianMs.toFixed(1) + (r.longTaskMs > 0 ? '!' : ''),
      String(r.marks),
    ];
    console.log(values.map((v, i) => cell(v, COLUMNS[i]?.[1] ?? 8, i === 0)).join(' '));
  }
}
