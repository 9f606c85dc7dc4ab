/**
 * Repairs stored settings field by field. A bad field falls back to its default with a
 * warning; it never takes the site lists or the muted entities down with it.
 */
import { ENTITY_TYPES, PACKS } from '../kb/schema';
import { DEFAULTS, DENSITIES, HOVER_DELAY_RANGE, MARK_STYLES, MOTION, THEMES, defaults, type Settings } from './defaults';

type Fixer = (value: unknown) => { ok: true; value: unknown } | { ok: false };
const ok = (value: unknown): { ok: true; value: unknown } => ({ ok: true, value });
const bad = { ok: false } as const;

const oneOf = (allowed: readonly string[]): Fixer => (v) => (typeof v === 'string' && allowed.includes(v) ? ok(v) : bad);
const bool: Fixer = (v) => (typeof v === 'boolean' ? ok(v) : bad);

/** A list keeps its valid items and drops the rest, so one bad entry costs only itself. */
const stringList = (valid: (s: string) => boolean): Fixer => (v) => {
  if (!Array.isArray(v)) return bad;
  const items = v.filter((s): s is string => typeof s === 'string' && valid(s));
  return ok([...new Set(items)]);
};
const HOST = /^(?:\*\.)?[a-z0-9\u00a1-\uffff-]+(?:\.[a-z0-9\u00a1-\uffff-]+)*(?::\d{1,5})?$/i;
const ENTITY_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const FIXERS: { [K in keyof Settings]: Fixer } = {
  version: (v) => (typeof v === 'number' && Number.isInteger(v) && v >= 0 ? ok(v) : bad),
  enabled: bool,
  allSites: bool,
  disabledSites: stringList((s) => HOST.test(s)),
  addedSites: stringList((s) => HOST.test(s)),
  density: oneOf(DENSITIES),
  markStyle: oneOf(MARK_STYLES),
  hoverDelay: (v) =>
    typeof v === 'number' && Number.isFinite(v)
      ? ok(Math.round(Math.min(HOVER_DELAY_RANGE.max, Math.max(HOVER_DELAY_RANGE.min, v))))
      : bad,
  types: stringList((s) => (ENTITY_TYPES as readonly string[]).includes(s)),
  packs: stringList((s) => (PACKS as readonly string[]).includes(s)),
  mutedEntities: stringList((s) => ENTITY_ID.test(s)),
  theme: oneOf(THEMES),
  motion: oneOf(MOTION),
};

export interface Repaired {
  settings: Settings;
  /** One line per field that was repaired, for console.warn. */
  warnings: string[];
}

/** Merges stored values over the defaults, repairing each field on its own. */
export function repairSettings(stored: unknown): Repaired {
  const settings = defaults();
  const warnings: string[] = [];
  if (stored === undefined || stored === null) return { settings, warnings };
  if (typeof stored !== 'object' || Array.isArray(stored)) {
    return { settings, warnings: [`settings: stored value is ${Array.isArray(stored) ? 'an array' : typeof stored}; using defaults`] };
  }
  const record = stored as Record<string, unknown>;
  for (const key of Object.keys(FIXERS) as (keyof Settings)[]) {
    if (!(key in record)) continue;
    const fixed = FIXERS[key](record[key]);
    if (fixed.ok) {
      (settings as Record<string, unknown>)[key] = fixed.value;
      const before = record[key];
      if (Array.isArray(before) && Array.isArray(fixed.value) && before.length !== fixed.value.length) {
        warnings.push(`settings: ${key}: dropped ${before.length - fixed.value.length} invalid item(s)`);
      }
    } else {
      warnings.push(`settings: ${key}: ${JSON.stringify(record[key])?.slice(0, 80)} is not valid; using the default`);
    }
  }
  for (const key of Object.keys(record)) {
    if (!(key in DEFAULTS)) warnings.push(`settings: ${key}: unknown field ignored`);
  }
  return { settings, warnings };
}

/** What storage keeps: only the values that differ from the defaults (and the version). */
export function diffFromDefaults(settings: Settings): Partial<Settings> {
  const out: Record<string, unknown> = { version: settings.version };
  for (const key of Object.keys(DEFAULTS) as (keyof Settings)[]) {
    if (JSON.stringify(settings[key]) !== JSON.stringify(DEFAULTS[key])) out[key] = settings[key];
  }
  return out as Partial<Settings>;
}
