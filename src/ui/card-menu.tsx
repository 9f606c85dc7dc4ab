/** The popover's header controls: pin, close, and a menu in the manner of Page Previews' cog. */
import { useState } from 'preact/hooks';
import type { JSX } from 'preact';
import { t } from '../shared/i18n';

export interface CardMenuProps {
  name: string;
  pinned: boolean;
  onPin(): void;
  onClose(): void;
  onMute(): void;
  onSiteOff(): void;
  onSettings(): void;
  onFull(): void;
}

export function CardMenu(props: CardMenuProps): JSX.Element {
  const [open, setOpen] = useState(false);
  const item = (label: string, run: () => void): JSX.Element => (
    <li role="none">
      <button type="button" role="menuitem" class="menu-item" onClick={() => { setOpen(false); run(); }}>
        {label}
      </button>
    </li>
  );
  return (
    <div class="controls">
      <button type="button" class="icon-button pin" aria-pressed={props.pinned} aria-label={props.pinned ? t('cardUnpin') : t('cardPin')} title={props.pinned ? t('cardUnpin') : t('cardPin')} onClick={props.onPin}>
        <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
          <path d="M10.5 1.5l4 4-2 1-2.5 2.5.5 3-1.5 1.5-2.5-3.5-3.5 3.5-.7-.7 3.5-3.5L2.3 6.8 3.8 5.3l3 .5L9.3 3.3z" fill="currentColor" />
        </svg>
      </button>
      <button type="button" class="icon-button more" aria-haspopup="menu" aria-expanded={open} aria-label={t('cardOptions')} onClick={() => setOpen(!open)}>
        ⋯
      </button>
      <button type="button" class="icon-button close" aria-label={t('cardClose')} onClick={props.onClose}>
        ×
      </button>
      {open && (
        <ul class="menu" role="menu" aria-label={t('cardOptions')} onKeyDown={(e) => { if (e.key === 'Escape') { e.stopPropagation(); setOpen(false); } }}>
          {item(t('menuFull'), props.onFull)}
          {item(t('menuMute', props.name), props.onMute)}
          {item(t('menuSiteOff'), props.onSiteOff)}
          {item(t('menuSettings'), props.onSettings)}
        </ul>
      )}
    </div>
  );
}
