/**
 * The knowledge-base compiler: validates every source file, merges country overlays with the
 * world-countries data, checks every cross-reference and alias collision, and returns the
 * compiled entities. Pure: the caller reads the files (scripts/kb-files.ts).
 */
import { countryEntity, isSovereignState, type CountryOverlay, type WorldCountry } from './countries';
import { dateKey } from './dates';
import type { AliasSpec, Entity, EntitySource } from './schema';
import { toAliasSpec, validateEntity } from './validate';
import { foldAliasText } from '../matcher';

export interface SourceFile {
  /** Path relative to the repository, used in error messages. */
  path: string;
  data: unknown;
}

export interface CompileResult {
  entities: Entity[];
  errors: string[];
  warnings: string[];
}

interface Located {
  file: string;
  entity: EntitySource;
  generated: AliasSpec[];
}

/** The matcher's own folding (typography, case, hyphen and space), so collisions are judged as it sees them. */
export const aliasKey = foldAliasText;

function collect(files: SourceFile[], countries: WorldCountry[], errors: string[]): Located[] {
  const out: Located[] = [];
  const byCode = new Map(countries.filter(isSovereignState).map((c) => [c.cca3, c]));
  const covered = new Set<string>();
  for (const file of files) {
    const isOverlay = /(^|\/)countries\/[^/]+\.json$/.test(file.path);
    if (isOverlay) {
      if (typeof file.data !== 'object' || file.data === null || Array.isArray(file.data)) {
        errors.push(`${file.path}: must be an object keyed by three-letter country code`);
        continue;
      }
      for (const [code, overlay] of Object.entries(file.data as Record<string, CountryOverlay>)) {
        const country = byCode.get(code);
        if (!country) { errors.push(`${file.path}: ${code}: not a sovereign state code in world-countries`); continue; }
        if (covered.has(code)) { errors.push(`${file.path}: ${code}: overlay given twice`); continue; }
        covered.add(code);
        const { generatedAliases, ...entity } = countryEntity(country, overlay);
        for (const p of validateEntity(entity, { overlay: true })) errors.push(`${file.path}: ${entity.id}: ${p.field}: ${p.message}`);
        out.push({ file: file.path, entity, generated: generatedAliases });
      }
      continue;
    }
    if (!Array.isArray(file.data)) { errors.push(`${file.path}: must be a JSON array of entities`); continue; }
    for (const [i, raw] of file.data.entries()) {
      const problems = validateEntity(raw);
      const id = typeof (raw as { id?: unknown })?.id === 'string' ? (raw as { id: string }).id : `[${i}]`;
      for (const p of problems) errors.push(`${file.path}: ${id}: ${p.field}: ${p.message}`);
      if (problems.length === 0) out.push({ file: file.path, entity: raw as EntitySource, generated: [] });
    }
  }
  for (const code of byCode.keys()) {
    if (!covered.has(code)) errors.push(`src/kb/data/countries: ${code} (${byCode.get(code)?.name.common}): no overlay; every sovereign state needs one`);
  }
  return out;
}

/** Turns source aliases into specs: the name first, flags merged into it, drops applied, duplicates removed. */
function normalizeAliases(l: Located): { spec: AliasSpec; generated: boolean }[] {
  const dropped = new Set<string>();
  const seen = new Map<string, { spec: AliasSpec; generated: boolean }>();
  const list: { spec: AliasSpec; generated: boolean }[] = [];
  const push = (spec: AliasSpec, generated: boolean): void => {
    const key = aliasKey(spec.text) + '\u0000' + (spec.case ?? 'exact') + '\u0000' + (spec.case === 'insensitive' ? '' : spec.text);
    const prev = seen.get(key);
    if (prev) {
      // A hand-written alias with the same text refines a generated one, or the name's flags.
      if (!generated) { Object.assign(prev.spec, spec); prev.generated = false; }
      return;
    }
    const entry = { spec: { ...spec }, generated };
    seen.set(key, entry);
    list.push(entry);
  };
  for (const a of l.entity.aliases) {
    const spec = toAliasSpec(a) as AliasSpec & { drop?: boolean };
    if (spec.drop) dropped.add(spec.text);
  }
  push({ text: l.entity.name }, false);
  for (const a of l.entity.aliases) {
    const { drop, ...spec } = toAliasSpec(a) as AliasSpec & { drop?: boolean };
    if (!drop) push(spec, false);
  }
  for (const g of l.generated) {
    const { generated: _g, ...spec } = g as AliasSpec & { generated?: boolean };
    if (!dropped.has(spec.text)) push(spec, true);
  }
  return list.filter((e) => !dropped.has(e.spec.text) || e.spec.text === l.entity.name);
}

