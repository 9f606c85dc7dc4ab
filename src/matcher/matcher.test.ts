import { describe, expect, it } from 'vitest';
import { fixtureMatcher, spans } from './fixture-kb';

const m = fixtureMatcher();
const scan = (text: string) => spans(m, text);

describe('Matcher.scan: boundary rule', () => {
  it('keeps possessives outside the mention', () => {
    expect(scan("Trump's visit")).toEqual(['Trump=donald-trump']);
    expect(scan('Trump’s visit')).toEqual(['Trump=donald-trump']);
    const [c] = m.scan('Trump’s visit');
    expect(c).toMatchObject({ start: 0, end: 5 });
  });

  it('treats a hyphen after the alias as a boundary ("Iran-backed")', () => {
    expect(scan('Iran-backed militias')).toEqual(['Iran=iran']);
    expect(scan('anti-Iran protests')).toEqual(['Iran=iran']);
  });

  it('never matches inside a longer word', () => {
    expect(scan('Iranian Sudanese Chadian USAID USB Turkeys Trumpism')).toEqual([]);
    expect(scan('US1 2US')).toEqual([]);
  });

  it('does not let a combining mark or an astral letter touch the alias', () => {
    expect(scan('Iran\u0301')).toEqual([]);
    expect(scan('𝒜US and US𝒜')).toEqual([]);
  });

  it('treats emoji, symbols and lone surrogates as boundaries', () => {
    expect(scan('🇺🇸US🇰🇵 😀Iran😀')).toEqual(['US=united-states', 'Iran=iran']);
    expect(scan('\ud800US\udc00')).toEqual(['US=united-states']);
  });

  it('steps over soft hyphens inside a name but not into a longer word', () => {
    expect(scan('Nord\u00adkorea')).toEqual(['Nord\u00adkorea=north-korea']);
    expect(scan('Iran\u00adian')).toEqual([]);
  });

  it('needs no boundary in scripts written without spaces', () => {
    expect(scan('北朝鲜的导弹')).toEqual(['朝鲜=north-korea']);
    expect(scan('美国总统Trump表示')).toEqual(['美国=united-states', 'Trump=donald-trump']);
  });

  it('lets a Korean particle follow a name but not glue a syllable before it', () => {
    expect(scan('북한은 미국과')).toEqual(['북한=north-korea', '미국=united-states']);
    expect(scan('트럼프는')).toEqual(['트럼프=donald-trump']);
    expect(scan('남북한')).toEqual([]);
  });
});

describe('Matcher.scan: case rule', () => {
  it('matches exact aliases only as written', () => {
    expect(scan('US us Us uS')).toEqual(['US=united-states']);
    expect(scan('Turkey turkey TURKEY')).toEqual(['Turkey=turkey']);
    expect(scan('WHO who Who')).toEqual(['WHO=world-health-organization']);
    expect(scan('trumped a trump card')).toEqual([]);
  });

  it('accepts ALL CAPS only for multi-word aliases', () => {
    expect(scan('KIM JONG UN VISITS NORTH KOREA')).toEqual(['KIM JONG UN=kim-jong-un', 'NORTH KOREA=north-korea']);
    expect(scan('IRAN SUDAN')).toEqual([]);
    expect(scan('KIM Jong Un, kim jong un')).toEqual([]);
    // The full name fails the case rule, so only the shorter alias inside it is left.
    expect(scan('Kim Jong un')).toEqual(['Kim=kim-jong-un|kim-yo-jong']);
  });

  it('treats hyphen and space alike between name parts, with either case after a hyphen', () => {
    expect(scan('Kim Jong-un')).toEqual(['Kim Jong-un=kim-jong-un']);
    expect(scan('Kim Jong-Un')).toEqual(['Kim Jong-Un=kim-jong-un']);
    expect(scan('KIM JONG-UN')).toEqual(['KIM JONG-UN=kim-jong-un']);
    expect(scan('Guinea Bissau and Guinea-Bissau')).toEqual(['Guinea Bissau=guinea-bissau', 'Guinea-Bissau=guinea-bissau']);
  });

  it('matches case-insensitive aliases in any case', () => {
    expect(scan('Denuclearization, denuclearization, DENUCLEARIZATION')).toEqual([
      'Denuclearization=denuclearization',
      'denuclearization=denuclearization',
      'DENUCLEARIZATION=denuclearization',
    ]);
  });
});

