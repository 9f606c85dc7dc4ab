/**
 * What the popup knows about its tab's page, read from the content script and the worker.
 * Some states are on the way to an answer (the page is still loading, the first annotation pass
 * has not finished, the worker is starting): the popup reads again until the answer settles.
 */
import browser from 'webextension-polyfill';
import type { EntityBrief, PageEntity } from '../shared/messages';
import { isUnanswered, sendToTab, sendToWorkerPatiently } from '../shared/send';
import type { TargetTab } from './active-tab';

export type PageState =
  /** The first read is not back yet, or the content script is expected any moment. */
  | { kind: 'loading'; retry?: boolean }
  /** The tab is still loading and no content script answers yet. */
  | { kind: 'page-loading' }
  /** The worker has not answered yet: stopped, starting or restarting. */
  | { kind: 'waking' }
  /** The worker did not answer in the time the popup gives it (or failed to). */
  | { kind: 'worker-down' }
  | { kind: 'unsupported' }
  | { kind: 'no-script' }
  /** `reading`: an annotation pass is running, or the first one has not finished yet. */
  | { kind: 'ready'; entities: (PageEntity & EntityBrief)[]; reading: boolean };

/** How often to read again while the answer is on its way. */
const POLL_MS = 200;
/** A finished page whose content script does not answer this many times in a row predates it. */
const NO_SCRIPT_MISSES = 4;
/** A content script that answers but never starts a pass (it failed to start) is taken at its word after this. */
const NOT_STARTED_MS = 8000;

/** Reads the page again and again while its state is on the way to an answer. */
export class PageReader {
  private ticket = 0;
  private misses = 0;
  private notStartedSince: number | undefined;
  /** Passes recorded before the page was (re)started; a newer pass means the page has been read. */
  private passesBefore = 0;

  constructor(
    private readonly show: (next: PageState | ((current: PageState) => PageState)) => void,
    private readonly onTab: (tab: TargetTab) => void,
  ) {}

  /** The site is being switched back on: the page counts as read only after a pass newer than now. */
  async restarting(tab: TargetTab): Promise<void> {
    const page = await sendToTab(tab.id, 'page/entities', {}).catch(() => null);
    this.passesBefore = page?.passes ?? 0;
    this.notStartedSince = undefined;
  }

  /** The content script is about to run on the page for the first time. */
  expectFirstPass(): void {
    this.passesBefore = 0;
    this.notStartedSince = undefined;
    this.misses = 0;
  }

  /** Stops answers of reads in flight from painting (the popup is going away). */
  cancel(): void {
    this.ticket++;
  }

  async read(tab: TargetTab): Promise<void> {
    const ticket = ++this.ticket;
    const current = (): boolean => ticket === this.ticket;
    const next = await this.readOnce(tab, () => {
      // Keep a list already on screen; otherwise say the worker is starting rather than nothing.
      if (current()) this.show((p) => (p.kind === 'ready' && p.entities.length > 0 ? p : { kind: 'waking' }));
    });
    if (current()) this.show(next);
  }

  private async readOnce(tab: TargetTab, onWaiting: () => void): Promise<PageState> {
    // The tab's load status and address, asked alongside the page itself.
    const tabInfo = browser.tabs.get(tab.id).then((info) => {
      if (info.url && info.url !== tab.url) this.onTab({ id: tab.id, url: info.url });
      return info;
    }, () => null);
    let page: { entities: PageEntity[]; annotating: boolean; passes: number };
    try {
      page = await sendToTab(tab.id, 'page/entities', {});
      this.misses = 0;
    } catch (err) {
      if (!isUnanswered(err)) return { kind: 'no-script' };
      const info = await tabInfo;
      // Content scripts arrive when the document is idle: not while the page is still loading.
      if (info?.status === 'loading') return { kind: 'page-loading' };
      // They can still be a moment late after the load; after that, the page predates the extension.
      return ++this.misses < NO_SCRIPT_MISSES ? { kind: 'loading', retry: true } : { kind: 'no-script' };
    }
    let reading = page.annotating;
    if (!reading && page.entities.length === 0) reading = this.notStartedYet(page.passes);
    if (page.entities.length === 0) return { kind: 'ready', entities: [], reading };
    let briefs: EntityBrief[];
    try {
      briefs = await sendToWorkerPatiently('entities/brief', { ids: page.entities.map((e) => e.id) }, { onWaiting });
    } catch {
      return { kind: 'worker-down' };
    }
    const byId = new Map(briefs.map((b) => [b.id, b]));
    const entities = page.entities.flatMap((e) => {
      const b = byId.get(e.id);
      return b ? [{ ...e, ...b }] : [];
    });
    return { kind: 'ready', entities, reading };
  }

  /** An empty answer before the first pass has finished means "not yet", not "nothing here". */
  private notStartedYet(passes: number): boolean {
    if (passes > this.passesBefore) return false;
    this.notStartedSince ??= Date.now();
    return Date.now() - this.notStartedSince < NOT_STARTED_MS;
  }
}

/** When to read again, or null when the state is an answer. Only asked while the site is on. */
export function retryDelay(page: PageState): number | null {
  if (page.kind === 'page-loading') return POLL_MS;
  if (page.kind === 'loading' && page.retry) return POLL_MS;
  if (page.kind === 'ready' && page.reading) return POLL_MS;
  return null;
}

/** The page's entities are on screen (or the popup has said why there are none). */
export function settled(page: PageState): boolean {
  return page.kind !== 'loading' && page.kind !== 'page-loading' && page.kind !== 'waking' && !(page.kind === 'ready' && page.reading);
}
