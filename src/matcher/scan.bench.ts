/**
 * `npx vitest bench src/matcher`: the scan against a plain loop over the same 1 MB, the
 * floor any scan pays. The index is built from world-countries (~250 countries with
 * their names in ~25 languages, ~10,000 aliases), a harder alphabet than the real KB.
 */
import { bench, describe } from 'vitest';
import countries from 'world-countries';
import type { Entity } from '../kb/schema';
import { buildMatchIndex } from './build-index';
import { Matcher } from './matcher';

const entities: Entity[] = countries.map((c) => {
  const names = new Set<string>([c.name.official, ...c.altSpellings]);
  for (const t of Object.values(c.translations)) names.add(t.common).add(t.official);
  names.delete(c.name.common);
  return {
    id: c.cca3.toLowerCase(), type: 'country', name: c.name.common, aliases: [c.name.common, ...names].map((text) => ({ text })),
    wikipedia: c.name.common, summary: '', facts: [], timeline: [], related: [], sources: [], asOf: '2025-01-01', packs: ['world'],
  };
});
const index = buildMatchIndex(entities);
const matcher = Matcher.fromIndex(index);

const prose = `The talks resumed on Tuesday after weeks of pressure from regional partners, officials said.
A senior diplomat told reporters that the delegation would push for a ceasefire and the release of prisoners.
Markets fell sharply as investors weighed the risk of new sanctions on energy exports.`.split('\n');
let text = '';
for (let i = 0; text.length < 1_000_000; i++) text += `${prose[i % prose.length]} Officials in ${countries[(i * 37) % countries.length]!.name.common} agreed. `;
text = text.slice(0, 1_000_000);

describe(`1 MB of news-like English, index ${Math.round(index.bytes.length / 1024)} KB + ${Math.round(index.text.length / 512)} KB of text`, () => {
  bench('plain charCodeAt loop (floor)', () => {
    let h = 0;
    for (let i = 0; i < text.length; i++) h = (h + text.charCodeAt(i)) | 0;
    if (h === 42) throw new Error('unreachable');
  });
  bench('Matcher.scan', () => {
    matcher.scan(text);
  });
  bench('Matcher.fromIndex', () => {
    Matcher.fromIndex(index);
  });
});