describe('Matcher.scan: typography', () => {
  it('keeps the trailing dot of abbreviations, also when it ends the sentence', () => {
    expect(scan('The U.S. economy grew.')).toEqual(['U.S.=united-states']);
    expect(scan('Sanctions were imposed by the U.S.')).toEqual(['U.S.=united-states']);
    const text = 'They met in the U.S. Trump spoke.';
    expect(m.scan(text).map((c) => text.slice(c.start, c.end))).toEqual(['U.S.', 'Trump']);
    expect(scan('U.S.-led talks at the U.N.')).toEqual(['U.S.=united-states', 'U.N.=united-nations']);
    expect(scan('the U.S.A. and the U.S.A')).toEqual(['U.S.A.=united-states']);
  });

  it('folds curly apostrophes and dashes both ways', () => {
    expect(scan('Democratic People’s Republic of Korea')).toEqual(["Democratic People’s Republic of Korea=north-korea"]);
    expect(scan('the Trump-Kim summit')).toEqual(['Trump-Kim summit=singapore-summit-2018']);
    expect(scan('the Trump—Kim summit')).toEqual(['Trump—Kim summit=singapore-summit-2018']);
  });

  it('takes any space inside a name, runs of them included', () => {
    for (const text of ['Kim\u00a0Jong\u00a0Un', 'Kim\u202fJong\u2009Un', 'Kim  Jong \n Un', 'Kim Jong\t-Un']) {
      expect(m.scan(text).map((c) => [c.start, c.end, c.entityIds[0]])).toEqual([[0, text.length, 'kim-jong-un']]);
    }
  });
});

describe('Matcher.scan: longest match', () => {
  it('prefers the leftmost longest alias', () => {
    expect(scan('South Sudan and Sudan')).toEqual(['South Sudan=south-sudan', 'Sudan=sudan']);
    expect(scan('Papua New Guinea, Equatorial Guinea and Guinea')).toEqual([
      'Papua New Guinea=papua-new-guinea',
      'Equatorial Guinea=equatorial-guinea',
      'Guinea=guinea',
    ]);
    expect(scan('since the Russian invasion of Ukraine')).toEqual(['Russian invasion of Ukraine=russian-invasion-of-ukraine']);
    expect(scan('after the invasion of Ukraine, Ukraine')).toEqual(['invasion of Ukraine=russian-invasion-of-ukraine', 'Ukraine=ukraine']);
    expect(scan('Kim Yo Jong and Kim Jong Un')).toEqual(['Kim Yo Jong=kim-yo-jong', 'Kim Jong Un=kim-jong-un']);
  });

  it('reports an ambiguous alias with every entity it may stand for', () => {
    const [kim] = m.scan('Kim said');
    expect(kim?.entityIds).toEqual(['kim-jong-un', 'kim-yo-jong']);
    expect(m.aliasInfo(kim!.alias).text).toBe('Kim');
  });
});

describe('Matcher.scan: languages and odd input', () => {
  it('finds translated aliases', () => {
    expect(scan('La Corée du Nord et les États-Unis')).toEqual(['Corée du Nord=north-korea', 'États-Unis=united-states']);
    expect(scan('Nordkorea und Südkorea')).toEqual(['Nordkorea=north-korea', 'Südkorea=south-korea']);
    expect(scan('a Coreia do Norte e os Estados Unidos')).toEqual(['Coreia do Norte=north-korea', 'Estados Unidos=united-states']);
    expect(scan('Северная Корея и Россия')).toEqual(['Северная Корея=north-korea', 'Россия=russia']);
    expect(scan('北朝鮮のミサイル')).toEqual(['北朝鮮=north-korea']);
  });

  it('scans right-to-left text', () => {
    expect(scan('أطلقت كوريا الشمالية صاروخا، وقالت إسرائيل')).toEqual(['كوريا الشمالية=north-korea', 'إسرائيل=israel']);
    expect(scan('צפון קוריאה שיגרה טיל לעבר ישראל')).toEqual(['צפון קוריאה=north-korea', 'ישראל=israel']);
    expect(scan('‏ایران‎')).toEqual(['ایران=iran']);
  });

  it('never throws on empty, odd or huge text', () => {
    expect(m.scan('')).toEqual([]);
    expect(() => m.scan('\ud800\udc00\udfff\ud800'.repeat(1000))).not.toThrow();
    let all = '';
    for (let u = 0; u < 0x10000; u += 7) all += String.fromCharCode(u);
    expect(() => m.scan(all)).not.toThrow();
    const sentence = 'Kim Jong Un met Trump in the U.S. while Iran-backed groups watched. ';
    const big = sentence.repeat(Math.ceil(1_000_000 / sentence.length));
    const found = m.scan(big);
    expect(found.length).toBe(4 * Math.ceil(1_000_000 / sentence.length));
    for (const c of found.slice(0, 8)) expect(big.slice(c.start, c.end)).toMatch(/^(Kim Jong Un|Trump|U\.S\.|Iran)$/);
  });
});
