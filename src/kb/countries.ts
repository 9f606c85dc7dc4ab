/**
 * Countries come from two places: the world-countries package (names, official names,
 * translations, capital, region) and our hand-checked overlays under data/countries/
 * (summary, office-holders, links). The package supplies the translated names so that
 * nobody has to type them.
 */
import type { AliasSpec, EntitySource, Fact } from './schema';

export interface WorldCountry {
  name: { common: string; official: string };
  cca3: string;
  unMember: boolean;
  capital?: string[];
  region: string;
  subregion?: string;
  altSpellings?: string[];
  translations: Record<string, { common: string; official: string } | undefined>;
}

/** The 193 UN members, the two observer states, Taiwan and Kosovo. */
export const NON_MEMBER_STATES = ['VAT', 'PSE', 'TWN', 'UNK'];
export function isSovereignState(c: WorldCountry): boolean {
  return (c.unMember && c.cca3 !== 'VAT') || NON_MEMBER_STATES.includes(c.cca3);
}

/** world-countries' three-letter language keys → ISO 639-1, for the languages we match. */
export const TRANSLATION_LANGS: Record<string, string> = {
  fra: 'fr', deu: 'de', spa: 'es', por: 'pt', ita: 'it', nld: 'nl', rus: 'ru', jpn: 'ja',
  kor: 'ko', zho: 'zh', ara: 'ar', tur: 'tr', pol: 'pl', swe: 'sv',
};

export function slugify(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, 'and')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

export type CountryOverlay = Partial<Omit<EntitySource, 'type' | 'name'>> & { aliases?: (string | (AliasSpec & { drop?: boolean }))[] };

/** Aliases the package gives us; marked `generated` so collisions drop them instead of failing. */
export function generatedAliases(c: WorldCountry): (AliasSpec & { generated: true })[] {
  const out: (AliasSpec & { generated: true })[] = [];
  const add = (text: string | undefined, lang?: string): void => {
    const t = text?.trim();
    if (!t || t.includes(', ')) return;
    // Two-letter and three-letter codes (KP, PRK) are not how news names countries.
    if (/^[A-Z]{2,3}$/.test(t)) return;
    out.push(lang ? { text: t, lang, generated: true } : { text: t, generated: true });
  };
  add(c.name.official);
  for (const s of c.altSpellings ?? []) add(s);
  for (const [key, lang] of Object.entries(TRANSLATION_LANGS)) add(c.translations[key]?.common, lang);
  return out;
}

function officeFact(label: string, h: EntitySource['headOfState']): Fact[] {
  if (!h) return [];
  const fact: Fact = { label, value: `${h.name} (${h.title})`, kind: h.ref ? 'entity' : 'text', asOf: h.asOf };
  if (h.ref) fact.ref = h.ref;
  return [fact];
}

/** Builds the source entity for one country; validation happens afterwards like any other entity. */
export function countryEntity(c: WorldCountry, overlay: CountryOverlay): EntitySource & { generatedAliases: AliasSpec[] } {
  const { aliases = [], facts = [], ...rest } = overlay;
  const capital = (c.capital ?? []).join(', ');
  const region = c.subregion ?? c.region;
  const entity: EntitySource & { generatedAliases: AliasSpec[] } = {
    id: overlay.id ?? slugify(c.name.common),
    type: 'country',
    name: c.name.common,
    wikipedia: overlay.wikipedia ?? c.name.common,
    summary: '',
    sources: [],
    asOf: '',
    packs: [],
    ...rest,
    aliases,
    capital,
    region,
    facts: [
      ...(capital ? [{ label: 'Capital', value: capital }] : []),
      { label: 'Region', value: region },
      ...officeFact('Head of state', overlay.headOfState),
      ...officeFact('Head of government', overlay.headOfGovernment),
      ...facts,
    ],
    generatedAliases: generatedAliases(c),
  };
  return entity;
}
