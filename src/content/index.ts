/**
 * Content script entry: decides whether this page is ours, starts the annotator and the
 * card popover, follows settings changes live, and answers the popup.
 */
import browser, { type Runtime } from 'webextension-polyfill';
import matchIndex from 'virtual:backstory/match-index';
import { Matcher } from '../matcher';
import { PACKS } from '../kb/schema';
import type { Settings } from '../settings/defaults';
import { builtInSites } from '../sites/default-sites';
import { siteStatus } from '../sites/site-rules';
import { createDispatcher, type Handlers } from '../shared/handle';
import type { Card, ContentProtocol, PageEntity } from '../shared/messages';
import { sendToWorker } from '../shared/send';
import { loadSettings, onSettingsChanged, saveSettings } from '../shared/settings-store';
import { Annotator } from './annotator';
import { decodeBase64 } from './decode-base64';
import { CardHost } from './card-host';
import { HEADLINE_SELECTOR, MENTION_TAG } from './dom-filter';
import { HoverIntent } from './hover-intent';
import { MarkStyles } from './mark-styles';

const GUARD = Symbol.for('backstory.content');

/** Same-origin article frames are ours when the site is; cross-origin frames never are. */
function frameAllowed(): boolean {
  if (window.top === window) return true;
  try {
    return window.top?.location.origin === location.origin;
  } catch {
    return false;
  }
}

class Page {
  private annotator: Annotator | undefined;
  private controller: AbortController | undefined;
  private matcher: Matcher | undefined;
  private readonly styles = new MarkStyles(document);
  private readonly cards = new Map<string, Promise<Card | null>>();
  private readonly arrived = new Map<string, Card | null>();
  private readonly host: CardHost;
  private readonly intent: HoverIntent<HTMLElement>;
  private pinned = false;

  constructor() {
    this.host = new CardHost(document, (id) => this.card(id), {
      onPointerEnter: () => this.intent.enterCard(),
      onPointerLeave: () => {
        if (!this.pinned) this.intent.leaveCard();
      },
      onEscape: () => this.closeAndReturnFocus(),
      onClose: () => this.closeAndReturnFocus(),
      onPin: (pinned) => {
        this.pinned = pinned;
      },
      onMute: (id) => void this.mute(id),
      onSiteOff: () => void this.turnOffSite(),
      onSettings: () => void sendToWorker('ui/open-options', {}).catch(() => undefined),
      onFull: (id) => void sendToWorker('ui/open-full', { id }).catch(() => undefined),
    }, (id) => this.arrived.get(id));
    this.intent = new HoverIntent<HTMLElement>(
      {
        prefetch: (el) => void this.card(el.dataset.entity ?? '').catch(() => null),
        prepare: (el) => void this.prepare(el),
        abandon: () => this.host.discard(),
        show: (el) => void this.open(el),
        hide: () => this.close(),
      },
      {
        set: (fn, ms) => window.setTimeout(fn, ms),
        clear: (id) => window.clearTimeout(id),
        now: () => performance.now(),
        frame: (fn) => window.requestAnimationFrame(fn),
        clearFrame: (id) => window.cancelAnimationFrame(id),
      },
      500,
    );
  }

  async start(): Promise<void> {
    this.update(await loadSettings());
    onSettingsChanged((s) => this.update(s));
  }

  private updates = 0;
  private readonly excludedByPacks = new Map<string, Promise<string[]>>();

  /** Applies settings, with the entities of switched-off packs treated as muted. */
  private update(settings: Settings): void {
    const ticket = ++this.updates;
    const latest = (s: Settings): void => {
      if (ticket === this.updates) this.apply(s);
    };
    this.withPacks(settings).then(latest, () => latest(settings));
  }

  private async withPacks(settings: Settings): Promise<Settings> {
    if (PACKS.every((p) => settings.packs.includes(p))) return settings;
    const key = [...settings.packs].sort().join(',');
    let excluded = this.excludedByPacks.get(key);
    if (!excluded) {
      excluded = sendToWorker('kb/excluded', { packs: settings.packs });
      excluded.catch(() => this.excludedByPacks.delete(key));
      this.excludedByPacks.set(key, excluded);
    }
    return { ...settings, mutedEntities: [...settings.mutedEntities, ...(await excluded)] };
  }

