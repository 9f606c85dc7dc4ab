/**
 * The one message protocol. Every request and its response type are declared here;
 * callers use the typed `send*` helpers and receivers an exhaustive handler table.
 */
import type { EntityType, Entity } from '../kb/schema';
import type { SiteStatus } from '../sites/site-rules';

/** A related entity as a card shows it: enough to render a link without another lookup. */
export interface RelatedLink {
  id: string;
  name: string;
  type: EntityType;
  relation: string;
}

/** What the worker sends for a card: the entity with its links resolved. */
export interface Card extends Omit<Entity, 'aliases' | 'related'> {
  related: RelatedLink[];
}

export interface SearchHit {
  id: string;
  name: string;
  type: EntityType;
  /** The alias that matched, when it was not the name. */
  matched?: string;
  role?: string;
}

export interface EntityBrief {
  id: string;
  name: string;
  type: EntityType;
  role?: string;
}

/** One event on the popup's combined timeline. */
export interface TimelineItem {
  id: string;
  name: string;
  start: string;
  end?: string;
  /** Entities of the page this event is linked to. */
  via: string[];
}

/** Requests the worker answers. */
export interface WorkerProtocol {
  'card/get': { request: { id: string }; response: Card | null };
  'entities/brief': { request: { ids: string[] }; response: EntityBrief[] };
  /** Entities none of whose packs is switched on: not to be marked. */
  'kb/excluded': { request: { packs: string[] }; response: string[] };
  'kb/timeline': { request: { ids: string[]; limit?: number }; response: TimelineItem[] };
  'kb/search': { request: { query: string; limit?: number }; response: SearchHit[] };
  'site/status': { request: { url: string }; response: SiteStatus };
  /** Content scripts cannot open extension pages themselves. */
  'ui/open-options': { request: Record<string, never>; response: void };
  'ui/open-full': { request: { id: string }; response: void };
}

export interface PageEntity {
  id: string;
  count: number;
  /** Lower is more prominent: headline and lead mentions come first. */
  firstIndex: number;
  inHeadline: boolean;
}

/** Requests a tab's content script answers. */
export interface ContentProtocol {
  /** `passes`: annotation passes finished so far; it only grows, across the site being switched off and on. */
  'page/entities': { request: Record<string, never>; response: { url: string; entities: PageEntity[]; annotating: boolean; passes: number } };
  'page/reveal': { request: { id: string; index: number }; response: { total: number } };
  /** The sentences around each mention of an entity, for the full-context page. */
  'page/snippets': { request: { id: string }; response: { snippets: string[] } };
}

export type RequestOf<P, K extends keyof P> = P[K] extends { request: infer R } ? R : never;
export type ResponseOf<P, K extends keyof P> = P[K] extends { response: infer R } ? R : never;

export interface Envelope<P, K extends keyof P = keyof P> {
  /** Marks our messages, so a stray message from anything else is refused. */
  backstory: 1;
  type: K;
  payload: RequestOf<P, K>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

/** Payloads above this size are refused before any handler sees them. */
export const MAX_PAYLOAD_CHARS = 64 * 1024;

export function envelope<P, K extends keyof P>(type: K, payload: RequestOf<P, K>): Envelope<P, K> {
  return { backstory: 1, type, payload };
}

/** An envelope before its type is known to be one of ours. */
export interface UntypedEnvelope {
  backstory: 1;
  type: string;
  payload: unknown;
}

export function isEnvelope(value: unknown): value is UntypedEnvelope {
  return typeof value === 'object' && value !== null && (value as { backstory?: unknown }).backstory === 1 &&
    typeof (value as { type?: unknown }).type === 'string';
}

/** Unwraps a Result, turning a worker-side error into a thrown Error on the caller's side. */
export function unwrap<T>(result: unknown): T {
  if (typeof result !== 'object' || result === null || !('ok' in result)) throw new Error('Backstory: no answer');
  const r = result as Result<T>;
  if (!r.ok) throw new Error(`Backstory: ${r.error}`);
  return r.value;
}