function checkRefs(l: Located, ids: Set<string>, errors: string[]): void {
  const e = l.entity;
  const where = `${l.file}: ${e.id}`;
  const ref = (field: string, id: string | undefined): void => {
    if (id !== undefined && !ids.has(id)) errors.push(`${where}: ${field}: "${id}" is not an entity id`);
  };
  e.related?.forEach((r, i) => {
    ref(`related[${i}].id`, r.id);
    if (r.id === e.id) errors.push(`${where}: related[${i}].id: an entity cannot relate to itself`);
  });
  e.facts?.forEach((f, i) => ref(`facts[${i}].ref`, f.ref));
  e.timeline?.forEach((t, i) => ref(`timeline[${i}].ref`, t.ref));
  ref('headOfState.ref', e.headOfState?.ref);
  ref('headOfGovernment.ref', e.headOfGovernment?.ref);
  e.aliases.forEach((a, i) => {
    if (typeof a === 'string') return;
    a.needsContext?.forEach((id, j) => ref(`aliases[${i}].needsContext[${j}]`, id));
    a.ambiguousWith?.forEach((id, j) => ref(`aliases[${i}].ambiguousWith[${j}]`, id));
  });
  if (e.start && e.end && dateKey(e.end) < dateKey(e.start)) errors.push(`${where}: end: ends before it starts`);
}

export function compileKb(files: SourceFile[], countries: WorldCountry[]): CompileResult {
  const errors: string[] = [];
  const warnings: string[] = [];
  const located = collect(files, countries, errors);

  const firstFile = new Map<string, string>();
  for (const l of located) {
    const prev = firstFile.get(l.entity.id);
    if (prev) errors.push(`${l.file}: ${l.entity.id}: id: duplicate id, first defined in ${prev}`);
    else firstFile.set(l.entity.id, l.file);
  }
  const ids = new Set(firstFile.keys());
  for (const l of located) checkRefs(l, ids, errors);

  const aliasLists = new Map(located.map((l) => [l, normalizeAliases(l)]));
  // Alias collisions between entities: fine only when both sides say so.
  const owners = new Map<string, { l: Located; spec: AliasSpec; generated: boolean }[]>();
  for (const [l, list] of aliasLists) {
    for (const a of list) {
      const key = aliasKey(a.spec.text);
      const arr = owners.get(key) ?? [];
      if (!arr.some((o) => o.l.entity.id === l.entity.id)) arr.push({ l, ...a });
      owners.set(key, arr);
    }
  }
  for (const [key, arr] of owners) {
    if (arr.length < 2) continue;
    const hand = arr.filter((o) => !o.generated);
    // A translated name that another entity also uses is too ambiguous to match: drop it.
    for (const o of arr.filter((x) => x.generated)) {
      const list = aliasLists.get(o.l);
      if (list) aliasLists.set(o.l, list.filter((x) => x.spec !== o.spec));
      const others = arr.filter((x) => x !== o).map((x) => x.l.entity.id);
      warnings.push(`${o.l.file}: ${o.l.entity.id}: generated alias "${o.spec.text}" dropped: also an alias of ${others.join(', ')}`);
    }
    for (let i = 0; i < hand.length; i++) {
      for (let j = i + 1; j < hand.length; j++) {
        const a = hand[i];
        const b = hand[j];
        if (!a || !b) continue;
        const aOk = a.spec.ambiguousWith?.includes(b.l.entity.id) ?? false;
        const bOk = b.spec.ambiguousWith?.includes(a.l.entity.id) ?? false;
        if (!aOk || !bOk) {
          errors.push(
            `${a.l.file}: ${a.l.entity.id}: aliases: "${a.spec.text}" is also an alias of ${b.l.entity.id} (${b.l.file}); ` +
              `mark both with ambiguousWith or remove one (key "${key}")`,
          );
        }
      }
    }
  }

  const entities: Entity[] = located
    .filter((l) => firstFile.get(l.entity.id) === l.file)
    .map((l) => {
      const e = l.entity;
      return {
        ...e,
        aliases: (aliasLists.get(l) ?? []).map((a) => a.spec),
        facts: e.facts ?? [],
        timeline: [...(e.timeline ?? [])].sort((x, y) => dateKey(x.date).localeCompare(dateKey(y.date))),
        related: e.related ?? [],
      };
    })
    .sort((a, b) => a.id.localeCompare(b.id));
  return { entities, errors, warnings };
}