  private apply(settings: Settings): void {
    this.intent.setDelay(settings.hoverDelay);
    this.host.theme = settings.theme === 'auto' ? (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light') : settings.theme;
    this.host.reducedMotion = settings.motion === 'auto' ? matchMedia('(prefers-reduced-motion: reduce)').matches : settings.motion === 'reduce';
    const on = siteStatus(location.href, settings, builtInSites()).enabled;
    if (!on) return this.stop();
    if (this.annotator?.setPrefs(settings)) {
      this.styles.apply(settings.markStyle);
      return;
    }
    // Not started yet, or a type or entity was turned back on: start from the restored page.
    this.stop();
    this.styles.apply(settings.markStyle);
    this.controller = new AbortController();
    this.matcher ??= Matcher.fromIndex({ bytes: decodeBase64(matchIndex.base64), text: matchIndex.text });
    this.annotator = new Annotator(document, this.matcher, settings, this.controller.signal, () => this.passes++);
    this.listen(this.controller.signal);
    // Observing first: text the page changes while the first pass runs (it yields, and waits
    // for frames) is taken up by a pass of its own.
    this.annotator.observe();
    void this.annotator.start();
  }

  stop(): void {
    this.controller?.abort();
    this.controller = undefined;
    this.annotator?.stop();
    this.annotator = undefined;
    this.intent.hideNow();
    this.host.destroy();
    this.styles.remove();
  }

  private card(id: string): Promise<Card | null> {
    let p = this.cards.get(id);
    if (!p) {
      p = sendToWorker('card/get', { id }).then((card) => {
        this.arrived.set(id, card);
        return card;
      }, (err: unknown) => {
        this.cards.delete(id);
        // The extension was updated or disabled: this script is orphaned, so leave the page as it was.
        if (!browser.runtime?.id) this.stop();
        throw err;
      });
      this.cards.set(id, p);
    }
    return p;
  }

  /** Renders the coming card hidden while the dwell lasts, so the delay's end only reveals it. */
  private async prepare(el: HTMLElement): Promise<void> {
    const id = el.dataset.entity ?? '';
    const card = this.arrived.get(id) ?? (await this.card(id).catch(() => null));
    if (card && this.intent.pending === el) this.host.prerender(el, card);
  }

  private async open(el: HTMLElement): Promise<void> {
    for (const m of document.querySelectorAll(`${MENTION_TAG}[aria-expanded]`)) {
      m.removeAttribute('aria-expanded');
      m.removeAttribute('aria-controls');
    }
    const shown = await this.host.show(el, el.dataset.entity ?? '').catch(() => false);
    if (!shown || this.intent.visible !== el) return;
    el.setAttribute('aria-expanded', 'true');
    el.setAttribute('aria-controls', 'backstory-card');
  }

  private async mute(id: string): Promise<void> {
    this.intent.hideNow();
    const s = await loadSettings();
    if (!s.mutedEntities.includes(id)) await saveSettings({ ...s, mutedEntities: [...s.mutedEntities, id] });
  }

  private async turnOffSite(): Promise<void> {
    this.intent.hideNow();
    const s = await loadSettings();
    const { site } = siteStatus(location.href, s, builtInSites());
    if (site && !s.disabledSites.includes(site)) await saveSettings({ ...s, disabledSites: [...s.disabledSites, site] });
  }

  private close(): void {
    this.pinned = false;
    this.host.pinned = false;
    this.host.hide();
    for (const m of document.querySelectorAll(`${MENTION_TAG}[aria-expanded]`)) {
      m.removeAttribute('aria-expanded');
      m.removeAttribute('aria-controls');
    }
  }

  private closeAndReturnFocus(): void {
    const el = this.intent.visible;
    this.intent.hideNow();
    el?.focus({ preventScroll: true });
  }

  private listen(signal: AbortSignal): void {
    const mentionOf = (t: EventTarget | null): HTMLElement | null =>
      t instanceof Element ? (t.closest(MENTION_TAG) as HTMLElement | null) : null;
    const opts = { signal, capture: true, passive: true } as const;
    document.addEventListener('pointerover', (e) => {
      if (e.pointerType === 'touch') return;
      const m = mentionOf(e.target);
      if (m) this.intent.enter(m, e.timeStamp);
    }, opts);
    document.addEventListener('pointerout', (e) => {
      if (e.pointerType === 'touch' || this.pinned) return;
      const m = mentionOf(e.target);
      if (m && !m.contains(e.relatedTarget as Node | null)) this.intent.leave(m);
    }, opts);
    document.addEventListener('focusin', (e) => {
      const m = mentionOf(e.target);
      if (m) this.intent.showNow(m);
    }, opts);
    document.addEventListener('click', (e) => {
      const m = mentionOf(e.target);
      if (m) {
        // Click or tap pins the card until the reader dismisses it.
        this.pinned = true;
        this.host.pinned = true;
        this.intent.showNow(m);
      } else if (!this.host.contains(e.target as Node) && this.intent.visible) {
        this.intent.hideNow();
      }
    }, opts);
    document.addEventListener('keydown', (e) => {
      const open = this.intent.visible;
      if (!open) return;
      if (e.key === 'Escape') this.closeAndReturnFocus();
      else if (e.key === 'Tab' && !e.shiftKey && document.activeElement === open && this.host.focusFirst()) e.preventDefault();
    }, { signal, capture: true });
  }

  entities(): PageEntity[] {
    const byId = new Map<string, PageEntity>();
    for (const [i, m] of (this.annotator?.current() ?? []).entries()) {
      const id = m.dataset.entity ?? '';
      const e = byId.get(id) ?? { id, count: 0, firstIndex: i, inHeadline: false };
      e.count++;
      if (!e.inHeadline && m.closest(HEADLINE_SELECTOR)) e.inHeadline = true;
      byId.set(id, e);
    }
    return [...byId.values()];
  }

  reveal(id: string, index: number): number {
    const all = (this.annotator?.current() ?? []).filter((m) => m.dataset.entity === id);
    const el = all[((index % all.length) + all.length) % all.length];
    if (el) {
      el.scrollIntoView({ block: 'center', behavior: 'smooth' });
      el.setAttribute('data-flash', '');
      window.setTimeout(() => el.removeAttribute('data-flash'), 1200);
    }
    return all.length;
  }

  /** The sentence around each mention of `id`, trimmed to a readable length. */
  snippets(id: string): string[] {
    return (this.annotator?.current() ?? [])
      .filter((m) => m.dataset.entity === id)
      .slice(0, 50)
      .map((m) => sentenceAround(m));
  }

  get annotating(): boolean {
    return this.annotator?.busy ?? false;
  }

  /** Annotation passes finished in this page so far, across restarts (the site switched off and on). */
  passes = 0;
}

function sentenceAround(mention: Element): string {
  const block = mention.closest('p,li,h1,h2,h3,h4,h5,h6,blockquote,figcaption,td,dd') ?? mention.parentElement;
  const text = (block?.textContent ?? '').replace(/\s+/g, ' ').trim();
  const at = text.indexOf((mention.textContent ?? '').trim());
  if (text.length <= 280 || at < 0) return text.slice(0, 280);
  const start = Math.max(0, text.lastIndexOf('. ', at) + 1);
  return (start > 0 ? '…' : '') + text.slice(start, start + 260).trim() + '…';
}

function main(): void {
  const g = globalThis as Record<symbol, unknown>;
  if (g[GUARD] || !frameAllowed() || !(document instanceof HTMLDocument)) return;
  g[GUARD] = true;
  const page = new Page();
  const handlers: Handlers<ContentProtocol> = {
    'page/entities': {
      validate: () => ({}),
      run: () => ({ url: location.href, entities: page.entities(), annotating: page.annotating, passes: page.passes }),
    },
    'page/reveal': {
      validate: (p) => {
        const q = p as { id?: unknown; index?: unknown };
        return typeof q?.id === 'string' && Number.isInteger(q.index) ? (p as { id: string; index: number }) : 'id and index required';
      },
      run: ({ id, index }) => ({ total: page.reveal(id, index) }),
    },
    'page/snippets': {
      validate: (p) => (typeof (p as { id?: unknown })?.id === 'string' ? (p as { id: string }) : 'id required'),
      run: ({ id }) => ({ snippets: page.snippets(id) }),
    },
  };
  // Only the top frame answers the popup, so it gets one answer per tab.
  if (window.top === window) {
    const dispatch = createDispatcher(handlers, (sender) => sender.id === browser.runtime.id);
    browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => dispatch(message, sender));
  }
  void page.start().catch((err: unknown) => console.debug('Backstory could not start', err));
}

main();
