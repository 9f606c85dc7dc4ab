import { describe, expect, it } from 'vitest';
import { defaults } from './defaults';
import { exportSettings, importSettings } from './transfer';

describe('settings export and import', () => {
  it('round-trips the reader’s settings', () => {
    const s = { ...defaults(), density: 'all' as const, addedSites: ['example.org'], mutedEntities: ['kim-jong-un'] };
    expect(importSettings(exportSettings(s))).toEqual({ ok: true, settings: s });
  });
  it('refuses files that are not ours, with a clear message', () => {
    expect(importSettings('not json')).toEqual({ ok: false, error: 'This file is not valid JSON.' });
    expect(importSettings('{"density":"all"}')).toEqual({ ok: false, error: 'This is not a Backstory settings file.' });
    expect(importSettings('x'.repeat(300_000))).toMatchObject({ ok: false });
  });
  it('refuses a file with any bad field instead of importing part of it', () => {
    const bad = JSON.stringify({ kind: 'backstory-settings', settings: { density: 'lots', addedSites: ['ok.example'] } });
    const r = importSettings(bad);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/Nothing was changed.*density/);
  });
  it('keeps planted markup as inert text in muted ids and sites', () => {
    const planted = JSON.stringify({ kind: 'backstory-settings', settings: { addedSites: ['<img src=x onerror=alert(1)>'] } });
    expect(importSettings(planted).ok).toBe(false);
  });
});
