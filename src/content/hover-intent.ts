/**
 * Hover intent on the model of Wikipedia's Page Previews: the card is fetched after a short
 * dwell, shown after the hover delay, and hidden after a grace period unless the pointer
 * reaches the card. A quick brush across the text opens nothing. Timers are injected so the
 * state machine is testable without a browser.
 */
export const PREFETCH_MS = 150;
export const HIDE_GRACE_MS = 300;
/** When a card is already open, moving to another mention swaps it after this dwell. */
export const SWAP_MS = 150;

export interface IntentActions<T> {
  prefetch(target: T): void;
  show(target: T): void;
  hide(): void;
}

export interface Timers {
  set(fn: () => void, ms: number): number;
  clear(id: number): void;
}

export class HoverIntent<T> {
  private target: T | undefined;
  private shown: T | undefined;
  private timers: number[] = [];
  private hideTimer: number | undefined;
  private overCard = false;

  constructor(
    private readonly actions: IntentActions<T>,
    private readonly timers_: Timers,
    private delay: number,
  ) {}

  setDelay(ms: number): void {
    this.delay = ms;
  }

  get visible(): T | undefined {
    return this.shown;
  }

  enter(target: T): void {
    this.cancelHide();
    if (this.target === target) return;
    this.clearDwell();
    this.target = target;
    if (this.shown !== undefined && this.shown !== target) {
      // A card is open: swap in place after a short dwell, with no hide in between.
      this.later(() => {
        this.actions.prefetch(target);
        this.reveal(target);
      }, SWAP_MS);
      return;
    }
    if (this.shown === target) return;
    this.later(() => this.actions.prefetch(target), Math.min(PREFETCH_MS, this.delay));
    this.later(() => this.reveal(target), this.delay);
  }

  leave(target: T): void {
    if (this.target !== target) return;
    this.clearDwell();
    this.target = undefined;
    if (this.shown !== undefined) this.scheduleHide();
  }

  enterCard(): void {
    this.overCard = true;
    this.cancelHide();
  }

  leaveCard(): void {
    this.overCard = false;
    if (this.target === undefined && this.shown !== undefined) this.scheduleHide();
  }

  /** Keyboard focus and taps show at once: the reader asked explicitly. */
  showNow(target: T): void {
    this.clearDwell();
    this.cancelHide();
    this.target = target;
    this.actions.prefetch(target);
    this.reveal(target);
  }

  hideNow(): void {
    this.clearDwell();
    this.cancelHide();
    this.target = undefined;
    this.overCard = false;
    if (this.shown !== undefined) {
      this.shown = undefined;
      this.actions.hide();
    }
  }

  private reveal(target: T): void {
    this.shown = target;
    this.actions.show(target);
  }

  private scheduleHide(): void {
    this.cancelHide();
    this.hideTimer = this.timers_.set(() => {
      this.hideTimer = undefined;
      if (!this.overCard && this.target === undefined) this.hideNow();
    }, HIDE_GRACE_MS);
  }

  private cancelHide(): void {
    if (this.hideTimer !== undefined) this.timers_.clear(this.hideTimer);
    this.hideTimer = undefined;
  }

  private later(fn: () => void, ms: number): void {
    this.timers.push(this.timers_.set(fn, ms));
  }

  private clearDwell(): void {
    for (const t of this.timers) this.timers_.clear(t);
    this.timers = [];
  }
}
