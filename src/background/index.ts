/**
 * The background worker: serves cards and search from the bundled knowledge base and
 * answers only our own extension's contexts.
 */
import browser, { type Runtime } from 'webextension-polyfill';
import entities from 'virtual:backstory/cards';
import { createCardStore } from '../kb/card-store';
import { createDispatcher } from '../shared/handle';
import { loadSettings, onSettingsChanged, saveSettings } from '../shared/settings-store';
import { builtInSites } from '../sites/default-sites';
import { siteStatus } from '../sites/site-rules';
import type { WorkerProtocol } from '../shared/messages';
import type { Handlers } from '../shared/handle';
import { runMigrations } from './lifecycle';
import { syncRegistrations } from './registrations';
import { normalizeHost } from '../sites/site-rules';
import { isIdList, isId, isShortString } from './validate';

const store = createCardStore(entities);

const handlers: Handlers<WorkerProtocol> = {
  'card/get': {
    validate: (p) => (isId((p as { id?: unknown })?.id) ? (p as { id: string }) : 'id must be an entity id'),
    run: ({ id }) => store.card(id),
  },
  'entities/brief': {
    validate: (p) => (isIdList((p as { ids?: unknown })?.ids, 2000) ? (p as { ids: string[] }) : 'ids must be a list of entity ids'),
    run: ({ ids }) => store.briefs(ids),
  },
  'kb/excluded': {
    validate: (p) => {
      const packs = (p as { packs?: unknown })?.packs;
      return Array.isArray(packs) && packs.length <= 50 && packs.every((x) => isShortString(x, 40)) ? (p as { packs: string[] }) : 'packs must be a list of pack names';
    },
    run: ({ packs }) => store.excluded(packs),
  },
  'kb/timeline': {
    validate: (p) => {
      const q = p as { ids?: unknown; limit?: unknown };
      if (!isIdList(q?.ids, 2000)) return 'ids must be a list of entity ids';
      if (q.limit !== undefined && (typeof q.limit !== 'number' || !Number.isInteger(q.limit) || q.limit < 1 || q.limit > 50)) return 'limit must be 1–50';
      return p as { ids: string[]; limit?: number };
    },
    run: ({ ids, limit }) => store.timeline(ids, limit),
  },
  'kb/search': {
    validate: (p) => {
      const q = p as { query?: unknown; limit?: unknown };
      if (!isShortString(q?.query, 200)) return 'query must be a string of at most 200 characters';
      if (q.limit !== undefined && (typeof q.limit !== 'number' || !Number.isInteger(q.limit) || q.limit < 1 || q.limit > 100)) return 'limit must be 1–100';
      return p as { query: string; limit?: number };
    },
    run: ({ query, limit }) => store.search(query, limit),
  },
  'site/status': {
    validate: (p) => (isShortString((p as { url?: unknown })?.url, 4096) ? (p as { url: string }) : 'url must be a string'),
    run: async ({ url }) => siteStatus(url, await loadSettings(), builtInSites()),
  },
  'ui/open-options': {
    validate: () => ({}),
    run: async () => {
      await browser.runtime.openOptionsPage();
    },
  },
  'ui/open-full': {
    validate: (p) => (isId((p as { id?: unknown })?.id) ? (p as { id: string }) : 'id must be an entity id'),
    run: async ({ id }, sender) => {
      const tab = sender.tab?.id;
      const query = new URLSearchParams({ id, ...(tab !== undefined ? { tab: String(tab) } : {}) });
      await browser.tabs.create({ url: browser.runtime.getURL(`src/full/index.html?${query.toString()}`), ...(tab !== undefined ? { openerTabId: tab } : {}) });
    },
  },
};

// Only our own pages and content scripts may ask; web pages cannot reach us (no externally_connectable).
const dispatch = createDispatcher(handlers, (sender) => sender.id === browser.runtime.id);
browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => dispatch(message, sender));

async function resync(): Promise<void> {
  try {
    await syncRegistrations(await loadSettings());
  } catch (err) {
    console.warn('Backstory: could not register content scripts for added sites', err);
  }
}

browser.runtime.onInstalled.addListener(() => {
  void runMigrations().then(resync);
});
// Registrations do not persist across browser sessions: restore them on every start.
browser.runtime.onStartup.addListener(() => void resync());
onSettingsChanged(() => void resync());
browser.permissions.onAdded.addListener(() => void resync());
browser.permissions.onRemoved.addListener((removed) => void dropRevokedSites(removed.origins ?? []).then(resync));

/** A permission revoked in the browser's own UI takes the site off the reader's list. */
async function dropRevokedSites(origins: string[]): Promise<void> {
  if (origins.length === 0) return;
  const hosts = new Set(origins.map((o) => normalizeHost(o.replace(/^\*:\/\/(\*\.)?/, '').replace(/\/\*$/, ''))));
  const settings = await loadSettings();
  const kept = settings.addedSites.filter((s) => !hosts.has(normalizeHost(s)));
  const allSites = settings.allSites && !origins.includes('*://*/*');
  if (kept.length !== settings.addedSites.length || allSites !== settings.allSites) {
    await saveSettings({ ...settings, addedSites: kept, allSites });
  }
}
