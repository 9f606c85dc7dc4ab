/**
 * Ordered migrations of stored settings. Each takes the raw stored object of version N-1
 * and returns version N. They run on install and update (background/lifecycle.ts),
 * never on the read path.
 */
import { SETTINGS_VERSION } from './defaults';

type Raw = Record<string, unknown>;
export interface Migration {
  to: number;
  describe: string;
  run: (raw: Raw) => Raw;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    to: 1,
    describe: 'version 0 (unversioned) kept a single "disabled" flag; it becomes "enabled"',
    run: ({ disabled, ...rest }) => (typeof disabled === 'boolean' ? { ...rest, enabled: !disabled } : rest),
  },
];

/** Runs every migration newer than the stored version, in order. */
export function migrate(stored: unknown): { value: Raw; from: number; to: number } {
  const raw: Raw = typeof stored === 'object' && stored !== null && !Array.isArray(stored) ? { ...(stored as Raw) } : {};
  const from = typeof raw.version === 'number' && Number.isInteger(raw.version) ? raw.version : 0;
  let value = raw;
  for (const m of MIGRATIONS) if (m.to > from) value = { ...m.run(value), version: m.to };
  if (from > SETTINGS_VERSION) return { value: raw, from, to: from };
  return { value: { ...value, version: SETTINGS_VERSION }, from, to: SETTINGS_VERSION };
}
