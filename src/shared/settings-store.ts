/**
 * Settings in extension storage: storage.sync when it works, storage.local when sync is
 * unavailable or over quota. Reads repair field by field; writes keep only changes.
 */
import browser from 'webextension-polyfill';
import { defaults, type Settings } from '../settings/defaults';
import { diffFromDefaults, repairSettings } from '../settings/repair';

export const SETTINGS_KEY = 'settings';
/** Set in storage.local when sync failed once, so reads look there first. */
const AREA_KEY = 'settingsArea';

async function area(): Promise<'sync' | 'local'> {
  try {
    const got = await browser.storage.local.get(AREA_KEY);
    return got[AREA_KEY] === 'local' || !browser.storage.sync ? 'local' : 'sync';
  } catch {
    return 'local';
  }
}

export async function readRawSettings(): Promise<unknown> {
  const where = await area();
  try {
    return (await browser.storage[where].get(SETTINGS_KEY))[SETTINGS_KEY];
  } catch {
    return (await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY];
  }
}

export async function loadSettings(): Promise<Settings> {
  try {
    const { settings, warnings } = repairSettings(await readRawSettings());
    for (const w of warnings) console.warn(`Backstory ${w}`);
    return settings;
  } catch (err) {
    console.warn('Backstory settings: could not be read; using defaults', err);
    return defaults();
  }
}

export async function writeRawSettings(value: unknown): Promise<void> {
  if ((await area()) === 'sync') {
    try {
      await browser.storage.sync.set({ [SETTINGS_KEY]: value });
      return;
    } catch (err) {
      console.warn('Backstory settings: storage.sync failed, keeping them in storage.local', err);
      await browser.storage.local.set({ [AREA_KEY]: 'local' });
    }
  }
  await browser.storage.local.set({ [SETTINGS_KEY]: value });
}

export async function saveSettings(settings: Settings): Promise<void> {
  await writeRawSettings(diffFromDefaults(settings));
}

export async function updateSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = { ...(await loadSettings()), ...patch };
  await saveSettings(next);
  return next;
}

/** Calls back with fresh settings whenever any context changes them. */
export function onSettingsChanged(callback: (settings: Settings) => void): () => void {
  const listener = (changes: Record<string, unknown>): void => {
    if (SETTINGS_KEY in changes) void loadSettings().then(callback);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
