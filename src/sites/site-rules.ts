/**
 * Decides whether Backstory runs on a URL. Pure and total: any string in, an answer out.
 */
import type { Settings } from '../settings/defaults';

export type SiteReason = 'listed' | 'added' | 'all-sites' | 'turned-off' | 'extension-off' | 'not-listed' | 'unsupported';

export interface SiteStatus {
  enabled: boolean;
  reason: SiteReason;
  /** The hostname the rule applies to (the listed domain when one matched), '' when unsupported. */
  site: string;
}

type SiteSettings = Pick<Settings, 'enabled' | 'allSites' | 'disabledSites' | 'addedSites'>;

/** Lowercase ASCII (punycode) hostname of a site entry or URL host, without port or trailing dot. */
export function normalizeHost(input: string): string {
  const raw = input.trim().replace(/^\*\./, '');
  if (raw === '') return '';
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `http://${raw}`);
    return url.hostname.replace(/\.$/, '').replace(/^\[|\]$/g, '');
  } catch {
    return '';
  }
}

/** The entry of `list` that covers `host` (itself or a parent domain), if any. */
export function findSite(host: string, list: readonly string[]): string | undefined {
  for (const entry of list) {
    const site = normalizeHost(entry);
    if (site !== '' && (host === site || host.endsWith('.' + site))) return site;
  }
  return undefined;
}

/** Backstory runs only on http(s) pages with a host; browser pages, files and data URLs are out. */
export function isWebUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.hostname !== '';
  } catch {
    return false;
  }
}

export function siteStatus(url: string, settings: SiteSettings, listed: readonly string[]): SiteStatus {
  let host: string;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return { enabled: false, reason: 'unsupported', site: '' };
    host = parsed.hostname.replace(/\.$/, '').replace(/^\[|\]$/g, '');
  } catch {
    return { enabled: false, reason: 'unsupported', site: '' };
  }
  if (host === '') return { enabled: false, reason: 'unsupported', site: '' };
  const listedSite = findSite(host, listed);
  const addedSite = findSite(host, settings.addedSites);
  const site = listedSite ?? addedSite ?? host;
  if (!settings.enabled) return { enabled: false, reason: 'extension-off', site };
  if (findSite(host, settings.disabledSites) !== undefined) return { enabled: false, reason: 'turned-off', site };
  if (listedSite !== undefined) return { enabled: true, reason: 'listed', site };
  if (addedSite !== undefined) return { enabled: true, reason: 'added', site };
  if (settings.allSites) return { enabled: true, reason: 'all-sites', site };
  return { enabled: false, reason: 'not-listed', site };
}

export function isSiteEnabled(url: string, settings: SiteSettings, listed: readonly string[]): boolean {
  return siteStatus(url, settings, listed).enabled;
}

/** Match patterns that grant and register one site and its subdomains. */
export function sitePatterns(site: string): string[] {
  const host = normalizeHost(site);
  if (host === '') return [];
  // IP addresses have no subdomains, and localhost none worth a second pattern.
  if (/^[\d.]+$/.test(host) || host.includes(':') || host === 'localhost') return [`*://${host}/*`];
  return [`*://${host}/*`, `*://*.${host}/*`];
}
