/** The options page: where Backstory runs and how it marks. Every change is saved at once. */
import { useEffect, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import { ENTITY_TYPES } from '../kb/schema';
import { DENSITIES, HOVER_DELAY_RANGE, MARK_STYLES, THEMES, type Settings } from '../settings/defaults';
import { loadSettings, onSettingsChanged, saveSettings } from '../shared/settings-store';
import { applyTheme } from '../shared/theme';
import { builtInSites } from '../sites/default-sites';
import { TYPE_LABELS } from '../ui/card';
import { AddedSites } from './site-list';
import { Backup } from './backup';

const DENSITY_LABELS: Record<string, string> = {
  all: 'Every mention',
  'first-per-block': 'First mention in each paragraph (others show on hover)',
  'first-on-page': 'First mention on the page (others show on hover)',
};
const STYLE_LABELS: Record<string, string> = {
  underline: 'Dotted underline',
  background: 'Subtle highlight',
  'hover-only': 'Nothing until hovered',
};

export function Options(): JSX.Element {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [saved, setSaved] = useState('');

  useEffect(() => {
    void loadSettings().then((s) => {
      applyTheme(s.theme);
      setSettings(s);
    });
    return onSettingsChanged((s) => {
      applyTheme(s.theme);
      setSettings(s);
    });
  }, []);

  if (!settings) return <main class="options" aria-busy="true" />;

  const update = async (patch: Partial<Settings>): Promise<void> => {
    const next = { ...settings, ...patch };
    setSettings(next);
    applyTheme(next.theme);
    await saveSettings(next);
    setSaved('Saved');
    setTimeout(() => setSaved(''), 1500);
  };

  return (
    <main class="options">
      <h1>Backstory settings</h1>
      <p class="status" role="status" aria-live="polite">{saved}</p>

      <section aria-labelledby="h-general">
        <h2 id="h-general">General</h2>
        <label class="row">
          <input type="checkbox" name="enabled" checked={settings.enabled} onChange={(e) => void update({ enabled: e.currentTarget.checked })} />
          Mark names on news pages
        </label>
      </section>

      <section aria-labelledby="h-marks">
        <h2 id="h-marks">Marks</h2>
        <fieldset>
          <legend>How many mentions to mark</legend>
          {DENSITIES.map((d) => (
            <label class="row" key={d}>
              <input type="radio" name="density" value={d} checked={settings.density === d} onChange={() => void update({ density: d })} />
              {DENSITY_LABELS[d]}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>Mark style</legend>
          {MARK_STYLES.map((m) => (
            <label class="row" key={m}>
              <input type="radio" name="markStyle" value={m} checked={settings.markStyle === m} onChange={() => void update({ markStyle: m })} />
              {STYLE_LABELS[m]}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>What to mark</legend>
          {ENTITY_TYPES.map((t) => (
            <label class="row" key={t}>
              <input
                type="checkbox"
                name={`type-${t}`}
                checked={settings.types.includes(t)}
                onChange={(e) =>
                  void update({ types: e.currentTarget.checked ? [...settings.types, t] : settings.types.filter((x) => x !== t) })
                }
              />
              {TYPE_LABELS[t]}
            </label>
          ))}
        </fieldset>
      </section>

      <section aria-labelledby="h-cards">
        <h2 id="h-cards">Cards</h2>
        <label class="row" for="hoverDelay">
          Show the card after hovering for
        </label>
        <input
          id="hoverDelay"
          name="hoverDelay"
          type="number"
          min={HOVER_DELAY_RANGE.min}
          max={HOVER_DELAY_RANGE.max}
          step={50}
          value={settings.hoverDelay}
          onChange={(e) => void update({ hoverDelay: Number(e.currentTarget.value) })}
        />{' '}
        ms
        <label class="row" for="theme">Theme</label>
        <select id="theme" name="theme" value={settings.theme} onChange={(e) => void update({ theme: e.currentTarget.value as Settings['theme'] })}>
          {THEMES.map((t) => (
            <option key={t} value={t}>
              {t === 'auto' ? 'Match the system' : t === 'light' ? 'Light' : 'Dark'}
            </option>
          ))}
        </select>
      </section>

      <section aria-labelledby="h-sites">
        <h2 id="h-sites">News sites</h2>
        <p class="muted">Backstory runs on these sites from install. Untick a site to turn it off there.</p>
        <ul class="sites">
          {builtInSites().map((site) => (
            <li key={site}>
              <label class="row">
                <input
                  type="checkbox"
                  name={`site-${site}`}
                  checked={!settings.disabledSites.includes(site)}
                  onChange={(e) =>
                    void update({
                      disabledSites: e.currentTarget.checked
                        ? settings.disabledSites.filter((s) => s !== site)
                        : [...settings.disabledSites, site],
                    })
                  }
                />
                {site}
              </label>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="h-other">
        <h2 id="h-other">Other sites</h2>
        <p class="muted">Backstory asks your browser for access to each site you add, and gives it back when you remove the site.</p>
        <AddedSites settings={settings} update={update} />
      </section>

      {settings.mutedEntities.length > 0 && (
        <section aria-labelledby="h-muted">
          <h2 id="h-muted">Names you chose not to mark</h2>
          <ul>
            {settings.mutedEntities.map((id) => (
              <li key={id}>
                {id}{' '}
                <button type="button" onClick={() => void update({ mutedEntities: settings.mutedEntities.filter((m) => m !== id) })}>
                  Mark again
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="h-backup">
        <h2 id="h-backup">Back up and reset</h2>
        <Backup settings={settings} />
      </section>
    </main>
  );
}
