/**
 * The contract between the build-time index compiler, the run-time matcher and the
 * DOM annotator (src/content). Pure types: no DOM, no extension APIs.
 */
import type { EntityType } from '../kb/schema';

/** A candidate found by the automaton in one text, after boundary and case rules. */
export interface Candidate {
  /** UTF-16 offsets into the scanned text; the mention wraps exactly text.slice(start, end). */
  start: number;
  end: number;
  /** Entities this text may stand for (more than one when the alias is ambiguous). */
  entityIds: readonly string[];
  /** Index into the alias table, for the resolver's per-alias flags. */
  alias: number;
}

/** A resolved mention: one entity for one span of one text. */
export interface Mention {
  start: number;
  end: number;
  entityId: string;
  type: EntityType;
}

/** One text to resolve, in document order, with where it sits. */
export interface TextUnit {
  text: string;
  candidates: Candidate[];
  /** Text of the surrounding block (paragraph, heading), for context rules. May equal text. */
  blockText?: string;
  /** True for the page title, headline and lead, which say what the page is about. */
  prominent?: boolean;
}

/** One entity an alias may stand for, with that entity's flags for this text (see AliasSpec). */
export interface AliasSense {
  entityId: string;
  type: EntityType;
  personName: boolean;
  usPlace: boolean;
  commonWord: boolean;
  /** Entity ids one of which the page must name unambiguously; null when the alias needs no context. */
  needsContext: readonly string[] | null;
  ambiguousWith: readonly string[];
  /** True when the sense comes only from another entity's `ambiguousWith`. */
  implied: boolean;
  lang?: string;
}

/** One entry of the matcher's alias table (Candidate.alias indexes it). */
export interface AliasInfo {
  /** The alias as indexed: typography normalized, separators collapsed. */
  text: string;
  insensitive: boolean;
  /** Contains a space or hyphen between name parts. */
  multiWord: boolean;
  senses: readonly AliasSense[];
}
