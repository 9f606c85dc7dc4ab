/**
 * Export and import of settings as a JSON file. Import is all or nothing: a file with any
 * problem is refused with a clear message and changes nothing.
 */
import { migrate } from './migrations';
import { repairSettings } from './repair';
import type { Settings } from './defaults';

const KIND = 'backstory-settings';
/** Settings files are small; anything larger is not one of ours. */
const MAX_BYTES = 256 * 1024;

export function exportSettings(settings: Settings, now = new Date()): string {
  return JSON.stringify({ kind: KIND, exported: now.toISOString(), settings }, null, 2) + '\n';
}

export type ImportResult = { ok: true; settings: Settings } | { ok: false; error: string };

export function importSettings(text: string): ImportResult {
  if (text.length > MAX_BYTES) return { ok: false, error: 'This file is too large to be a Backstory settings file.' };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, error: 'This file is not valid JSON.' };
  }
  if (typeof data !== 'object' || data === null || (data as { kind?: unknown }).kind !== KIND) {
    return { ok: false, error: 'This is not a Backstory settings file.' };
  }
  const { value } = migrate((data as { settings?: unknown }).settings);
  const { settings, warnings } = repairSettings(value);
  if (warnings.length > 0) {
    return { ok: false, error: `Nothing was changed. The file has problems: ${warnings.map((w) => w.replace(/^settings: /, '')).join('; ')}.` };
  }
  return { ok: true, settings };
}
