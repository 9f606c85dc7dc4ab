/**
 * The named rules of the mention matcher, in the order they apply.
 *
 * Scan (Matcher.scan, per hit of the automaton):
 * - boundary: a letter, digit or mark (\p{L}\p{N}\p{M}) must not touch either end of the
 *   alias; punctuation (hyphen, apostrophe, dot) is a boundary, so "Iran-backed" and
 *   "Trump's" match. Scripts written without spaces (Han, kana, Thai, Lao, Khmer, Myanmar,
 *   Tibetan) need no boundary; Hangul may be followed by a particle ("북한은").
 * - case: 'exact' aliases match the text as written after typography normalization, or,
 *   when multi-word, in ALL CAPS ("KIM JONG UN"); after a hyphen between name parts the
 *   next letter may take either case ("Kim Jong-un"). 'insensitive' aliases match any case.
 * - longest-match: leftmost-longest wins among overlapping hits ("South Sudan" over "Sudan").
 *
 * Resolution (resolveMentions), local to one candidate:
 * - common-word: a commonWord alias next to a word that makes it the noun is dropped
 *   ("Trump card", "Turkey dinner", "roast Turkey"); at a sentence start the capital
 *   hides nothing, so the same list applies.
 * - us-place: a usPlace alias (Georgia, Washington) is dropped when the block around it
 *   (US_PLACE_RADIUS units each side) has at least as many US-state cues (County, governor,
 *   Atlanta, Seattle, a state name; for a country also Republican, primary, GOP...) as cues
 *   for the entity (Tbilisi, Caucasus, Kremlin; D.C., White House); "Washington state" and
 *   "state of Georgia" are decisive.
 * - first-name: a personName alias followed by a capitalized word ("Chad Smith") or
 *   preceded by a given name, an initial or a title ("Michael Jordan", "Mr Jordan") is a
 *   person; not when that neighbour is itself inside another candidate, and not in
 *   Title Case headlines where capitals mean nothing.
 * - surname-guard: the same test for a person's surname that needs context ("Kim
 *   Kardashian", "Andy Kim"), except that titles confirm the person ("Chairman Kim").
 *
 * Resolution, page-wide:
 * - context: a sense with needsContext is eligible only if one of those entities is
 *   "named in full" somewhere on the page or in the title: by a candidate whose only
 *   surviving sense is that entity and needs no context.
 * - coreference: when several eligible senses remain, the entity named in full most
 *   recently before the candidate wins (after "Kim Jong Un", "Kim" is him).
 * - ambiguity: otherwise the entity named in full most often on the page wins; with no
 *   strict winner, the one sense that needs no context wins; otherwise the candidate is
 *   dropped (better unmarked than wrong).
 */
export const RULES = [
  'boundary',
  'case',
  'longest-match',
  'common-word',
  'us-place',
  'first-name',
  'surname-guard',
  'context',
  'coreference',
  'ambiguity',
] as const;
export type RuleName = (typeof RULES)[number];

/** Why a candidate became a mention or did not; see ResolveOptions.onDecision. */
export interface Decision {
  /** Index into the units, or -1 for the title given in the options. */
  unit: number;
  start: number;
  end: number;
  text: string;
  /** The entity kept, or null when the candidate was dropped. */
  entityId: string | null;
  /** The rule that dropped the candidate or chose its entity; null for a plain single-sense match. */
  rule: RuleName | null;
}
