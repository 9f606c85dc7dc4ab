/**
 * The in-page popover: a <backstory-card> host with an open shadow root, its CSS inside and
 * a :host reset, so page styles neither reach in nor leak out. Positioned with Floating UI.
 */
import { autoUpdate, computePosition, flip, inline, offset, shift, size } from '@floating-ui/dom';
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
.frame { position: fixed; top: 0; left: 0; box-sizing: border-box; width: min(360px, calc(100vw - 16px)); max-height: min(440px, calc(100vh - 16px));
  display: flex; flex-direction: column; border-radius: 10px; overflow: hidden;
  box-shadow: 0 8px 28px rgba(0,0,0,.22), 0 0 0 1px rgba(0,0,0,.08); background: #fff; }
.frame.theme-dark { background: #1e2227; box-shadow: 0 8px 28px rgba(0,0,0,.6), 0 0 0 1px rgba(255,255,255,.12); }
.frame.animate { animation: pop .12s ease-out; }
@keyframes pop { from { opacity: 0; transform: translateY(4px); } to { opacity: 1; transform: none; } }
@media (prefers-reduced-motion: reduce) { .frame.animate { animation: none; } }
.status { padding: 14px; font: 14px/1.4 system-ui, sans-serif; color: #4f5863; }
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

export class CardHost {
  private host: HTMLElement | undefined;
  private frame: HTMLElement | undefined;
  private stopUpdate: (() => void) | undefined;
  private anchor: Element | undefined;
  private history: Card[] = [];
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

  /** Shows the card of `id` next to `anchor`. Resolves false when there is no card. */
  async show(anchor: Element, id: string): Promise<boolean> {
    // A prefetched card paints in the same task as the hover timer, with no await in between.
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
    const frame = this.ensure();
    const card = this.history.at(-1);
    if (!card || !this.host || !this.anchor) return;
    frame.className = `frame theme-${this.theme}${animate && !this.reducedMotion ? ' animate' : ''}`;
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
    this.host.hidden = false;
    this.stopUpdate?.();
    const anchor = this.anchor;
    this.stopUpdate = autoUpdate(anchor, frame, () => void this.place(anchor));
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
    if (!this.host) return;
    const frame = this.frame;
    if (!frame) return;
    const { x, y } = await computePosition(anchor, frame, {
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
            this.frame?.style.setProperty('max-height', `${Math.max(160, Math.min(440, availableHeight))}px`);
          },
        }),
      ],
    });
    // The frame lives in our shadow root, where page styles cannot reach its position.
    frame.style.left = `${x}px`;
    frame.style.top = `${y}px`;
  }

  hide(): void {
    this.stopUpdate?.();
    this.stopUpdate = undefined;
    if (this.host) this.host.hidden = true;
    this.anchor = undefined;
  }

  destroy(): void {
    this.hide();
    if (this.frame) render(null, this.frame);
    this.host?.remove();
    this.host = undefined;
    this.frame = undefined;
  }
}
