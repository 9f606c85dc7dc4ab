/** Meta-tests that keep the knowledge base honest: counts, countries, sources, links, prose. */
import { beforeAll, describe, expect, it } from 'vitest';
import { compileFromDisk } from '../../scripts/kb-files';
import { SUMMARY_MAX, type Entity } from '../../src/kb/schema';

let entities: Entity[];
let errors: string[];
const count = (type: string) => entities.filter((e) => e.type === type).length;

beforeAll(() => {
  ({ entities, errors } = compileFromDisk());
});

describe('knowledge base', () => {
  it('compiles without errors', () => {
    expect(errors).toEqual([]);
  });

  it('meets the counts', () => {
    expect(entities.length).toBeGreaterThanOrEqual(800);
    expect(count('country')).toBe(197);
    expect(count('person')).toBeGreaterThanOrEqual(150);
    expect(count('organization')).toBeGreaterThanOrEqual(60);
    expect(count('event')).toBeGreaterThanOrEqual(120);
    expect(count('concept')).toBeGreaterThanOrEqual(30);
  });

  it('gives every country its capital, region and dated office-holders', () => {
    for (const c of entities.filter((e) => e.type === 'country')) {
      expect(c.region, c.id).toBeTruthy();
      expect(c.headOfState?.asOf, `${c.id} head of state`).toMatch(/^\d{4}/);
      expect(c.headOfGovernment?.asOf, `${c.id} head of government`).toMatch(/^\d{4}/);
    }
    // Vatican City's capital is the state itself; every other state names one.
    expect(entities.filter((e) => e.type === 'country' && !e.capital).map((e) => e.id)).toEqual([]);
  });

  it('matches country names in at least ten languages', () => {
    const langs = new Set(entities.flatMap((e) => e.aliases.map((a) => a.lang)).filter(Boolean));
    expect(langs.size).toBeGreaterThanOrEqual(10);
    const nk = entities.find((e) => e.id === 'north-korea');
    for (const name of ['Corée du Nord', 'Nordkorea', 'Coreia do Norte', 'Corea del Norte']) {
      expect(nk?.aliases.map((a) => a.text)).toContain(name);
    }
  });

  it('carries the abbreviations news uses', () => {
    const has = (id: string, text: string) => entities.find((e) => e.id === id)?.aliases.some((a) => a.text === text);
    for (const [id, text] of [['united-states', 'US'], ['united-states', 'U.S.'], ['united-states', 'USA'], ['united-kingdom', 'UK'], ['north-korea', 'DPRK'], ['south-korea', 'ROK'], ['china', 'PRC'], ['united-arab-emirates', 'UAE'], ['dr-congo', 'DRC']] as const) {
      expect(has(id, text), `${id} ${text}`).toBe(true);
    }
  });

  it('gives every entity a Wikipedia source, an as-of date and a summary within bounds', () => {
    for (const e of entities) {
      expect(e.sources.some((s) => s.url.startsWith('https://en.wikipedia.org/wiki/')), e.id).toBe(true);
      expect(e.asOf, e.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(e.summary.length, e.id).toBeLessThanOrEqual(SUMMARY_MAX);
      expect(e.summary.length, e.id).toBeGreaterThan(40);
    }
  });

  it('gives every person a one-line role', () => {
    expect(entities.filter((e) => e.type === 'person' && !e.role).map((e) => e.id)).toEqual([]);
  });

  it('gives every event a start, a place and an outcome, and links timelines', () => {
    const events = entities.filter((e) => e.type === 'event');
    expect(events.filter((e) => !e.start).map((e) => e.id)).toEqual([]);
    expect(events.filter((e) => !e.place).length).toBeLessThanOrEqual(events.length * 0.1);
    expect(events.filter((e) => !e.outcome).length).toBeLessThanOrEqual(events.length * 0.1);
    expect(events.filter((e) => e.timeline.some((t) => t.ref)).length).toBeGreaterThan(10);
  });

  it('assigns every entity to known packs', () => {
    expect(entities.filter((e) => e.packs.length === 0).map((e) => e.id)).toEqual([]);
  });
});
