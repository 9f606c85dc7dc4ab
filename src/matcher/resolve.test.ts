import { describe, expect, it } from 'vitest';
import type { AliasSpec, Entity } from '../kb/schema';
import { buildMatchIndex } from './build-index';
import { fixtureMatcher } from './fixture-kb';
import { Matcher } from './matcher';
import { resolveMentions } from './resolve';
import { RULES, type Decision } from './rules';
import type { TextUnit } from './types';

const m = fixtureMatcher();

interface Page {
  /** "text=entity" per kept mention, per unit. */
  mentions: string[][];
  decisions: Decision[];
}

function resolve(texts: (string | Omit<TextUnit, 'candidates'>)[], opts: { title?: string } = {}, matcher = m): Page {
  const units: TextUnit[] = texts.map((t) => {
    const unit = typeof t === 'string' ? { text: t } : t;
    return { ...unit, candidates: matcher.scan(unit.text) };
  });
  const decisions: Decision[] = [];
  const result = resolveMentions(units, matcher, { ...opts, onDecision: (d) => decisions.push(d) });
  expect(result).toHaveLength(units.length);
  const mentions = result.map((ms, i) => ms.map((x) => `${units[i]!.text.slice(x.start, x.end)}=${x.entityId}`));
  return { mentions, decisions };
}

/** The rule that decided about the first span with this text. */
const ruleFor = (page: Page, text: string) => page.decisions.find((d) => d.text === text)?.rule;

describe('RULES', () => {
  it('names every rule in order', () => {
    expect(RULES).toEqual([
      'boundary', 'case', 'longest-match', 'common-word', 'us-place', 'first-name', 'surname-guard', 'context', 'coreference', 'ambiguity',
    ]);
  });
});

describe('first-name rule', () => {
  it('drops a country that is someone’s first name or surname', () => {
    for (const text of ['Chad Smith scored.', 'Jordan Peterson spoke.', 'fans of Michael Jordan cheered', 'Michael B. Jordan', 'Mr Jordan said']) {
      const page = resolve([text]);
      expect(page.mentions, text).toEqual([[]]);
      expect(ruleFor(page, text.includes('Chad') ? 'Chad' : 'Jordan'), text).toBe('first-name');
    }
  });

  it('keeps the countries when no name is around them', () => {
    expect(resolve(['talks between Jordan and Chad']).mentions).toEqual([['Jordan=jordan', 'Chad=chad']]);
    expect(resolve(["Jordan's King Abdullah and Chad, Sudan"]).mentions).toEqual([['Jordan=jordan', 'Chad=chad', 'Sudan=sudan']]);
    expect(resolve(['In Jordan on Monday']).mentions).toEqual([['Jordan=jordan']]);
  });

  it('keeps them when the capitalized neighbour is another known name', () => {
    expect(resolve(['the Chad Sudan border']).mentions).toEqual([['Chad=chad', 'Sudan=sudan']]);
  });

  it('stands down in Title Case headlines', () => {
    expect(resolve(['Talks Between Jordan And Chad Resume']).mentions).toEqual([['Jordan=jordan', 'Chad=chad']]);
  });

  it('reads neighbours in the surrounding block (a link inside a sentence)', () => {
    expect(resolve([{ text: 'Jordan', blockText: 'A tribute to Michael Jordan, the player.' }]).mentions).toEqual([[]]);
    expect(resolve([{ text: 'Jordan', blockText: 'Protests in Jordan grew.' }]).mentions).toEqual([['Jordan=jordan']]);
  });
});

describe('us-place rule', () => {
  it('drops Georgia and Washington in US-state context', () => {
    for (const text of [
      'Fulton County, Georgia', 'the Georgia Senate race', 'Washington state lawmakers', 'Seattle, Washington',
      'the governor of Georgia signed it', 'Republicans won the primary in Georgia',
    ]) {
      const page = resolve([text]);
      expect(page.mentions, text).toEqual([[]]);
      expect(page.decisions[0]?.rule, text).toBe('us-place');
    }
  });

  it('does not count the alias as a cue for itself', () => {
    expect(resolve(['He was born in Brooklyn, New York, in 1857.']).mentions).toEqual([['New York=new-york-city']]);
    expect(resolve(['upstate in New York state', 'extinct in the State of New York']).mentions).toEqual([[], []]);
  });

  it('looks at the whole block, not only the text', () => {
    expect(resolve([{ text: 'Georgia', blockText: 'Voters in Atlanta and across Georgia lined up.' }]).mentions).toEqual([[]]);
  });

  it('keeps the country and the capital when their own context is stronger', () => {
    expect(resolve(['Georgia and Armenia']).mentions).toEqual([['Georgia=georgia', 'Armenia=armenia']]);
    expect(resolve(['Tbilisi, Georgia’s capital']).mentions).toEqual([['Georgia=georgia']]);
    expect(resolve(['Georgia’s governor-free parliament in Tbilisi defied the Kremlin and Russia']).mentions).toEqual([['Georgia=georgia', 'Russia=russia']]);
    expect(resolve(['Republicans in Washington said the White House would act']).mentions).toEqual([['Washington=washington-dc']]);
  });
});

