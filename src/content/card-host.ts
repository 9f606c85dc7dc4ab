/**
 * The in-page popover: a <backstory-card> host with an open shadow root, its CSS inside and
 * a :host reset, so page styles neither reach in nor leak out. Positioned with Floating UI.
 *
 * The host's `hidden` attribute is the one truth about whether a card is shown. While a hover
 * dwell is under way, prerender() renders and positions the coming card with the host still
 * `hidden` but laid out and painted: `data-prerender` keeps it displayed at opacity 0 on its
 * own compositor layer, `inert` and `aria-hidden` keep it out of the pointer's way, the focus
 * order and the accessibility tree. When the delay ends, show() only drops those attributes:
 * no rendering, no layout, and no repaint of the card's contents in that frame.
 */
import { autoUpdate, computePosition, flip, hide, inline, offset, shift, size } from '@floating-ui/dom';
import { h, render } from 'preact';
import { CardView } from '../ui/card';
import { CardMenu } from '../ui/card-menu';
import cardCss from '../ui/card.css?inline';
import type { Card } from '../shared/messages';
import { CARD_TAG } from './dom-filter';

const HOST_CSS = `
:host { all: initial !important; position: fixed !important; top: 0 !important; left: 0 !important;
  width: 0 !important; height: 0 !important; overflow: visible !important; z-index: 2147483647 !important;
  display: block !important; }
:host([hidden]) { display: none !important; }
:host([hidden][data-prerender]) { display: block !important; }
:host([data-prerender]) .frame { opacity: 0; pointer-events: none; }
.frame { position: fixed; top: 0; left: 0; will-change: opacity; box-sizing: border-box; width: min(360px, calc(100vw - 16px)); max-height: min(440px, calc(100vh - 16px));
  display: flex; flex-direction: column; border-radius: 10px; overflow: hidden;
  box-shadow: 0 8px 28px rgba(0,0,0,.22), 0 0 0 1px rgba(0,0,0,.08); background: #fff; }
.frame.theme-dark { background: #1e2227; box-shadow: 0 8px 28px rgba(0,0,0,.6), 0 0 0 1px rgba(255,255,255,.12); }
.frame.animate { animation: pop .12s ease-out; }
/* Only a slide: the card is fully opaque from its first frame. */
@keyframes pop { from { transform: translateY(4px); } to { transform: none; } }
@media (prefers-reduced-motion: reduce) { .frame.animate { animation: none; } }
`;

export interface CardHostEvents {
  onPointerEnter(): void;
  onPointerLeave(): void;
  onEscape(): void;
  onClose(): void;
  onPin(pinned: boolean): void;
  onMute(id: string): void;
  onSiteOff(): void;
  onSettings(): void;
  onFull(id: string): void;
}

/** A prerendered card: displayed for layout and paint, but transparent, inert and unannounced. */
const PRERENDER_ATTRS = [['data-prerender', ''], ['inert', ''], ['aria-hidden', 'true']] as const;

/** What a prerendered card was made for; show() reveals it only when all of it still holds. */
interface Prepared {
  anchor: Element;
  id: string;
  theme: 'light' | 'dark';
  pinned: boolean;
}

export class CardHost {
  private host: HTMLElement | undefined;
  private frame: HTMLElement | undefined;
  private stopUpdate: (() => void) | undefined;
  private anchor: Element | undefined;
  private history: Card[] = [];
  private prepared: Prepared | undefined;
  private shown = false;
  theme: 'light' | 'dark' = 'light';
  pinned = false;
  reducedMotion = false;

  constructor(
    private readonly doc: Document,
    private readonly load: (id: string) => Promise<Card | null>,
    private readonly events: CardHostEvents,
    /** The card if it already arrived, without waiting. */
    private readonly peek: (id: string) => Card | null | undefined = () => undefined,
  ) {}

  get element(): HTMLElement | undefined {
    return this.host;
  }

  contains(node: Node | null): boolean {
    return node !== null && this.host !== undefined && (node === this.host || this.host.contains(node));
  }

