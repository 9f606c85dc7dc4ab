/**
 * Resolution: from the candidates of every text on a page to at most one entity per span.
 * The rules and their order are documented in rules.ts.
 */
import { commonWordDrops, firstNameDrops, surnameGuardDrops, usPlaceDrops, type LocalContext } from './local-rules';
import type { Matcher } from './matcher';
import type { Decision, RuleName } from './rules';
import { isTitleCase } from './text-context';
import type { AliasSense, Candidate, Mention, TextUnit } from './types';

export interface ResolveOptions {
  /** The page title: read for context (names in full), never marked. */
  title?: string;
  /** Called once per candidate span, in document order, with the outcome and its rule. */
  onDecision?: (decision: Decision) => void;
}

interface SenseState {
  sense: AliasSense;
  dropped: RuleName | null;
}

interface Slot {
  unit: number;
  start: number;
  end: number;
  text: string;
  senses: SenseState[];
}

/**
 * Where to read a unit's neighbours: its block when the unit sits in it exactly once
 * (a link's text "Jordan" then sees "Michael " before it), else the unit itself.
 */
function locate(unit: TextUnit, matcher: Matcher, blockScans: Map<string, Candidate[]>) {
  const block = unit.blockText;
  if (block && block !== unit.text) {
    const at = block.indexOf(unit.text);
    if (at >= 0 && block.lastIndexOf(unit.text) === at) {
      const spans = (): Candidate[] => {
        let found = blockScans.get(block);
        if (!found) blockScans.set(block, (found = matcher.scan(block)));
        return found;
      };
      return { text: block, offset: at, spans, block: undefined };
    }
  }
  return { text: unit.text, offset: 0, spans: () => unit.candidates, block };
}

function localDrop(sense: AliasSense, aliasText: string, ctx: LocalContext): RuleName | null {
  if (sense.commonWord && commonWordDrops(ctx, aliasText)) return 'common-word';
  if (sense.usPlace && usPlaceDrops(ctx, aliasText, sense.type)) return 'us-place';
  if (sense.personName && firstNameDrops(ctx)) return 'first-name';
  if (sense.needsContext && sense.type === 'person' && !sense.personName && surnameGuardDrops(ctx)) return 'surname-guard';
  return null;
}

/** Per resolve call: each block's scan, and whether a text reads as a headline (keyed by prominence + text). */
interface Memo {
  blockScans: Map<string, Candidate[]>;
  titleCase: Map<string, boolean>;
}

function collectSlots(unitIndex: number, unit: TextUnit, matcher: Matcher, memo: Memo, out: Slot[]) {
  if (unit.candidates.length === 0) return;
  const where = locate(unit, matcher, memo.blockScans);
  // Asked only by the capital-based guards, and every text node of a paragraph asks about the
  // same paragraph: judge it once, when first asked.
  const key = (unit.prominent === true ? '1' : '0') + where.text;
  const titleCase = (): boolean => {
    let v = memo.titleCase.get(key);
    if (v === undefined) memo.titleCase.set(key, (v = isTitleCase(where.text, unit.prominent === true)));
    return v;
  };
  const sorted = [...unit.candidates].sort((a, b) => a.start - b.start || b.end - a.end);
  for (const c of sorted) {
    const last = out[out.length - 1];
    let slot: Slot;
    if (last && last.unit === unitIndex && last.start === c.start && last.end === c.end) slot = last;
    else out.push((slot = { unit: unitIndex, start: c.start, end: c.end, text: unit.text.slice(c.start, c.end), senses: [] }));
    const info = matcher.aliasInfo(c.alias);
    const ctx: LocalContext = {
      text: where.text,
      start: c.start + where.offset,
      end: c.end + where.offset,
      block: where.block,
      spans: where.spans,
      titleCase,
    };
    for (const sense of info.senses) {
      if (slot.senses.some((s) => s.sense.entityId === sense.entityId)) continue;
      slot.senses.push({ sense, dropped: localDrop(sense, info.text, ctx) });
    }
  }
}

