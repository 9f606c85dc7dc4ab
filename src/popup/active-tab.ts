/**
 * The tab the popup describes. Opened from the toolbar, that is the active tab. Browser tests
 * open the popup as a tab of its own, where "active" would be the popup itself, so they name
 * the target tab with ?tab=ID; nothing else sets that parameter.
 */
import browser from 'webextension-polyfill';

export interface TargetTab {
  id: number;
  url: string;
}

export async function targetTab(search: string = location.search): Promise<TargetTab | null> {
  const param = new URLSearchParams(search).get('tab');
  if (param !== null && /^\d+$/.test(param)) {
    const tab = await browser.tabs.get(Number(param));
    return tab.id === undefined ? null : { id: tab.id, url: tab.url ?? '' };
  }
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id === undefined ? null : { id: tab.id, url: tab.url ?? '' };
}
