/** The toolbar popup: the site switch and the entities found on the page. */
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { JSX } from 'preact';
import type { EntityType } from '../kb/schema';
import type { Settings } from '../settings/defaults';
import type { Card, EntityBrief, PageEntity } from '../shared/messages';
import { sendToTab, sendToWorker } from '../shared/send';
import { loadSettings, saveSettings } from '../shared/settings-store';
import { applyTheme } from '../shared/theme';
import { builtInSites } from '../sites/default-sites';
import { isWebUrl, sitePatterns, siteStatus, type SiteStatus } from '../sites/site-rules';
import { CardView, typeLabel } from '../ui/card';
import { targetTab, type TargetTab } from './active-tab';
import { Search } from './search';
import { PageTimeline } from './timeline';
import { t } from '../shared/i18n';

type PageState =
  | { kind: 'loading' }
  | { kind: 'unsupported' }
  | { kind: 'no-script' }
  | { kind: 'ready'; entities: (PageEntity & EntityBrief)[]; annotating: boolean };

const TYPE_ORDER: EntityType[] = ['person', 'country', 'organization', 'event', 'place', 'concept'];

async function readPage(tab: TargetTab): Promise<PageState> {
  try {
    const page = await sendToTab(tab.id, 'page/entities', {});
    const briefs = await sendToWorker('entities/brief', { ids: page.entities.map((e) => e.id) });
    const byId = new Map(briefs.map((b) => [b.id, b]));
    const entities = page.entities.flatMap((e) => {
      const b = byId.get(e.id);
      return b ? [{ ...e, ...b }] : [];
    });
    return { kind: 'ready', entities, annotating: page.annotating };
  } catch {
    // No content script answered: the page predates the extension or cannot be scripted.
    return { kind: 'no-script' };
  }
}

export function Popup(): JSX.Element {
  const [tab, setTab] = useState<TargetTab | null>(null);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [page, setPage] = useState<PageState>({ kind: 'loading' });
  const [card, setCard] = useState<Card[]>([]);
  const [searching, setSearching] = useState(false);

  useEffect(() => {
    void (async () => {
      const settingsLoaded = loadSettings();
      const t = await targetTab();
      // Ask the page while the settings load: the popup should be ready in one round trip.
      const pageRead = t && isWebUrl(t.url) ? readPage(t) : null;
      const s = await settingsLoaded;
      applyTheme(s.theme);
      setTab(t);
      setSettings(s);
      setPage(pageRead ? await pageRead : { kind: 'unsupported' });
    })();
  }, []);

  useEffect(() => {
    // Lets the UI benchmark measure how long the popup takes to show the page's entities.
    if (page.kind !== 'loading') performance.mark('backstory:popup-ready');
  }, [page.kind]);

  if (!settings) return <main class="popup" aria-busy="true"><p class="muted">{t('popupLoading')}</p></main>;
  const status: SiteStatus = tab ? siteStatus(tab.url, settings, builtInSites()) : { enabled: false, reason: 'unsupported', site: '' };

  const toggleSite = async (): Promise<void> => {
    const next = structuredClone(settings);
    if (status.reason === 'not-listed') {
      // Turning on a site that is not on the list asks for its permission right now, in this click.
      if (!tab || !(await enableSite(tab, status.site))) return;
      next.addedSites = [...next.addedSites, status.site];
    } else if (status.enabled) next.disabledSites = [...next.disabledSites, status.site];
    else next.disabledSites = next.disabledSites.filter((s) => s !== status.site);
    await saveSettings(next);
    setSettings(next);
    if (tab) setTimeout(() => void readPage(tab).then(setPage), 400);
  };

  const openCard = async (id: string, push = false): Promise<void> => {
    const c = await sendToWorker('card/get', { id });
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
  if (page.kind === 'loading') return <p class="state" aria-live="polite">{t('popupReading')}</p>;
  if (page.kind === 'unsupported') return <p class="state">{t('popupUnsupported')}</p>;
  if (status.reason === 'extension-off') return <p class="state">{t('popupExtensionOff')}</p>;
  if (status.reason === 'not-listed') return <p class="state">{t('popupNotListed', status.site)}</p>;
  if (!status.enabled) return <p class="state">{t('popupSiteOff', status.site)}</p>;
  if (page.kind === 'no-script') return <p class="state">{t('popupNoScript')}</p>;
  if (page.entities.length === 0) {
    return <p class="state">{page.annotating ? t('popupStillReading') : t('popupNothing')}</p>;
  }
  const groups = TYPE_ORDER.map((type) => ({
    type,
    items: page.entities
      .filter((e) => e.type === type)
      .sort((a, b) => Number(b.inHeadline) - Number(a.inHeadline) || a.firstIndex - b.firstIndex),
  })).filter((g) => g.items.length > 0);
  return (
    <div class="groups">
      {groups.map((g) => (
        <section key={g.type} aria-labelledby={`g-${g.type}`}>
          <h2 id={`g-${g.type}`}>{typeLabel(g.type)}</h2>
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
