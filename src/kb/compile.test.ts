import { describe, expect, it } from 'vitest';
import { compileKb, type SourceFile } from './compile';
import type { WorldCountry } from './countries';
import type { EntitySource } from './schema';

const wiki = (t: string) => [{ title: `Wikipedia: ${t}`, url: `https://en.wikipedia.org/wiki/${t.replace(/ /g, '_')}` }];

function person(id: string, name: string, extra: Partial<EntitySource> = {}): EntitySource {
  return {
    id,
    type: 'person',
    name,
    aliases: [],
    wikipedia: name,
    role: 'A test person',
    summary: `${name} is a person used in tests.`,
    sources: wiki(name),
    asOf: '2025-06-01',
    packs: ['world'],
    ...extra,
  };
}

const korea: WorldCountry = {
  name: { common: 'North Korea', official: "Democratic People's Republic of Korea" },
  cca3: 'PRK',
  unMember: true,
  capital: ['Pyongyang'],
  region: 'Asia',
  subregion: 'Eastern Asia',
  altSpellings: ['KP', 'DPRK', "Korea, Democratic People's Republic of", '북한'],
  translations: { fra: { common: 'Corée du Nord', official: '' }, deu: { common: 'Nordkorea', official: '' } },
};

const overlay = {
  PRK: {
    wikipedia: 'North Korea',
    summary: 'A state in the north of the Korean Peninsula.',
    headOfState: { name: 'Kim Jong Un', title: 'President of the State Affairs', ref: 'kim-jong-un', asOf: '2025-06-01' },
    headOfGovernment: { name: 'Pak Thae-song', title: 'Premier', asOf: '2025-06-01' },
    sources: wiki('North Korea'),
    asOf: '2025-06-01',
    packs: ['korea'],
  },
};

function compile(files: SourceFile[], countries: WorldCountry[] = [korea]) {
  return compileKb([{ path: 'data/countries/asia.json', data: overlay }, ...files], countries);
}

describe('compileKb', () => {
  it('compiles valid entities and merges country data with the overlay', () => {
    const { entities, errors } = compile([{ path: 'data/people/korea.json', data: [person('kim-jong-un', 'Kim Jong Un')] }]);
    expect(errors).toEqual([]);
    const nk = entities.find((e) => e.id === 'north-korea');
    expect(nk?.capital).toBe('Pyongyang');
    expect(nk?.aliases.map((a) => a.text)).toEqual(["North Korea", "Democratic People's Republic of Korea", 'DPRK', '북한', 'Corée du Nord', 'Nordkorea']);
    expect(nk?.aliases.find((a) => a.text === 'Nordkorea')?.lang).toBe('de');
    expect(nk?.facts.find((f) => f.label === 'Head of state')).toMatchObject({ value: 'Kim Jong Un (President of the State Affairs)', ref: 'kim-jong-un' });
  });

  it('names the file, the entity and the field of a schema error', () => {
    const bad = { ...person('kim-jong-un', 'Kim Jong Un'), summary: 'x'.repeat(321), asOf: '2025-13-01' };
    const { errors } = compile([{ path: 'data/people/korea.json', data: [bad] }]);
    expect(errors).toContain('data/people/korea.json: kim-jong-un: summary: is 321 characters; the limit is 320');
    expect(errors).toContain('data/people/korea.json: kim-jong-un: asOf: "2025-13-01" is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)');
  });

  it('fails on missing sources, duplicate ids and dangling references', () => {
    const { errors } = compile([
      { path: 'data/people/a.json', data: [person('kim-jong-un', 'Kim Jong Un'), person('kim-yo-jong', 'Kim Yo Jong', { sources: [] })] },
      { path: 'data/people/b.json', data: [person('kim-jong-un', 'Kim Jong-un', { related: [{ id: 'nowhere', relation: 'ally of' }] })] },
    ]);
    expect(errors).toContain('data/people/a.json: kim-yo-jong: sources: must list at least one source');
    expect(errors).toContain('data/people/b.json: kim-jong-un: id: duplicate id, first defined in data/people/a.json');
    expect(errors).toContain('data/people/b.json: kim-jong-un: related[0].id: "nowhere" is not an entity id');
  });

  it('fails on alias collisions unless both sides mark them ambiguous', () => {
    const a = person('kim-jong-un', 'Kim Jong Un', { aliases: [{ text: 'Kim' }] });
    const b = person('kim-yo-jong', 'Kim Yo Jong', { aliases: [{ text: 'Kim' }] });
    const clash = compile([{ path: 'data/people/k.json', data: [a, b] }]);
    expect(clash.errors.some((e) => e.includes('"Kim" is also an alias of kim-yo-jong'))).toBe(true);

    const a2 = person('kim-jong-un', 'Kim Jong Un', { aliases: [{ text: 'Kim', ambiguousWith: ['kim-yo-jong'] }] });
    const b2 = person('kim-yo-jong', 'Kim Yo Jong', { aliases: [{ text: 'Kim', ambiguousWith: ['kim-jong-un'] }] });
    expect(compile([{ path: 'data/people/k.json', data: [a2, b2] }]).errors).toEqual([]);
  });

  it('drops a generated translation that collides instead of failing', () => {
    const fake = person('nordkorea-band', 'Nordkorea', { type: 'organization', role: undefined });
    const { errors, warnings, entities } = compile([
      { path: 'data/people/korea.json', data: [person('kim-jong-un', 'Kim Jong Un')] },
      { path: 'data/organizations/x.json', data: [fake] },
    ]);
    expect(errors).toEqual([]);
    expect(warnings.some((w) => w.includes('"Nordkorea" dropped'))).toBe(true);
    expect(entities.find((e) => e.id === 'north-korea')?.aliases.some((a) => a.text === 'Nordkorea')).toBe(false);
  });

  it('requires an overlay for every sovereign state and rejects unknown codes', () => {
    const { errors } = compileKb([{ path: 'data/countries/x.json', data: { XXX: {} } }], [korea]);
    expect(errors).toContain('data/countries/x.json: XXX: not a sovereign state code in world-countries');
    expect(errors.some((e) => e.includes('PRK (North Korea): no overlay'))).toBe(true);
  });

  it('rejects a non-array file and an unknown relation', () => {
    const { errors } = compile([
      { path: 'data/people/obj.json', data: { id: 'x' } },
      { path: 'data/people/rel.json', data: [person('kim-jong-un', 'Kim Jong Un', { related: [{ id: 'north-korea', relation: 'friend of' as never }] })] },
    ]);
    expect(errors).toContain('data/people/obj.json: must be a JSON array of entities');
    expect(errors).toContain('data/people/rel.json: kim-jong-un: related[0].relation: "friend of" is not a known relation');
  });
});
