/** Runs the settings migrations on install and update. */
import { migrate } from '../settings/migrations';
import { readRawSettings, writeRawSettings } from '../shared/settings-store';

export async function runMigrations(): Promise<void> {
  const stored = await readRawSettings();
  if (stored === undefined) return;
  const { value, from, to } = migrate(stored);
  if (from !== to) {
    await writeRawSettings(value);
    console.info(`Backstory settings migrated from version ${from} to ${to}`);
  }
}