describe('common-word rule', () => {
  it('drops the common noun', () => {
    for (const text of ['Trump card', 'He played his Trump cards', 'a Turkey dinner', 'the roast Turkey', 'fine China plates']) {
      const page = resolve([text]);
      expect(page.mentions, text).toEqual([[]]);
      expect(page.decisions[0]?.rule, text).toBe('common-word');
    }
    // Lower case never even reaches the resolver: the case rule stops it.
    expect(resolve(['trump cards and roast turkey']).decisions).toEqual([]);
  });

  it('keeps the names', () => {
    expect(resolve(['Trump’s card game', 'Turkey and China'], {}).mentions).toEqual([['Trump=donald-trump'], ['Turkey=turkey', 'China=china']]);
  });
});

describe('context rule and surname guard', () => {
  it('drops "Kim" when no Kim is named in full on the page', () => {
    const page = resolve(['Kim said the talks failed.']);
    expect(page.mentions).toEqual([[]]);
    expect(ruleFor(page, 'Kim')).toBe('context');
  });

  it('takes "Kim" as Kim Jong Un once he is named anywhere on the page or in the title', () => {
    expect(resolve(['Kim Jong Un arrived.', 'Later Kim said.']).mentions).toEqual([['Kim Jong Un=kim-jong-un'], ['Kim=kim-jong-un']]);
    expect(resolve(['Kim said.', 'Kim Jong Un arrived.']).mentions).toEqual([['Kim=kim-jong-un'], ['Kim Jong Un=kim-jong-un']]);
    expect(resolve(['Kim said.'], { title: 'KIM JONG UN TESTS MISSILE' }).mentions).toEqual([['Kim=kim-jong-un']]);
    expect(resolve(['Chairman Kim said.', 'Mr Kim left.'], { title: 'Kim Jong-un' }).mentions).toEqual([['Kim=kim-jong-un'], ['Kim=kim-jong-un']]);
  });

  it('never takes "Kim" when it is part of another person’s name', () => {
    const page = resolve(['Kim Jong Un arrived.', 'Kim Kardashian posted.', 'Senator Andy Kim voted.']);
    expect(page.mentions).toEqual([['Kim Jong Un=kim-jong-un'], [], []]);
    expect(page.decisions.filter((d) => d.text === 'Kim').map((d) => d.rule)).toEqual(['surname-guard', 'surname-guard']);
  });

  it('reads a prominent headline as Title Case, a body sentence not', () => {
    const body = 'Kim Jong Un spoke on Monday.';
    expect(resolve([{ text: 'Kim Visits Moscow', prominent: true }, body]).mentions[0]).toEqual(['Kim=kim-jong-un']);
    const plain = resolve(['Kim Visits Moscow', body]);
    expect(plain.mentions[0]).toEqual([]);
    expect(ruleFor(plain, 'Kim')).toBe('surname-guard');
  });

  it('marks Kim Yo Jong by her full name', () => {
    expect(resolve(['Kim Yo Jong issued a statement.']).mentions).toEqual([['Kim Yo Jong=kim-yo-jong']]);
  });
});

