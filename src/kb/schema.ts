/**
 * The knowledge base's source format (what contributors write under src/kb/data)
 * and its compiled form (what the worker serves and `kb:export` prints).
 * Source files are JSON so that they stay reviewable data, never code.
 */

export const ENTITY_TYPES = ['person', 'country', 'place', 'organization', 'event', 'concept'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export const PACKS = [
  'world',
  'korea',
  'russia-ukraine',
  'middle-east',
  'us-politics',
  'europe',
  'asia-pacific',
  'africa',
  'americas',
  'economy',
  'security',
] as const;
export type Pack = (typeof PACKS)[number];

/**
 * An alias is either a plain string (exact case; multi-word names also match in ALL CAPS)
 * or an object with flags that tell the matcher when the text is really this entity.
 */
export interface AliasSpec {
  text: string;
  /** 'exact' (default): "Turkey" never matches "turkey". 'insensitive': for lowercase concepts. */
  case?: 'exact' | 'insensitive';
  /** ISO 639-1 code when the alias is a translation ("fr" for "Corée du Nord"). */
  lang?: string;
  /** Match only when the page also names one of these entities unambiguously. */
  needsContext?: string[];
  /** Other entities that share this exact text; the matcher's rules decide between them. */
  ambiguousWith?: string[];
  /** The text is also a common given name or surname (Chad, Jordan, Georgia, Kim). */
  personName?: boolean;
  /** The text also names a US state or city (Georgia, Washington). */
  usPlace?: boolean;
  /** The text is also a common English word or verb (Turkey, China, trump). */
  commonWord?: boolean;
}
export type Alias = string | AliasSpec;

export type FactKind = 'text' | 'date' | 'number' | 'entity' | 'money' | 'percent';
export interface Fact {
  label: string;
  value: string;
  kind?: FactKind;
  /** For kind 'entity': the id the value refers to. */
  ref?: string;
  asOf?: string;
}

export interface TimelineEntry {
  /** ISO date: YYYY, YYYY-MM or YYYY-MM-DD. */
  date: string;
  text: string;
  /** An event entity this entry stands for, if there is one. */
  ref?: string;
}

export const RELATIONS = [
  'leader of',
  'led by',
  'member of',
  'has member',
  'participant in',
  'participant',
  'located in',
  'location of',
  'capital of',
  'has capital',
  'part of',
  'has part',
  'ally of',
  'adversary of',
  'successor of',
  'predecessor of',
  'related to',
  'sibling of',
  'party of',
  'founded',
  'headquarters in',
  'targets',
  'targeted by',
] as const;
export type Relation = (typeof RELATIONS)[number];

export interface Related {
  id: string;
  relation: Relation;
}

export interface Source {
  title: string;
  url: string;
}

/** A country's office-holder, checked as of a date. */
export interface OfficeHolder {
  /** The entity id of the person, when the knowledge base has them. */
  ref?: string;
  name: string;
  title: string;
  asOf: string;
}

export interface EntitySource {
  id: string;
  type: EntityType;
  name: string;
  aliases: Alias[];
  /** The exact English Wikipedia article title. */
  wikipedia: string;
  /** One line; required for people ("Supreme Leader of North Korea since 2011"). */
  role?: string;
  /** At most 320 characters, written fresh, neutral. */
  summary: string;
  facts?: Fact[];
  timeline?: TimelineEntry[];
  related?: Related[];
  sources: Source[];
  /** ISO date on which the facts were last checked. */
  asOf: string;
  packs: Pack[];
  /** Events only: ISO start and end dates, place and outcome. */
  start?: string;
  end?: string;
  place?: string;
  outcome?: string;
  /** Countries only. */
  capital?: string;
  region?: string;
  headOfState?: OfficeHolder;
  headOfGovernment?: OfficeHolder;
}

/** The compiled, normalized entity: what kb:export prints and the worker serves. */
export interface Entity extends Omit<EntitySource, 'aliases' | 'facts' | 'timeline' | 'related'> {
  aliases: AliasSpec[];
  facts: Fact[];
  timeline: TimelineEntry[];
  related: Related[];
}

export const SUMMARY_MAX = 320;
