/** The page-level stylesheet for mentions: one <style> in <head>, removed when we stop. */
import type { MarkStyle } from '../settings/defaults';
import { MENTION_TAG as M } from './dom-filter';

const BASE = `
${M} { cursor: help; border-radius: 2px; }
${M}:hover, ${M}:focus-visible, ${M}[aria-expanded="true"] {
  text-decoration: underline solid 1px !important; text-decoration-color: currentColor !important;
  text-underline-offset: .18em; background-color: rgba(11, 87, 208, .10); }
/* The page's own text colour, which contrasts with the page; a fixed blue fell under 3:1 on dark pages. */
${M}:focus-visible { outline: 2px solid currentColor; outline-offset: 1px; }
${M}[data-flash] { background-color: rgba(255, 196, 0, .45) !important; transition: background-color .6s; }
@media (prefers-reduced-motion: reduce) { ${M}[data-flash] { transition: none; } }
`;

const BY_STYLE: Record<MarkStyle, string> = {
  // Dotted keeps it quiet; the full text colour keeps it at the text's own contrast (a 65% mix fell
  // under 3:1 on pages with light-grey text).
  underline: `${M}:not([data-quiet]) { text-decoration: underline dotted 1px; text-decoration-color: currentColor; text-underline-offset: .18em; }`,
  // A marker band under the words, not behind them: a tint behind the text took light-grey
  // text (#767676, 4.5:1) under AA. The band alone is about 1.1:1 against white, so a solid
  // underline in the text colour carries the mark.
  background: `${M}:not([data-quiet]) { background-image: linear-gradient(to top, rgba(255, 196, 0, .45) .22em, transparent .22em);
  text-decoration: underline solid 1px; text-decoration-color: currentColor; text-underline-offset: .18em; }`,
  'hover-only': '',
};

export class MarkStyles {
  private el: HTMLStyleElement | undefined;
  constructor(private readonly doc: Document) {}

  apply(style: MarkStyle): void {
    if (!this.el?.isConnected) {
      this.el = this.doc.createElement('style');
      this.el.setAttribute('data-backstory', '');
      (this.doc.head ?? this.doc.documentElement).append(this.el);
    }
    this.el.textContent = BASE + BY_STYLE[style];
  }

  remove(): void {
    this.el?.remove();
    this.el = undefined;
  }
}
