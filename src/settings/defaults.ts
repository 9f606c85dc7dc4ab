/**
 * The one source of default settings. The Settings type is derived from it, storage keeps
 * only what differs from it, and repair falls back to it field by field.
 */
import { ENTITY_TYPES, PACKS, type EntityType, type Pack } from '../kb/schema';

export const DENSITIES = ['all', 'first-per-block', 'first-on-page'] as const;
export const MARK_STYLES = ['underline', 'background', 'hover-only'] as const;
export const THEMES = ['auto', 'light', 'dark'] as const;
export const MOTION = ['auto', 'reduce', 'full'] as const;

export type Density = (typeof DENSITIES)[number];
export type MarkStyle = (typeof MARK_STYLES)[number];
export type Theme = (typeof THEMES)[number];
export type Motion = (typeof MOTION)[number];

export const SETTINGS_VERSION = 1;
export const HOVER_DELAY_RANGE = { min: 150, max: 2000 } as const;

export const DEFAULTS = {
  version: SETTINGS_VERSION,
  /** Off switch for every site at once. */
  enabled: true,
  /** Opt-in: run on every site the browser lets us, not only the news list. */
  allSites: false,
  /** Hostnames from the default news list that the reader turned off. */
  disabledSites: [] as string[],
  /** Hostnames the reader added (each one granted its own host permission). */
  addedSites: [] as string[],
  density: 'first-per-block' as Density,
  markStyle: 'underline' as MarkStyle,
  /** Milliseconds of hover before the card shows. */
  hoverDelay: 500,
  types: ENTITY_TYPES as readonly EntityType[] as EntityType[],
  packs: PACKS as readonly Pack[] as Pack[],
  mutedEntities: [] as string[],
  theme: 'auto' as Theme,
  motion: 'auto' as Motion,
};

export type Settings = typeof DEFAULTS;
export type SettingsKey = keyof Settings;

export function defaults(): Settings {
  return structuredClone(DEFAULTS);
}
