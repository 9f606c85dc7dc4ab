import { describe, expect, it } from 'vitest';
import { DEFAULTS, SETTINGS_VERSION, defaults } from './defaults';
import { migrate } from './migrations';
import { diffFromDefaults, repairSettings } from './repair';

describe('repairSettings', () => {
  it('returns the defaults for nothing stored', () => {
    expect(repairSettings(undefined)).toEqual({ settings: DEFAULTS, warnings: [] });
  });

  it('repairs a corrupt field without touching the site lists or muted entities', () => {
    const { settings, warnings } = repairSettings({
      density: 'everything!!',
      hoverDelay: 'slow',
      disabledSites: ['cnn.com', 42, 'bbc.co.uk'],
      addedSites: ['example.org'],
      mutedEntities: ['kim-jong-un', '<script>'],
      theme: 'dark',
    });
    expect(settings.density).toBe(DEFAULTS.density);
    expect(settings.hoverDelay).toBe(DEFAULTS.hoverDelay);
    expect(settings.disabledSites).toEqual(['cnn.com', 'bbc.co.uk']);
    expect(settings.addedSites).toEqual(['example.org']);
    expect(settings.mutedEntities).toEqual(['kim-jong-un']);
    expect(settings.theme).toBe('dark');
    expect(warnings.join('\n')).toMatch(/density/);
    expect(warnings.join('\n')).toMatch(/hoverDelay/);
    expect(warnings.join('\n')).toMatch(/disabledSites: dropped 1/);
  });

  it('keeps the site list when another field has the wrong type entirely', () => {
    const { settings } = repairSettings({ addedSites: ['a.example', 'b.example'], types: 'person', packs: null });
    expect(settings.addedSites).toEqual(['a.example', 'b.example']);
    expect(settings.types).toEqual(DEFAULTS.types);
    expect(settings.packs).toEqual(DEFAULTS.packs);
  });

  it('clamps the hover delay into its range', () => {
    expect(repairSettings({ hoverDelay: 5 }).settings.hoverDelay).toBe(150);
    expect(repairSettings({ hoverDelay: 1e9 }).settings.hoverDelay).toBe(2000);
  });

  it('falls back to the defaults for a non-object and says so', () => {
    const r = repairSettings('garbage');
    expect(r.settings).toEqual(DEFAULTS);
    expect(r.warnings).toHaveLength(1);
  });
});

describe('diffFromDefaults', () => {
  it('stores only what the reader changed', () => {
    const s = { ...defaults(), density: 'all' as const, addedSites: ['example.org'] };
    expect(diffFromDefaults(s)).toEqual({ version: SETTINGS_VERSION, density: 'all', addedSites: ['example.org'] });
    expect(diffFromDefaults(defaults())).toEqual({ version: SETTINGS_VERSION });
  });
});

describe('migrate', () => {
  it('turns the unversioned "disabled" flag into "enabled"', () => {
    expect(migrate({ disabled: true, addedSites: ['x.example'] })).toEqual({
      value: { enabled: false, addedSites: ['x.example'], version: 1 },
      from: 0,
      to: 1,
    });
  });
  it('leaves current settings alone and tolerates garbage', () => {
    expect(migrate({ version: 1, density: 'all' }).value).toEqual({ version: 1, density: 'all' });
    expect(migrate(null).value).toEqual({ version: SETTINGS_VERSION });
  });
  it('does not downgrade settings written by a newer version', () => {
    expect(migrate({ version: 99, x: 1 })).toEqual({ value: { version: 99, x: 1 }, from: 99, to: 99 });
  });
});