/** Entities named in full: the slot's only surviving sense, needing no context. Positions ascend. */
function fullNamings(slots: readonly Slot[]): Map<string, number[]> {
  const named = new Map<string, number[]>();
  slots.forEach((slot, pos) => {
    const alive = slot.senses.filter((s) => !s.dropped);
    if (alive.length !== 1 || alive[0]!.sense.needsContext) return;
    const id = alive[0]!.sense.entityId;
    const list = named.get(id);
    if (list) list.push(pos);
    else named.set(id, [pos]);
  });
  return named;
}

function decide(slot: Slot, pos: number, named: Map<string, number[]>): { entityId: string | null; rule: RuleName | null } {
  const alive = slot.senses.filter((s) => !s.dropped).map((s) => s.sense);
  if (alive.length === 0) return { entityId: null, rule: slot.senses[0]?.dropped ?? 'context' };
  const eligible = alive.filter((s) => !s.needsContext || s.needsContext.some((id) => named.has(id)));
  if (eligible.length === 0) return { entityId: null, rule: 'context' };
  if (eligible.length === 1) {
    const only = eligible[0]!;
    return { entityId: only.entityId, rule: only.needsContext ? 'context' : alive.length > 1 ? 'context' : null };
  }
  // Tie rule 1 (coreference): the entity named in full most recently before this span.
  let best: AliasSense | null = null;
  let bestPos = -1;
  for (const s of eligible) {
    const before = (named.get(s.entityId) ?? []).filter((p) => p < pos);
    const lastPos = before.length > 0 ? before[before.length - 1]! : -1;
    if (lastPos > bestPos) { bestPos = lastPos; best = s; }
  }
  if (best) return { entityId: best.entityId, rule: 'coreference' };
  // Tie rule 2: named in full most often on the page, strictly more than the others.
  const counts = eligible.map((s) => named.get(s.entityId)?.length ?? 0).sort((a, b) => b - a);
  const top = eligible.find((s) => (named.get(s.entityId)?.length ?? 0) === counts[0]);
  if (top && counts[0]! > 0 && counts[0] !== counts[1]) return { entityId: top.entityId, rule: 'ambiguity' };
  // Tie rule 3: exactly one sense that needs no context.
  const free = eligible.filter((s) => !s.needsContext);
  if (free.length === 1) return { entityId: free[0]!.entityId, rule: 'ambiguity' };
  return { entityId: null, rule: 'ambiguity' };
}

/**
 * Resolution in steps, so a caller can spread it over several tasks: `add` each unit in
 * document order (the costly part: context rules, block scans), then `finish` once (linear in
 * the spans). The result is aligned with the units added.
 */
export class Resolution {
  private readonly memo: Memo = { blockScans: new Map(), titleCase: new Map() };
  private readonly slots: Slot[] = [];
  private units = 0;

  constructor(private readonly matcher: Matcher, private readonly opts: ResolveOptions = {}) {
    if (opts.title) {
      const title: TextUnit = { text: opts.title, candidates: matcher.scan(opts.title), prominent: true };
      collectSlots(-1, title, matcher, this.memo, this.slots);
    }
  }

  add(unit: TextUnit): void {
    collectSlots(this.units++, unit, this.matcher, this.memo, this.slots);
  }

  finish(): Mention[][] {
    const named = fullNamings(this.slots);
    const out: Mention[][] = Array.from({ length: this.units }, () => []);
    this.slots.forEach((slot, pos) => {
      const { entityId, rule } = decide(slot, pos, named);
      this.opts.onDecision?.({ unit: slot.unit, start: slot.start, end: slot.end, text: slot.text, entityId, rule });
      if (entityId === null || slot.unit < 0) return;
      const type = slot.senses.find((s) => s.sense.entityId === entityId)!.sense.type;
      out[slot.unit]!.push({ start: slot.start, end: slot.end, entityId, type });
    });
    return out;
  }
}

/**
 * Decides each candidate's entity or drops it. `units` are in document order; the result
 * is aligned with them. See rules.ts for the rules (RULES) and the tie rule.
 */
export function resolveMentions(units: TextUnit[], matcher: Matcher, opts: ResolveOptions = {}): Mention[][] {
  const resolution = new Resolution(matcher, opts);
  for (const unit of units) resolution.add(unit);
  return resolution.finish();
}
