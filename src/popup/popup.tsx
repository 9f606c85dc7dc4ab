/** The toolbar popup: the site switch and the entities found on the page. */
import { useEffect, useMemo, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { JSX } from 'preact';
import type { EntityType } from '../kb/schema';
import type { Settings } from '../settings/defaults';
import type { Card, EntityBrief, PageEntity } from '../shared/messages';
import { sendToTab, sendToWorkerPatiently } from '../shared/send';
import { loadSettings, saveSettings } from '../shared/settings-store';
import { applyTheme } from '../shared/theme';
import { builtInSites } from '../sites/default-sites';
import { isWebUrl, sitePatterns, siteStatus, type SiteStatus } from '../sites/site-rules';
import { CardView, typeGroupLabel } from '../ui/card';
import { targetTab, type TargetTab } from './active-tab';
import { PageReader, retryDelay, settled, type PageState } from './page-state';
import { Search } from './search';
import { PageTimeline } from './timeline';
import { t } from '../shared/i18n';

const TYPE_ORDER: EntityType[] = ['person', 'country', 'organization', 'event', 'place', 'concept'];

export function Popup(): JSX.Element {
  const [tab, setTab] = useState<TargetTab | null>(null);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [page, setPage] = useState<PageState>({ kind: 'loading' });
  const [card, setCard] = useState<Card[]>([]);
  const [searching, setSearching] = useState(false);
  const reader = useMemo(() => new PageReader(setPage, setTab), []);

  useEffect(() => {
    void (async () => {
      const settingsLoaded = loadSettings();
      const t = await targetTab();
      setTab(t);
      // Ask the page while the settings load: the popup should be ready in one round trip.
      if (t && isWebUrl(t.url)) void reader.read(t);
      else setPage({ kind: 'unsupported' });
      const s = await settingsLoaded;
      applyTheme(s.theme);
      setSettings(s);
    })();
    return () => reader.cancel();
  }, []);

  // While the page is loading, being read or the worker is starting, read again until it settles.
  useEffect(() => {
    if (!tab || !settings || !siteStatus(tab.url, settings, builtInSites()).enabled) return;
    const delay = retryDelay(page);
    if (delay === null) return;
    const timer = setTimeout(() => void reader.read(tab), delay);
    return () => clearTimeout(timer);
  }, [page, tab, settings]);

  useEffect(() => {
    // Lets the UI benchmark measure how long the popup takes to show the page's entities.
    if (settled(page) && performance.getEntriesByName('backstory:popup-ready').length === 0) performance.mark('backstory:popup-ready');
  }, [page]);

  if (!settings) return <main class="popup" aria-busy="true"><p class="muted">{t('popupLoading')}</p></main>;
  const status: SiteStatus = tab ? siteStatus(tab.url, settings, builtInSites()) : { enabled: false, reason: 'unsupported', site: '' };

  const toggleSite = async (): Promise<void> => {
    if (!tab) return;
    const next = structuredClone(settings);
    if (status.reason === 'not-listed') {
      // No pass can have run there before; and nothing may be awaited before the permission request.
      reader.expectFirstPass();
      // Turning on a site that is not on the list asks for its permission right now, in this click.
      if (!(await enableSite(tab, status.site))) return;
      next.addedSites = [...next.addedSites, status.site];
    } else if (status.enabled) next.disabledSites = [...next.disabledSites, status.site];
    else {
      await reader.restarting(tab);
      next.disabledSites = next.disabledSites.filter((s) => s !== status.site);
    }
    await saveSettings(next);
    setSettings(next);
    // The page follows the new settings by itself; the popup reads it until it has.
    void reader.read(tab);
  };

  const openCard = async (id: string, push = false): Promise<void> => {
    const c = await sendToWorkerPatiently('card/get', { id }).catch(() => null);
    if (c) setCard((stack) => (push ? [...stack, c] : [c]));
  };

  const current = card.at(-1);
  if (current) {
    return (
      <main class="popup">
        <CardView
          card={current}
          compact={false}
          onNavigate={(id) => void openCard(id, true)}
          onBack={() => setCard((stack) => stack.slice(0, -1))}
        />
      </main>
    );
  }

  return (
    <main class="popup">
      <header class="bar">
        <h1>Backstory</h1>
        <SiteSwitch status={status} onToggle={toggleSite} />
      </header>
      <Search onOpen={(id) => void openCard(id)} onQuery={setSearching} />
      {!searching && <PageBody page={page} status={status} tab={tab} onOpen={(id) => void openCard(id)} />}
      <footer class="foot">
        <a href="../options/index.html" target="_blank">{t('menuSettings')}</a>
      </footer>
    </main>
  );
}

/** Grants the site, then runs the content script in the open tab so marks appear without a reload. */
async function enableSite(tab: TargetTab, site: string): Promise<boolean> {
  const granted = await browser.permissions.request({ origins: sitePatterns(site) });
  if (!granted) return false;
  const files = browser.runtime.getManifest().content_scripts?.[0]?.js ?? [];
  await browser.scripting.executeScript({ target: { tabId: tab.id, allFrames: true }, files }).catch(() => undefined);
  return true;
}

function SiteSwitch({ status, onToggle }: { status: SiteStatus; onToggle: () => Promise<void> }): JSX.Element | null {
  if (status.reason === 'unsupported' || status.reason === 'extension-off') return null;
  return (
    <label class="switch">
      <input type="checkbox" role="switch" checked={status.enabled} onChange={() => void onToggle()} />
      <span>{status.enabled ? t('popupOnFor', status.site) : t('popupOffFor', status.site)}</span>
    </label>
  );
}

function PageBody(props: { page: PageState; status: SiteStatus; tab: TargetTab | null; onOpen: (id: string) => void }): JSX.Element {
  const { page, status, tab } = props;
  // What the settings and the address already say needs no answer from the page.
  if (page.kind === 'unsupported' || status.reason === 'unsupported') return <p class="state" role="status">{t('popupUnsupported')}</p>;
  if (status.reason === 'extension-off') return <p class="state" role="status">{t('popupExtensionOff')}</p>;
  if (status.reason === 'not-listed') return <p class="state" role="status">{t('popupNotListed', status.site)}</p>;
  if (!status.enabled) return <p class="state" role="status">{t('popupSiteOff', status.site)}</p>;
  if (page.kind === 'loading') return <p class="state" role="status">{t('popupReading')}</p>;
  if (page.kind === 'page-loading') return <p class="state" role="status">{t('popupPageLoading')}</p>;
  if (page.kind === 'waking') return <p class="state" role="status">{t('popupWorkerStarting')}</p>;
  if (page.kind === 'worker-down') return <p class="state" role="status">{t('popupWorkerWaking')}</p>;
  if (page.kind === 'no-script') return <p class="state" role="status">{t('popupNoScript')}</p>;
  if (page.entities.length === 0) return <p class="state" role="status">{page.reading ? t('popupStillReading') : t('popupNothing')}</p>;
  const groups = TYPE_ORDER.map((type) => ({
    type,
    items: page.entities
      .filter((e) => e.type === type)
      .sort((a, b) => Number(b.inHeadline) - Number(a.inHeadline) || a.firstIndex - b.firstIndex),
  })).filter((g) => g.items.length > 0);
  return (
    <div class="groups" aria-busy={page.reading}>
      {page.reading && <p class="progress" role="status">{t('popupStillReading')}</p>}
      {groups.map((g) => (
        <section key={g.type} aria-labelledby={`g-${g.type}`}>
          <h2 id={`g-${g.type}`}>{typeGroupLabel(g.type)}</h2>
          <ul class="entities">
            {g.items.map((e) => (
              <EntityRow key={e.id} entity={e} tabId={tab?.id} onOpen={props.onOpen} />
            ))}
          </ul>
        </section>
      ))}
      <PageTimeline ids={page.entities.map((e) => e.id)} onOpen={props.onOpen} />
    </div>
  );
}

function EntityRow(props: { entity: PageEntity & EntityBrief; tabId: number | undefined; onOpen: (id: string) => void }): JSX.Element {
  const { entity, tabId } = props;
  const [index, setIndex] = useState(0);
  const reveal = (i: number): void => {
    setIndex(i);
    if (tabId !== undefined) void sendToTab(tabId, 'page/reveal', { id: entity.id, index: i }).catch(() => undefined);
  };
  return (
    <li class="entity" data-entity={entity.id}>
      <button type="button" class="entity-name" onClick={() => props.onOpen(entity.id)} title={t('popupOpenCard')}>
        <span>{entity.name}</span>
        {entity.role && <span class="entity-role">{entity.role}</span>}
      </button>
      <span class="count" aria-label={t('popupMentions', entity.count)}>{entity.count}</span>
      <button type="button" class="nav" aria-label={t('popupPrevious', entity.name)} onClick={() => reveal(index - 1)}>‹</button>
      <button type="button" class="nav" aria-label={t('popupNext', entity.name)} onClick={() => reveal(index + 1)}>›</button>
    </li>
  );
}
