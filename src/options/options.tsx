/** The options page: where Backstory runs and how it marks. Every change is saved at once. */
import { useEffect, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import { ENTITY_TYPES, PACKS, type Pack } from '../kb/schema';
import { DENSITIES, HOVER_DELAY_RANGE, MARK_STYLES, MOTION, THEMES, type Settings } from '../settings/defaults';
import { loadSettings, onSettingsChanged, saveSettings } from '../shared/settings-store';
import { applyTheme } from '../shared/theme';
import { builtInSites } from '../sites/default-sites';
import { typeGroupLabel } from '../ui/card';
import { AddedSites } from './site-list';
import { Backup } from './backup';
import { t } from '../shared/i18n';

const DENSITY_LABELS = { all: 'densityAll', 'first-per-block': 'densityFirstPerBlock', 'first-on-page': 'densityFirstOnPage' } as const;
const STYLE_LABELS = { underline: 'styleUnderline', background: 'styleBackground', 'hover-only': 'styleHoverOnly' } as const;
const THEME_LABELS = { auto: 'themeAuto', light: 'themeLight', dark: 'themeDark' } as const;
const MOTION_LABELS = { auto: 'motionAuto', reduce: 'motionReduce', full: 'motionFull' } as const;
const PACK_LABELS = {
  world: 'packWorld',
  korea: 'packKorea',
  'russia-ukraine': 'packRussiaUkraine',
  'middle-east': 'packMiddleEast',
  'us-politics': 'packUsPolitics',
  europe: 'packEurope',
  'asia-pacific': 'packAsiaPacific',
  africa: 'packAfrica',
  americas: 'packAmericas',
  economy: 'packEconomy',
  security: 'packSecurity',
} as const satisfies Record<Pack, string>;

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
    setSaved(t('optionsSaved'));
    setTimeout(() => setSaved(''), 1500);
  };

  return (
    <main class="options">
      <h1>{t('optionsTitle')}</h1>
      <p class="status" role="status" aria-live="polite">{saved}</p>

      <section aria-labelledby="h-general">
        <h2 id="h-general">{t('optionsGeneral')}</h2>
        <label class="row">
          <input type="checkbox" name="enabled" checked={settings.enabled} onChange={(e) => void update({ enabled: e.currentTarget.checked })} />
          {t('optionsEnabled')}
        </label>
      </section>

      <section aria-labelledby="h-marks">
        <h2 id="h-marks">{t('optionsMarks')}</h2>
        <fieldset>
          <legend>{t('optionsDensity')}</legend>
          {DENSITIES.map((d) => (
            <label class="row" key={d}>
              <input type="radio" name="density" value={d} checked={settings.density === d} onChange={() => void update({ density: d })} />
              {t(DENSITY_LABELS[d])}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('optionsStyle')}</legend>
          {MARK_STYLES.map((m) => (
            <label class="row" key={m}>
              <input type="radio" name="markStyle" value={m} checked={settings.markStyle === m} onChange={() => void update({ markStyle: m })} />
              {t(STYLE_LABELS[m])}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('optionsTypes')}</legend>
          {ENTITY_TYPES.map((type) => (
            <label class="row" key={type}>
              <input
                type="checkbox"
                name={`type-${type}`}
                checked={settings.types.includes(type)}
                onChange={(e) =>
                  void update({ types: e.currentTarget.checked ? [...settings.types, type] : settings.types.filter((x) => x !== type) })
                }
              />
              {typeGroupLabel(type)}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('optionsPacks')}</legend>
          <p class="muted">{t('optionsPacksHelp')}</p>
          {PACKS.map((pack) => (
            <label class="row" key={pack}>
              <input
                type="checkbox"
                name={`pack-${pack}`}
                checked={settings.packs.includes(pack)}
                onChange={(e) =>
                  void update({ packs: e.currentTarget.checked ? [...settings.packs, pack] : settings.packs.filter((x) => x !== pack) })
                }
              />
              {t(PACK_LABELS[pack])}
            </label>
          ))}
        </fieldset>
      </section>

      <section aria-labelledby="h-cards">
        <h2 id="h-cards">{t('optionsCards')}</h2>
        <label class="row" for="hoverDelay">
          {t('optionsDelay')}
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
        <label class="row" for="theme">{t('optionsTheme')}</label>
        <select id="theme" name="theme" value={settings.theme} onChange={(e) => void update({ theme: e.currentTarget.value as Settings['theme'] })}>
          {THEMES.map((theme) => (
            <option key={theme} value={theme}>
              {t(THEME_LABELS[theme])}
            </option>
          ))}
        </select>
        <label class="row" for="motion">{t('optionsMotion')}</label>
        <select id="motion" name="motion" value={settings.motion} onChange={(e) => void update({ motion: e.currentTarget.value as Settings['motion'] })}>
          {MOTION.map((m) => (
            <option key={m} value={m}>
              {t(MOTION_LABELS[m])}
            </option>
          ))}
        </select>
      </section>

      <section aria-labelledby="h-sites">
        <h2 id="h-sites">{t('optionsSites')}</h2>
        <p class="muted">{t('optionsSitesHelp')}</p>
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
        <h2 id="h-other">{t('optionsOther')}</h2>
        <p class="muted">{t('optionsOtherHelp')}</p>
        <AddedSites settings={settings} update={update} />
      </section>

      {settings.mutedEntities.length > 0 && (
        <section aria-labelledby="h-muted">
          <h2 id="h-muted">{t('optionsMuted')}</h2>
          <ul>
            {settings.mutedEntities.map((id) => (
              <li key={id}>
                {id}{' '}
                <button type="button" onClick={() => void update({ mutedEntities: settings.mutedEntities.filter((m) => m !== id) })}>
                  {t('optionsUnmute')}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="h-backup">
        <h2 id="h-backup">{t('optionsBackup')}</h2>
        <Backup settings={settings} />
      </section>
    </main>
  );
}
