/**
 * The resolver's local rules: each looks only at one candidate's text and block and says
 * whether a sense of it must be dropped. Page-wide rules (context, coreference,
 * ambiguity) live in resolve.ts.
 */
import type { EntityType } from '../kb/schema';
import {
  COMMON_COMPOUNDS, NOT_NAMES, TITLES, US_PLACE_CUES, US_POLITICS_CUES, US_STATE_CUES, US_STATE_NAMES,
} from './rule-lexicon';
import { CharBit, charInfo, codePointAtOrEnd, codePointBefore } from './char-kind';
import { isSpaceUnit } from './normalize';
import { contextWindow, isCapitalized, isSingleCapital, nextWord, prevWord, type Word } from './text-context';

export interface LocalContext {
  text: string;
  start: number;
  end: number;
  block: string | undefined;
  /**
   * Every candidate span in the same text: a neighbour inside one is a known name, not a
   * stranger. A call, because reading it may mean scanning the whole block: only the name
   * guards ask.
   */
  spans(): readonly { start: number; end: number }[];
  /** Headline capitals carry no signal, so capital-based guards stand down. Asked only when a guard needs it. */
  titleCase(): boolean;
}

/** How far around a usPlace candidate the block text is searched for cues. */
export const US_PLACE_RADIUS = 200;

const inCandidate = (ctx: LocalContext, w: Word): boolean =>
  ctx.spans().some((s) => s.start < w.end && w.start < s.end && !(s.start === ctx.start && s.end === ctx.end));

/** A capitalized word that reads as a name part: not a function word, day, month or title. */
function nameLike(ctx: LocalContext, w: Word | null): boolean {
  if (!w || !isCapitalized(w.text) || inCandidate(ctx, w) || ctx.titleCase()) return false;
  const lower = w.text.toLowerCase();
  return !NOT_NAMES.has(lower) && !TITLES.has(lower);
}

/** common-word: "Trump card", "Turkey dinner", "roast Turkey", "fine China" are the nouns. */
export function commonWordDrops(ctx: LocalContext, aliasText: string): boolean {
  const entry = COMMON_COMPOUNDS[aliasText.toLowerCase()];
  if (!entry) return false;
  // The exact-case rule already spares "trump card"; a capital here is a sentence start
  // ("Trump card players...") or a headline, and the compound still names the noun.
  const next = nextWord(ctx.text, ctx.end);
  if (next && entry.after.has(next.text.toLowerCase())) return true;
  const prev = prevWord(ctx.text, ctx.start);
  return prev !== null && !prev.dot && entry.before.has(prev.text.toLowerCase());
}

/**
 * first-name: "Chad Smith", "Jordan Peterson", "Michael Jordan", "Michael B. Jordan",
 * "Mr Jordan" are people, not the country.
 */
export function firstNameDrops(ctx: LocalContext): boolean {
  if (nameLike(ctx, nextWord(ctx.text, ctx.end))) return true;
  const prev = prevWord(ctx.text, ctx.start);
  if (!prev || inCandidate(ctx, prev)) return false;
  if (TITLES.has(prev.text.toLowerCase())) return true;
  if (prev.dot && isSingleCapital(prev.text)) return true; // a middle initial
  return nameLike(ctx, prev);
}

/**
 * surname-guard: a surname that needs context is someone else's name when a capitalized
 * stranger follows ("Kim Kardashian") or a given name precedes ("Andy Kim"). Titles
 * before it confirm it instead ("Mr Kim", "Chairman Kim").
 */
export function surnameGuardDrops(ctx: LocalContext): boolean {
  return nameLike(ctx, nextWord(ctx.text, ctx.end)) || nameLike(ctx, prevWord(ctx.text, ctx.start));
}

/** A letter or digit (\p{L}, \p{N}) at `cp`; -1 is the edge of the text. */
const isAlnum = (cp: number): boolean => cp >= 0 && (charInfo(cp) & (CharBit.letter | CharBit.number)) !== 0;

/**
 * How many times cues occur in `window` as whole words, case as written, none counted twice:
 * from left to right, the longest cue that starts at a place wins and the count goes on after
 * it. What /(?<![\p{L}\p{N}])(?:cue|cue…)(?![\p{L}\p{N}])/gu counts with the cues longest
 * first, without compiling a RegExp on the page.
 */
export function countCues(window: string, cues: readonly string[]): number {
  const found: { start: number; end: number }[] = [];
  for (const cue of cues) {
    if (cue.length === 0) continue;
    for (let at = window.indexOf(cue); at >= 0; at = window.indexOf(cue, at + 1)) {
      const end = at + cue.length;
      if (!isAlnum(codePointBefore(window, at)) && !isAlnum(codePointAtOrEnd(window, end))) found.push({ start: at, end });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  let n = 0;
  let free = 0;
  for (const f of found) {
    if (f.start < free) continue;
    n++;
    free = f.end;
  }
  return n;
}

/** "Washington state" after the name, or "the state of Washington" before it. */
function stateWordAround(text: string, start: number, end: number): boolean {
  let p = end;
  while (p < text.length && isSpaceUnit(text.charCodeAt(p))) p++;
  const word = text.slice(p, p + 5);
  if (p > end && (word === 'state' || word === 'State') && !isAlnum(codePointAtOrEnd(text, p + 5))) return true;
  let q = start;
  while (q > 0 && isSpaceUnit(text.charCodeAt(q - 1))) q--;
  const words = text.slice(Math.max(0, q - 8), q);
  return q < start && (words === 'state of' || words === 'State of');
}

/**
 * us-place: Georgia/Washington in "Fulton County, Georgia", "the Georgia Senate race",
 * "Washington state", "Seattle, Washington" is the US state. Dropped when US cues in the
 * surrounding block are at least as many as cues for the entity (Tbilisi, Caucasus...).
 * General US politics (Republican, primary...) counts only against a foreign country,
 * since it is the normal company of Washington the capital.
 */
export function usPlaceDrops(ctx: LocalContext, aliasText: string, type: EntityType): boolean {
  if (stateWordAround(ctx.text, ctx.start, ctx.end)) return true;
  const cues = US_PLACE_CUES[aliasText.toLowerCase()];
  // The alias is no cue for itself ("New York" is a state name too).
  const blanked = ctx.text.slice(0, ctx.start) + ' '.repeat(ctx.end - ctx.start) + ctx.text.slice(ctx.end);
  const window = contextWindow(blanked, ctx.block, ctx.start, ctx.end, US_PLACE_RADIUS);
  const own = aliasText.toLowerCase();
  const stateCues = [...US_STATE_CUES, ...US_STATE_NAMES, ...(cues?.usPlace ?? [])].filter((c) => c.toLowerCase() !== own);
  let us = countCues(window, stateCues);
  if (type === 'country') us += countCues(window, US_POLITICS_CUES);
  const entity = countCues(window, cues?.entity ?? []);
  return us > 0 && us >= entity;
}
