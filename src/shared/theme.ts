/** Applies the reader's theme choice to an extension page. */
import type { Theme } from '../settings/defaults';

export function applyTheme(theme: Theme, root: HTMLElement = document.documentElement): void {
  root.classList.toggle('theme-dark', theme === 'dark');
  root.classList.toggle('theme-light', theme === 'light');
}
