/** Sites beyond the news list: each asks for its own host permission when added. */
import { useState } from 'preact/hooks';
import type { JSX } from 'preact';
import browser from 'webextension-polyfill';
import type { Settings } from '../settings/defaults';
import { normalizeHost, sitePatterns } from '../sites/site-rules';
import { t } from '../shared/i18n';

interface Props {
  settings: Settings;
  update(patch: Partial<Settings>): Promise<void>;
}

export function AddedSites({ settings, update }: Props): JSX.Element {
  const [draft, setDraft] = useState('');
  const [error, setError] = useState('');

  const add = async (e: Event): Promise<void> => {
    e.preventDefault();
    const host = normalizeHost(draft);
    if (host === '' || !host.includes('.') && host !== 'localhost') {
      setError(t('optionsBadSite'));
      return;
    }
    // The request must run in this click's user gesture, before anything else is awaited.
    const granted = await browser.permissions.request({ origins: sitePatterns(host) });
    if (!granted) {
      setError(t('optionsDenied', host));
      return;
    }
    setError('');
    setDraft('');
    if (!settings.addedSites.includes(host)) await update({ addedSites: [...settings.addedSites, host] });
  };

  const remove = async (host: string): Promise<void> => {
    await update({ addedSites: settings.addedSites.filter((s) => s !== host) });
    // Give the permission back; the browser keeps any other site's grant.
    await browser.permissions.remove({ origins: sitePatterns(host) }).catch(() => false);
  };

  const toggleAll = async (on: boolean): Promise<void> => {
    if (on && !(await browser.permissions.request({ origins: ['*://*/*'] }))) return;
    await update({ allSites: on });
    if (!on) await browser.permissions.remove({ origins: ['*://*/*'] }).catch(() => false);
  };

  return (
    <>
      <form class="add-site" onSubmit={(e) => void add(e)}>
        <label for="new-site">{t('optionsAddSite')}</label>
        <input id="new-site" name="new-site" type="text" inputMode="url" placeholder="example.org" value={draft} onInput={(e) => setDraft(e.currentTarget.value)} />
        <button type="submit">{t('optionsAdd')}</button>
      </form>
      {error && <p class="error" role="alert">{error}</p>}
      {settings.addedSites.length > 0 && (
        <ul class="added">
          {settings.addedSites.map((host) => (
            <li key={host}>
              <span>{host}</span>{' '}
              <button type="button" onClick={() => void remove(host)} aria-label={t('optionsRemoveSite', host)}>{t('optionsRemove')}</button>
            </li>
          ))}
        </ul>
      )}
      <label class="row">
        <input type="checkbox" name="allSites" checked={settings.allSites} onChange={(e) => void toggleAll(e.currentTarget.checked)} />
        {t('optionsAllSites')}
      </label>
    </>
  );
}
