/**
 * Validates one knowledge-base source entity. Every problem is reported with the JSON path
 * of the field, so the build can name the file, the entity and the field.
 */
import { isIsoDate } from './dates';
import {
  ENTITY_TYPES,
  PACKS,
  RELATIONS,
  SUMMARY_MAX,
  type AliasSpec,
  type EntitySource,
} from './schema';

export interface Problem {
  field: string;
  message: string;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const FACT_KINDS = ['text', 'date', 'number', 'entity', 'money', 'percent'];
const ALIAS_KEYS = new Set(['text', 'case', 'lang', 'needsContext', 'ambiguousWith', 'personName', 'usPlace', 'commonWord', 'drop']);
const ENTITY_KEYS = new Set([
  'id', 'type', 'name', 'aliases', 'wikipedia', 'role', 'summary', 'facts', 'timeline', 'related', 'sources',
  'asOf', 'packs', 'start', 'end', 'place', 'outcome', 'capital', 'region', 'headOfState', 'headOfGovernment',
]);

class Checker {
  readonly problems: Problem[] = [];
  fail(field: string, message: string): void {
    this.problems.push({ field, message });
  }
  string(o: Obj, key: string, path: string, required: boolean, max?: number): void {
    const v = o[key];
    if (v === undefined) {
      if (required) this.fail(path + key, 'is required');
    } else if (typeof v !== 'string' || v.trim() === '') this.fail(path + key, 'must be a non-empty string');
    else if (v !== v.trim()) this.fail(path + key, 'has leading or trailing spaces');
    else if (max !== undefined && v.length > max) this.fail(path + key, `is ${v.length} characters; the limit is ${max}`);
  }
  date(o: Obj, key: string, path: string, required: boolean): void {
    const v = o[key];
    if (v === undefined) {
      if (required) this.fail(path + key, 'is required');
    } else if (typeof v !== 'string' || !isIsoDate(v)) this.fail(path + key, `"${String(v)}" is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)`);
  }
  array(o: Obj, key: string, path: string, required: boolean): unknown[] {
    const v = o[key];
    if (v === undefined) {
      if (required) this.fail(path + key, 'is required');
      return [];
    }
    if (!Array.isArray(v)) {
      this.fail(path + key, 'must be an array');
      return [];
    }
    return v;
  }
  ids(o: Obj, key: string, path: string): void {
    for (const [i, id] of this.array(o, key, path, false).entries()) {
      if (typeof id !== 'string' || !ID.test(id)) this.fail(`${path}${key}[${i}]`, 'must be an entity id');
    }
  }
}

function checkAlias(c: Checker, a: unknown, path: string, allowDrop: boolean): void {
  if (typeof a === 'string') {
    if (a.trim() === '' || a !== a.trim()) c.fail(path, 'must be non-empty text without outer spaces');
    return;
  }
  if (!isObj(a)) return c.fail(path, 'must be a string or an alias object');
  for (const k of Object.keys(a)) {
    if (!ALIAS_KEYS.has(k) || (k === 'drop' && !allowDrop)) c.fail(`${path}.${k}`, 'is not a known alias field');
  }
  c.string(a, 'text', path + '.', true);
  if (a.case !== undefined && a.case !== 'exact' && a.case !== 'insensitive') c.fail(path + '.case', 'must be "exact" or "insensitive"');
  if (a.lang !== undefined && (typeof a.lang !== 'string' || !/^[a-z]{2,3}$/.test(a.lang))) c.fail(path + '.lang', 'must be an ISO 639 code');
  c.ids(a, 'needsContext', path + '.');
  c.ids(a, 'ambiguousWith', path + '.');
  for (const flag of ['personName', 'usPlace', 'commonWord', 'drop']) {
    if (a[flag] !== undefined && typeof a[flag] !== 'boolean') c.fail(`${path}.${flag}`, 'must be true or false');
  }
}

function checkOfficeHolder(c: Checker, v: unknown, path: string): void {
  if (v === undefined) return;
  if (!isObj(v)) return c.fail(path, 'must be an object');
  c.string(v, 'name', path + '.', true);
  c.string(v, 'title', path + '.', true);
  c.date(v, 'asOf', path + '.', true);
  if (v.ref !== undefined && (typeof v.ref !== 'string' || !ID.test(v.ref))) c.fail(path + '.ref', 'must be an entity id');
}

/** Checks the shape of one source entity (cross-entity checks live in compile.ts). */
export function validateEntity(value: unknown, opts: { overlay?: boolean } = {}): Problem[] {
  const c = new Checker();
  if (!isObj(value)) return [{ field: '', message: 'must be an object' }];
  const o = value;
  for (const k of Object.keys(o)) if (!ENTITY_KEYS.has(k)) c.fail(k, 'is not a known field');
  if (typeof o.id !== 'string' || !ID.test(o.id)) c.fail('id', 'must be a kebab-case id');
  if (!ENTITY_TYPES.includes(o.type as never)) c.fail('type', `must be one of ${ENTITY_TYPES.join(', ')}`);
  c.string(o, 'name', '', true);
  c.string(o, 'wikipedia', '', true);
  c.string(o, 'summary', '', true, SUMMARY_MAX);
  c.string(o, 'role', '', o.type === 'person', 160);
  c.date(o, 'asOf', '', true);
  for (const [i, a] of c.array(o, 'aliases', '', true).entries()) checkAlias(c, a, `aliases[${i}]`, opts.overlay === true);

  const packs = c.array(o, 'packs', '', true);
  if (packs.length === 0) c.fail('packs', 'must name at least one pack');
  for (const [i, p] of packs.entries()) if (!PACKS.includes(p as never)) c.fail(`packs[${i}]`, `"${String(p)}" is not a pack`);

  const sources = c.array(o, 'sources', '', true);
  if (sources.length === 0) c.fail('sources', 'must list at least one source');
  for (const [i, s] of sources.entries()) {
    const path = `sources[${i}]`;
    if (!isObj(s)) { c.fail(path, 'must be {title, url}'); continue; }
    c.string(s, 'title', path + '.', true);
    if (typeof s.url !== 'string' || !/^https:\/\/[^\s]+$/.test(s.url)) c.fail(path + '.url', 'must be an https URL');
  }
  if (typeof o.wikipedia === 'string' && !sources.some((s) => isObj(s) && typeof s.url === 'string' && s.url.includes('wikipedia.org/wiki/'))) {
    c.fail('sources', 'must include the English Wikipedia article');
  }

  for (const [i, f] of c.array(o, 'facts', '', false).entries()) {
    const path = `facts[${i}]`;
    if (!isObj(f)) { c.fail(path, 'must be {label, value}'); continue; }
    c.string(f, 'label', path + '.', true);
    c.string(f, 'value', path + '.', true);
    if (f.kind !== undefined && !FACT_KINDS.includes(f.kind as string)) c.fail(path + '.kind', `must be one of ${FACT_KINDS.join(', ')}`);
    if (f.kind === 'date' && typeof f.value === 'string' && !isIsoDate(f.value)) c.fail(path + '.value', `"${f.value}" is not an ISO date`);
    if (f.ref !== undefined && (typeof f.ref !== 'string' || !ID.test(f.ref))) c.fail(path + '.ref', 'must be an entity id');
    c.date(f, 'asOf', path + '.', false);
  }
  for (const [i, t] of c.array(o, 'timeline', '', false).entries()) {
    const path = `timeline[${i}]`;
    if (!isObj(t)) { c.fail(path, 'must be {date, text}'); continue; }
    c.date(t, 'date', path + '.', true);
    c.string(t, 'text', path + '.', true, 200);
    if (t.ref !== undefined && (typeof t.ref !== 'string' || !ID.test(t.ref))) c.fail(path + '.ref', 'must be an entity id');
  }
  for (const [i, r] of c.array(o, 'related', '', false).entries()) {
    const path = `related[${i}]`;
    if (!isObj(r)) { c.fail(path, 'must be {id, relation}'); continue; }
    if (typeof r.id !== 'string' || !ID.test(r.id)) c.fail(path + '.id', 'must be an entity id');
    if (!RELATIONS.includes(r.relation as never)) c.fail(path + '.relation', `"${String(r.relation)}" is not a known relation`);
  }
  c.date(o, 'start', '', o.type === 'event');
  c.date(o, 'end', '', false);
  c.string(o, 'place', '', false);
  c.string(o, 'outcome', '', false, 240);
  checkOfficeHolder(c, o.headOfState, 'headOfState');
  checkOfficeHolder(c, o.headOfGovernment, 'headOfGovernment');
  return c.problems;
}

export function toAliasSpec(a: string | AliasSpec): AliasSpec {
  return typeof a === 'string' ? { text: a } : a;
}

export type { EntitySource };