  private ensure(): HTMLElement {
    if (this.host?.isConnected && this.frame) return this.frame;
    const host = this.doc.createElement(CARD_TAG);
    const root = host.attachShadow({ mode: 'open' });
    const style = this.doc.createElement('style');
    style.textContent = HOST_CSS + cardCss;
    const frame = this.doc.createElement('div');
    frame.className = 'frame';
    frame.setAttribute('role', 'dialog');
    frame.setAttribute('aria-modal', 'false');
    frame.addEventListener('pointerenter', () => this.events.onPointerEnter());
    frame.addEventListener('pointerleave', () => this.events.onPointerLeave());
    frame.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') {
        e.stopPropagation();
        this.events.onEscape();
      }
    });
    root.append(style, frame);
    host.hidden = true;
    // Outside <body>, so the page's body text and layout never see it.
    this.doc.documentElement.append(host);
    this.host = host;
    this.frame = frame;
    return frame;
  }

  /**
   * Renders `card` for `anchor` and keeps it positioned, but hidden, so that show() can reveal
   * it without rendering or layout. Does nothing while a card is shown.
   */
  prerender(anchor: Element, card: Card): void {
    if (this.shown || !anchor.isConnected) return;
    this.history = [card];
    this.anchor = anchor;
    this.render();
    for (const [name, value] of PRERENDER_ATTRS) this.host?.setAttribute(name, value);
    this.prepared = { anchor, id: card.id, theme: this.theme, pinned: this.pinned };
  }

  /** Drops a prerendered card that will not be shown. An open card is left alone. */
  discard(): void {
    if (!this.shown) this.hide();
  }

  /** Shows the card of `id` next to `anchor`. Resolves false when there is no card. */
  async show(anchor: Element, id: string): Promise<boolean> {
    const p = this.prepared;
    if (!this.shown && p && p.anchor === anchor && p.id === id && p.theme === this.theme && p.pinned === this.pinned && anchor.isConnected) {
      // Rendered and placed during the dwell: only the attributes flip, in the reveal's own task.
      this.reveal(true);
      return true;
    }
    // A prefetched card paints in the reveal's own task, with no await in between.
    let card = this.peek(id);
    if (card === undefined) {
      try {
        card = await this.load(id);
      } catch {
        return false;
      }
    }
    if (!card || !anchor.isConnected) return false;
    this.history = [card];
    this.anchor = anchor;
    this.paint(true);
    return true;
  }

  private paint(animate: boolean): void {
    this.render();
    this.reveal(animate);
  }

  /** Renders the current card into the frame and keeps it placed next to the anchor. */
  private render(): void {
    const frame = this.ensure();
    const card = this.history.at(-1);
    if (!card || !this.host || !this.anchor) return;
    frame.className = `frame theme-${this.theme}`;
    const headingId = 'backstory-card-title';
    frame.setAttribute('aria-labelledby', headingId);
    frame.id = 'backstory-card';
    render(
      h(CardView, {
        card,
        compact: true,
        headingId,
        onNavigate: (id: string) => void this.navigate(id),
        ...(this.history.length > 1 ? { onBack: () => this.back() } : {}),
        actions: h(CardMenu, {
          name: card.name,
          pinned: this.pinned,
          onPin: () => {
            this.pinned = !this.pinned;
            this.events.onPin(this.pinned);
            this.paint(false);
          },
          onClose: () => this.events.onClose(),
          onMute: () => this.events.onMute(card.id),
          onSiteOff: () => this.events.onSiteOff(),
          onSettings: () => this.events.onSettings(),
          onFull: () => this.events.onFull(card.id),
        }),
      }),
      frame,
    );
    this.stopUpdate?.();
    const anchor = this.anchor;
    this.stopUpdate = autoUpdate(anchor, frame, () => void this.place(anchor));
  }

  /** Makes the rendered card visible: attribute and class changes only, no layout read. */
  private reveal(animate: boolean): void {
    const host = this.host;
    const frame = this.frame;
    if (!host || !frame) return;
    frame.className = `frame theme-${this.theme}${animate && !this.reducedMotion ? ' animate' : ''}`;
    for (const [name] of PRERENDER_ATTRS) host.removeAttribute(name);
    host.hidden = false;
    this.shown = true;
    this.prepared = undefined;
  }

  private async navigate(id: string): Promise<void> {
    try {
      const next = await this.load(id);
      if (!next) return;
      this.history.push(next);
      this.paint(false);
      this.focusFirst();
    } catch {
      /* the extension was reloaded: nothing to do */
    }
  }

  private back(): void {
    if (this.history.length < 2) return;
    this.history.pop();
    this.paint(false);
    this.focusFirst();
  }

  focusFirst(): boolean {
    const first = this.frame?.querySelector<HTMLElement>('button, a[href]');
    first?.focus();
    return first !== undefined && first !== null;
  }

  private async place(anchor: Element): Promise<void> {
    const frame = this.frame;
    if (!this.host || !frame) return;
    const { x, y, middlewareData } = await computePosition(anchor, frame, {
      strategy: 'fixed',
      placement: 'bottom-start',
      middleware: [
        inline(),
        offset(6),
        // Flip above rather than cover the mention; shift to stay on screen.
        flip({ padding: 8, fallbackPlacements: ['top-start', 'bottom-end', 'top-end'] }),
        shift({ padding: 8 }),
        size({
          padding: 8,
          apply: ({ availableHeight }) => {
            frame.style.setProperty('max-height', `${Math.max(160, Math.min(440, availableHeight))}px`);
          },
        }),
        // A mention scrolled out of its scrolling box takes its card out of sight with it.
        hide({ strategy: 'referenceHidden' }),
      ],
    });
    if (anchor !== this.anchor) return;
    // The frame lives in our shadow root, where page styles cannot reach its position.
    frame.style.left = `${x}px`;
    frame.style.top = `${y}px`;
    frame.style.visibility = middlewareData.hide?.referenceHidden ? 'hidden' : '';
  }

  hide(): void {
    this.stopUpdate?.();
    this.stopUpdate = undefined;
    if (this.host) {
      this.host.hidden = true;
      for (const [name] of PRERENDER_ATTRS) this.host.removeAttribute(name);
    }
    this.anchor = undefined;
    this.shown = false;
    this.prepared = undefined;
  }

  destroy(): void {
    this.hide();
    if (this.frame) render(null, this.frame);
    this.host?.remove();
    this.host = undefined;
    this.frame = undefined;
  }
}
