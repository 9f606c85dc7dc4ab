/** The mention matcher: build the index at build time, scan and resolve at run time. */
export { buildMatchIndex } from './build-index';
export type { MatchIndex } from './index-format';
export { Matcher } from './matcher';
export { foldAliasText, normalizeAliasText } from './normalize';
export { Resolution, resolveMentions, type ResolveOptions } from './resolve';
export { RULES, type Decision, type RuleName } from './rules';
export type { AliasInfo, AliasSense, Candidate, Mention, TextUnit } from './types';
