/**
 * The alias table before encoding: one record per distinct (normalized text, case mode);
 * a record holds one "sense" per entity that uses the text, with that entity's flags.
 * An entity listed in `ambiguousWith` but lacking the text itself gets an implied sense
 * that needs context for itself: "Kim" can mean Kim Yo Jong once she is named in full.
 */
import type { AliasSpec, Entity } from '../kb/schema';
import { SenseFlag } from './index-format';
import { normalizeAliasText } from './normalize';

export interface SenseAcc {
  entity: number;
  flags: number;
  /** null once any spec of this entity uses the text without needsContext. */
  ctx: Set<number> | null;
  amb: Set<number>;
  lang: string;
}
export interface RecordAcc {
  text: string;
  insensitive: boolean;
  senses: Map<number, SenseAcc>;
}

const MAX_ALIAS_UNITS = 0xffff;

function refs(ids: readonly string[] | undefined, index: Map<string, number>): Set<number> {
  const out = new Set<number>();
  for (const id of ids ?? []) {
    const e = index.get(id);
    if (e !== undefined) out.add(e);
  }
  return out;
}

export function collectRecords(entities: readonly Entity[], index: Map<string, number>): RecordAcc[] {
  const records = new Map<string, RecordAcc>();
  entities.forEach((entity, e) => {
    const specs: AliasSpec[] = [...entity.aliases];
    // The compiler puts the name first; tolerate entities built without it.
    if (!specs.some((s) => s.text === entity.name)) specs.unshift({ text: entity.name });
    for (const spec of specs) {
      const text = normalizeAliasText(spec.text);
      if (text.length === 0 || text.length > MAX_ALIAS_UNITS) continue;
      const insensitive = spec.case === 'insensitive';
      const key = `${insensitive ? 'i' : 'e'}\u0000${text}`;
      let rec = records.get(key);
      if (!rec) records.set(key, (rec = { text, insensitive, senses: new Map() }));
      const flags =
        (spec.personName ? SenseFlag.personName : 0) |
        (spec.usPlace ? SenseFlag.usPlace : 0) |
        (spec.commonWord ? SenseFlag.commonWord : 0);
      const ctx = spec.needsContext && spec.needsContext.length > 0 ? refs(spec.needsContext, index) : null;
      const amb = refs(spec.ambiguousWith, index);
      amb.delete(e);
      const prev = rec.senses.get(e);
      if (!prev) {
        rec.senses.set(e, { entity: e, flags, ctx, amb, lang: spec.lang ?? '' });
        continue;
      }
      prev.flags |= flags;
      prev.ctx = prev.ctx && ctx ? new Set([...prev.ctx, ...ctx]) : null;
      for (const a of amb) prev.amb.add(a);
      prev.lang ||= spec.lang ?? '';
    }
  });
  for (const rec of records.values()) {
    for (const sense of [...rec.senses.values()]) {
      for (const other of sense.amb) {
        if (rec.senses.has(other)) continue;
        const amb = new Set([sense.entity]);
        rec.senses.set(other, { entity: other, flags: SenseFlag.implied, ctx: new Set([other]), amb, lang: sense.lang });
      }
    }
  }
  return [...records.values()];
}
