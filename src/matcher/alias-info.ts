/** The alias table entry of one record, as the resolver reads it (see AliasInfo). */
import { ENTITY_TYPES } from '../kb/schema';
import { entityIdAt, type DecodedIndex } from './index-decode';
import { RecFlag, SenseFlag } from './index-format';
import type { AliasInfo, AliasSense } from './types';

export function decodeAliasInfo(d: DecodedIndex, r: number, text: string, langs: readonly string[]): AliasInfo {
  const { s, recSenseStart, senseRefStart } = d;
  const refs = (from: number, to: number): string[] => Array.from({ length: to - from }, (_, i) => entityIdAt(d, s.refList.at(from + i)));
  const senses: AliasSense[] = [];
  for (let k = recSenseStart.at(r), end = recSenseStart.at(r + 1); k < end; k++) {
    const f = s.senseFlags.at(k);
    const entity = s.senseEntity.at(k);
    const refStart = senseRefStart.at(k);
    const ambStart = refStart + s.senseCtxCount.at(k);
    const lang = langs[s.senseLang.at(k)];
    senses.push({
      entityId: entityIdAt(d, entity),
      type: ENTITY_TYPES[s.entityTypes.at(entity)] ?? 'concept',
      personName: (f & SenseFlag.personName) !== 0,
      usPlace: (f & SenseFlag.usPlace) !== 0,
      commonWord: (f & SenseFlag.commonWord) !== 0,
      // Present but empty when every id it named was missing from the KB: never satisfied.
      needsContext: (f & SenseFlag.needsContext) !== 0 ? refs(refStart, ambStart) : null,
      ambiguousWith: refs(ambStart, senseRefStart.at(k + 1)),
      implied: (f & SenseFlag.implied) !== 0,
      ...(lang ? { lang } : {}),
    });
  }
  const flags = s.recFlags.at(r);
  return {
    text,
    insensitive: (flags & RecFlag.insensitive) !== 0,
    multiWord: (flags & RecFlag.multiWord) !== 0,
    senses,
  };
}