describe('coreference and ambiguity', () => {
  it('gives a shared surname to the person named in full most recently', () => {
    const page = resolve(['Kim Jong Un spoke.', 'Kim Yo Jong replied.', 'Kim then left.', 'Kim Jong Un returned.', 'Kim smiled.']);
    expect(page.mentions).toEqual([
      ['Kim Jong Un=kim-jong-un'], ['Kim Yo Jong=kim-yo-jong'], ['Kim=kim-yo-jong'], ['Kim Jong Un=kim-jong-un'], ['Kim=kim-jong-un'],
    ]);
    expect(page.decisions.filter((d) => d.text === 'Kim').map((d) => d.rule)).toEqual(['coreference', 'coreference']);
  });

  it('falls back to the one named most often, and drops a tie', () => {
    const often = resolve(['Kim waved.', 'Kim Yo Jong spoke.', 'Kim Jong Un spoke.', 'Kim Jong Un left.']);
    expect(often.mentions[0]).toEqual(['Kim=kim-jong-un']);
    expect(ruleFor(often, 'Kim')).toBe('ambiguity');
    const tie = resolve(['Kim waved.', 'Kim Yo Jong spoke.', 'Kim Jong Un spoke.']);
    expect(tie.mentions[0]).toEqual([]);
    expect(ruleFor(tie, 'Kim')).toBe('ambiguity');
  });

  it('keeps the sense that needs no context until the other entity is named', () => {
    const entity = (id: string, name: string, aliases: AliasSpec[]): Entity => ({
      id, type: id === 'jordan' ? 'country' : 'person', name, aliases: [{ text: name }, ...aliases], wikipedia: name,
      summary: '', facts: [], timeline: [], related: [], sources: [], asOf: '2025-01-01', packs: ['world'],
    });
    const kb = Matcher.fromIndex(buildMatchIndex([
      entity('jordan', 'Jordan', []),
      entity('michael-jordan', 'Michael Jordan', [{ text: 'Jordan', needsContext: ['michael-jordan'] }]),
    ]));
    expect(resolve(['Jordan hosted talks.'], {}, kb).mentions).toEqual([['Jordan=jordan']]);
    const named = resolve(['Michael Jordan retired.', 'Jordan was 40.'], {}, kb);
    expect(named.mentions).toEqual([['Michael Jordan=michael-jordan'], ['Jordan=michael-jordan']]);
    expect(ruleFor(named, 'Jordan')).toBe('coreference');
  });

  it('makes "Trump" and "President Trump" Donald Trump, marking only "Trump"', () => {
    expect(resolve(['Donald Trump spoke.', 'President Trump’s plan']).mentions).toEqual([['Donald Trump=donald-trump'], ['Trump=donald-trump']]);
  });
});

describe('resolveMentions on whole pages', () => {
  it('resolves pages in other languages and scripts', () => {
    expect(resolve([
      'La Corée du Nord a tiré un missile, selon les États-Unis.',
      'Nordkorea feuerte eine Rakete ab.',
      'A Coreia do Norte lançou um míssil, disseram os Estados Unidos.',
      '북한은 미국과 대화를 거부했다.',
      '朝鲜和美国',
      'أطلقت كوريا الشمالية صاروخا',
      'צפון קוריאה וישראל',
    ]).mentions).toEqual([
      ['Corée du Nord=north-korea', 'États-Unis=united-states'],
      ['Nordkorea=north-korea'],
      ['Coreia do Norte=north-korea', 'Estados Unidos=united-states'],
      ['북한=north-korea', '미국=united-states'],
      ['朝鲜=north-korea', '美国=united-states'],
      ['كوريا الشمالية=north-korea'],
      ['צפון קוריאה=north-korea'],
    ]);
  });

  it('handles empty input and never marks the title', () => {
    expect(resolveMentions([], m)).toEqual([]);
    expect(resolve(['', 'nothing here'], { title: 'Iran' }).mentions).toEqual([[], []]);
  });

  it('reports one decision per candidate span, title included', () => {
    const page = resolve(['Kim Jong Un met Trump in Jordan.'], { title: 'Iran' });
    expect(page.decisions.map((d) => [d.unit, d.text, d.entityId, d.rule])).toEqual([
      [-1, 'Iran', 'iran', null],
      [0, 'Kim Jong Un', 'kim-jong-un', null],
      [0, 'Trump', 'donald-trump', null],
      [0, 'Jordan', 'jordan', null],
    ]);
  });

  it('returns mentions with offsets and types', () => {
    const text = 'Kim Jong Un met Trump in Washington.';
    const [mentions] = resolveMentions([{ text, candidates: m.scan(text) }], m);
    expect(mentions).toEqual([
      { start: 0, end: 11, entityId: 'kim-jong-un', type: 'person' },
      { start: 16, end: 21, entityId: 'donald-trump', type: 'person' },
      { start: 25, end: 35, entityId: 'washington-dc', type: 'place' },
    ]);
  });
});
