/**
 * Per-hit checks, run only where the automaton reports an alias end: recover the
 * start, then the boundary rule and the case rule. No allocation, no regex (the
 * character kinds are cached).
 */
import * as chars from './char-kind';
import { Kind } from './char-kind';
import * as format from './index-format';
import * as norm from './normalize';

// Module-local copies of what the per-hit code uses: some transpilers (tsx, vitest) turn
// imported bindings into getter calls on every access, which tripled the scan time.
const { codePointAtOrEnd, codePointBefore, kindOf } = chars;
const { TRANSPARENT_CLASS } = format;
const { HYPHEN, isTransparentUnit, SPACE, typoUnit } = norm;
const OTHER: Kind = Kind.Other;
const MARK: Kind = Kind.Mark;
const NO_SPACE: Kind = Kind.NoSpace;
const HANGUL: Kind = Kind.Hangul;

type ClassTable = Uint16Array;

/**
 * Start of a hit whose last unit is at `last` and whose alias is `len` folded units.
 * The scan collapsed separator runs and skipped transparent units, so walk back the
 * same way: a run of separators counts as one unit.
 */
export function hitStart(text: string, classOf: ClassTable, sepClass: number, last: number, len: number): number {
  let p = last;
  for (let k = len - 1; k > 0; k--) {
    p--;
    while (classOf[text.charCodeAt(p)] === TRANSPARENT_CLASS) p--;
    if (classOf[text.charCodeAt(p)] !== sepClass) continue;
    for (let q = p - 1; q >= 0; q--) {
      const c = classOf[text.charCodeAt(q)];
      if (c === sepClass) p = q;
      else if (c !== TRANSPARENT_CLASS) break;
    }
  }
  return p;
}

/**
 * Does a neighbour of kind `n` glue onto an alias edge of kind `a`, making the hit part
 * of a longer word? Scripts written without spaces need no boundary; a Hangul particle
 * may follow a name ("북한은"), but Hangul before a Hangul alias is one word ("남북한").
 */
function touches(n: Kind, a: Kind, after: boolean): boolean {
  if (n === OTHER) return false;
  if (n === MARK) return after || a !== NO_SPACE;
  if (n === NO_SPACE || a === NO_SPACE) return false;
  if (n === HANGUL) return !after && a === HANGUL;
  if (a === HANGUL) return false;
  return true;
}

/** `edge` packs the alias's first and last character kinds (see index-format recEdge). */
export function boundaryOk(text: string, start: number, end: number, edge: number): boolean {
  let b = start;
  while (b > 0 && isTransparentUnit(text.charCodeAt(b - 1))) b--;
  const before = codePointBefore(text, b);
  if (before >= 0 && touches(kindOf(before), (edge & 15) as Kind, false)) return false;
  let e = end;
  while (e < text.length && isTransparentUnit(text.charCodeAt(e))) e++;
  const after = codePointAtOrEnd(text, e);
  return !(after >= 0 && touches(kindOf(after), (edge >> 4) as Kind, true));
}

/**
 * Does text[start..] spell `form` exactly (after typography normalization)? Separators
 * in the form match any separator run; where the text has a dash between name parts,
 * the next letter may take either case ("Kim Jong-un" for "Kim Jong Un").
 */
export function formMatches(form: string, text: string, start: number, classOf: ClassTable, sepClass: number): boolean {
  let p = start;
  let relax = false;
  for (let k = 0; k < form.length; k++) {
    const a = form.charCodeAt(k);
    if (a === SPACE || a === HYPHEN) {
      let dash = false;
      for (; p < text.length; p++) {
        const u = text.charCodeAt(p);
        const c = classOf[u];
        if (c === sepClass) dash ||= typoUnit(u) === HYPHEN;
        else if (c !== TRANSPARENT_CLASS) break;
      }
      relax = dash;
      continue;
    }
    while (p < text.length && classOf[text.charCodeAt(p)] === TRANSPARENT_CLASS) p++;
    // The automaton already proved the fold equal, so a relaxed unit needs no test.
    if (!relax && typoUnit(text.charCodeAt(p)) !== a) return false;
    relax = false;
    p++;
  }
  return true;
}
