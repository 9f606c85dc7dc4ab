/**
 * Sites the reader added get the content script through scripting.registerContentScripts,
 * following the webext-dynamic-content-scripts pattern: one registration mirrors the granted
 * origins, and it is rebuilt whenever settings or permissions change and on every start.
 */
import browser from 'webextension-polyfill';
import type { Settings } from '../settings/defaults';
import { sitePatterns } from '../sites/site-rules';

export const REGISTRATION_ID = 'backstory-added-sites';
const ALL_SITES = ['*://*/*'];

/** The files of the static content script, as the build wrote them into the manifest. */
function contentScriptFiles(): { js: string[]; css: string[] } {
  const cs = browser.runtime.getManifest().content_scripts?.[0];
  return { js: cs?.js ?? [], css: cs?.css ?? [] };
}

/** Origins we should run on beyond the manifest, limited to what the reader granted. */
export async function wantedPatterns(settings: Settings): Promise<string[]> {
  const granted = new Set((await browser.permissions.getAll()).origins ?? []);
  if (settings.allSites && ALL_SITES.every((p) => granted.has(p))) return ALL_SITES;
  return settings.addedSites.flatMap(sitePatterns).filter((p) => granted.has(p) || granted.has('*://*/*'));
}

export async function syncRegistrations(settings: Settings): Promise<string[]> {
  const matches = settings.enabled ? await wantedPatterns(settings) : [];
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [REGISTRATION_ID] });
  if (existing.length > 0) await browser.scripting.unregisterContentScripts({ ids: [REGISTRATION_ID] });
  if (matches.length === 0) return [];
  const { js, css } = contentScriptFiles();
  await browser.scripting.registerContentScripts([
    {
      id: REGISTRATION_ID,
      matches,
      js,
      ...(css.length > 0 ? { css } : {}),
      runAt: 'document_idle',
      allFrames: true,
      persistAcrossSessions: false,
    },
  ]);
  return matches;
}
