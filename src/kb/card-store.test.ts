import { describe, expect, it } from 'vitest';
import { createCardStore } from './card-store';
import type { Entity } from './schema';

const base = { wikipedia: 'x', sources: [], asOf: '2025-06-01', packs: ['world' as const], facts: [], timeline: [] };
const entities: Entity[] = [
  { ...base, id: 'kim-jong-un', type: 'person', name: 'Kim Jong Un', role: 'Supreme Leader', summary: 's', aliases: [{ text: 'Kim Jong Un' }, { text: 'Kim Jong-un' }], related: [{ id: 'north-korea', relation: 'leader of' }, { id: 'gone', relation: 'ally of' }] },
  { ...base, id: 'north-korea', type: 'country', name: 'North Korea', summary: 's', aliases: [{ text: 'North Korea' }, { text: 'DPRK' }, { text: 'Corée du Nord', lang: 'fr' }], related: [] },
  { ...base, id: 'south-korea', type: 'country', name: 'South Korea', summary: 's', aliases: [{ text: 'South Korea' }, { text: 'ROK' }], related: [] },
];

const events: Entity[] = [
  { ...base, id: 'singapore-summit-2018', type: 'event', name: 'Singapore summit', summary: 's', start: '2018-06-12', aliases: [], related: [{ id: 'kim-jong-un', relation: 'participant' }], timeline: [{ date: '2019-02-27', text: 'Hanoi', ref: 'hanoi-summit-2019' }] },
  { ...base, id: 'hanoi-summit-2019', type: 'event', name: 'Hanoi summit', summary: 's', start: '2019-02-27', end: '2019-02-28', aliases: [], related: [] },
  { ...base, id: 'korean-war', type: 'event', name: 'Korean War', summary: 's', start: '1950-06-25', end: '1953-07-27', aliases: [], related: [] },
];

describe('combined timeline', () => {
  const store = createCardStore([
    ...entities.map((e) => (e.id === 'kim-jong-un' ? { ...e, related: [...e.related, { id: 'singapore-summit-2018', relation: 'participant in' as const }] } : e)),
    { ...entities[1]!, related: [{ id: 'korean-war', relation: 'participant in' as const }] } as Entity,
    ...events,
  ].filter((e, i, all) => all.findIndex((x) => x.id === e.id) === i));

  it('collects the events linked to the page entities, in date order', () => {
    expect(store.timeline(['kim-jong-un', 'singapore-summit-2018']).map((t) => t.id)).toEqual(['singapore-summit-2018', 'hanoi-summit-2019']);
  });
  it('says which page entities each event comes from', () => {
    const [first] = store.timeline(['kim-jong-un', 'singapore-summit-2018']);
    expect(first?.via.sort()).toEqual(['kim-jong-un', 'singapore-summit-2018']);
  });
  it('ignores unknown ids and non-events', () => {
    expect(store.timeline(['nobody', 'south-korea'])).toEqual([]);
  });
});

describe('card store', () => {
  const store = createCardStore(entities);

  it('serves a card with related links resolved and unknown ones left out', () => {
    const card = store.card('kim-jong-un');
    expect(card?.related).toEqual([{ id: 'north-korea', name: 'North Korea', type: 'country', relation: 'leader of' }]);
    expect(card && 'aliases' in card).toBe(false);
    expect(store.card('nobody')).toBeNull();
  });

  it('searches names and aliases, ignoring case, accents and dashes', () => {
    expect(store.search('korea').map((h) => h.id)).toEqual(['north-korea', 'south-korea', 'kim-jong-un'].filter((id) => id !== 'kim-jong-un'));
    expect(store.search('dprk')[0]).toMatchObject({ id: 'north-korea', matched: 'DPRK' });
    expect(store.search('coree')[0]?.id).toBe('north-korea');
    expect(store.search('kim jong-un')[0]?.id).toBe('kim-jong-un');
    expect(store.search('  ')).toEqual([]);
  });

  it('ranks a prefix of the name above a match inside it', () => {
    expect(store.search('k').map((h) => h.id)[0]).toBe('kim-jong-un');
  });

  it('excludes only the entities none of whose packs is on', () => {
    const packed = createCardStore([
      { ...entities[0]!, packs: ['korea', 'world'] },
      { ...entities[1]!, packs: ['korea'] },
      { ...entities[2]!, packs: ['asia-pacific'] },
    ]);
    expect(packed.excluded(['world'])).toEqual(['north-korea', 'south-korea']);
    expect(packed.excluded(['korea', 'asia-pacific'])).toEqual([]);
    expect(packed.excluded([])).toEqual(['kim-jong-un', 'north-korea', 'south-korea']);
  });

  it('answers briefs for known ids only', () => {
    expect(store.briefs(['north-korea', 'nobody'])).toEqual([{ id: 'north-korea', name: 'North Korea', type: 'country' }]);
  });
});
