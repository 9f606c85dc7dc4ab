/**
 * A small, realistic knowledge base for the matcher's tests: the hard cases of the
 * real one (shared surnames, countries that are also first names, US states, common
 * words, translations) without depending on the data files being written elsewhere.
 */
import type { AliasSpec, Entity, EntityType } from '../kb/schema';
import { buildMatchIndex } from './build-index';
import type { MatchIndex } from './index-format';
import { Matcher } from './matcher';

function entity(id: string, type: EntityType, name: string, aliases: (string | AliasSpec)[] = []): Entity {
  return {
    id,
    type,
    name,
    aliases: [{ text: name }, ...aliases.map((a) => (typeof a === 'string' ? { text: a } : a))],
    wikipedia: name,
    summary: `${name}.`,
    facts: [],
    timeline: [],
    related: [],
    sources: [],
    asOf: '2025-01-01',
    packs: ['world'],
  };
}

export const FIXTURE_ENTITIES: Entity[] = [
  entity('donald-trump', 'person', 'Donald Trump', [
    { text: 'Trump', commonWord: true },
    'Donald J. Trump',
    { text: '도널드 트럼프', lang: 'ko' },
    { text: '트럼프', lang: 'ko' },
  ]),
  entity('kim-jong-un', 'person', 'Kim Jong Un', [
    { text: 'Kim', needsContext: ['kim-jong-un'], ambiguousWith: ['kim-yo-jong'] },
    { text: '김정은', lang: 'ko' },
  ]),
  entity('kim-yo-jong', 'person', 'Kim Yo Jong'),
  entity('north-korea', 'country', 'North Korea', [
    'DPRK',
    "Democratic People's Republic of Korea",
    { text: 'Corée du Nord', lang: 'fr' },
    { text: 'Nordkorea', lang: 'de' },
    { text: 'Coreia do Norte', lang: 'pt' },
    { text: '북한', lang: 'ko' },
    { text: '朝鲜', lang: 'zh' },
    { text: '北朝鮮', lang: 'ja' },
    { text: 'Северная Корея', lang: 'ru' },
    { text: 'كوريا الشمالية', lang: 'ar' },
    { text: 'צפון קוריאה', lang: 'he' },
  ]),
  entity('south-korea', 'country', 'South Korea', ['Republic of Korea', { text: 'Südkorea', lang: 'de' }]),
  entity('united-states', 'country', 'United States', [
    'US', 'U.S.', 'USA', 'U.S.A.', 'United States of America',
    { text: 'États-Unis', lang: 'fr' },
    { text: 'Estados Unidos', lang: 'pt' },
    { text: '미국', lang: 'ko' },
    { text: '美国', lang: 'zh' },
  ]),
  entity('united-nations', 'organization', 'United Nations', ['UN', 'U.N.', { text: 'Nations unies', lang: 'fr' }]),
  entity('world-health-organization', 'organization', 'World Health Organization', ['WHO']),
  entity('turkey', 'country', 'Turkey', [{ text: 'Turkey', commonWord: true }, 'Türkiye', { text: 'Türkei', lang: 'de' }]),
  entity('georgia', 'country', 'Georgia', [
    { text: 'Georgia', usPlace: true, personName: true },
    { text: 'Georgien', lang: 'de' },
  ]),
  entity('armenia', 'country', 'Armenia'),
  entity('jordan', 'country', 'Jordan', [{ text: 'Jordan', personName: true }]),
  entity('chad', 'country', 'Chad', [{ text: 'Chad', personName: true }, { text: 'Tchad', lang: 'fr' }]),
  entity('sudan', 'country', 'Sudan'),
  entity('south-sudan', 'country', 'South Sudan'),
  entity('guinea', 'country', 'Guinea'),
  entity('papua-new-guinea', 'country', 'Papua New Guinea', ['PNG']),
  entity('equatorial-guinea', 'country', 'Equatorial Guinea'),
  entity('guinea-bissau', 'country', 'Guinea-Bissau'),
  entity('iran', 'country', 'Iran', ['Islamic Republic of Iran', { text: 'ایران', lang: 'fa' }]),
  entity('israel', 'country', 'Israel', [{ text: 'ישראל', lang: 'he' }, { text: 'إسرائيل', lang: 'ar' }]),
  entity('china', 'country', 'China', [{ text: 'China', commonWord: true }, { text: '中国', lang: 'zh' }]),
  entity('washington-dc', 'place', 'Washington, D.C.', [
    { text: 'Washington', usPlace: true, personName: true },
    'Washington D.C.',
  ]),
  entity('new-york-city', 'place', 'New York City', [{ text: 'New York', usPlace: true }]),
  entity('russian-invasion-of-ukraine', 'event', 'Russian invasion of Ukraine', ['invasion of Ukraine']),
  entity('ukraine', 'country', 'Ukraine', [{ text: 'Україна', lang: 'uk' }, { text: 'Украина', lang: 'ru' }]),
  entity('russia', 'country', 'Russia', ['Russian Federation', { text: 'Russland', lang: 'de' }, { text: 'Россия', lang: 'ru' }]),
  entity('singapore-summit-2018', 'event', '2018 Singapore summit', ['Singapore summit', 'Trump–Kim summit']),
  entity('singapore', 'country', 'Singapore'),
  entity('denuclearization', 'concept', 'denuclearization', [{ text: 'denuclearization', case: 'insensitive' }]),
];

let cached: Matcher | undefined;
let cachedIndex: MatchIndex | undefined;

export function fixtureIndex(): MatchIndex {
  return (cachedIndex ??= buildMatchIndex(FIXTURE_ENTITIES));
}

export function fixtureMatcher(): Matcher {
  return (cached ??= Matcher.fromIndex(fixtureIndex()));
}

/** The matched texts and entity ids of one scan, for compact assertions. */
export function spans(matcher: Matcher, text: string): string[] {
  return matcher.scan(text).map((c) => `${text.slice(c.start, c.end)}=${c.entityIds.join('|')}`);
}
