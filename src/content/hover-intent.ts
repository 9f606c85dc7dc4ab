/**
 * Hover intent on the model of Wikipedia's Page Previews: the card is fetched after a short
 * dwell, shown after the hover delay, and hidden after a grace period unless the pointer
 * reaches the card. A quick brush across the text opens nothing. Timers are injected so the
 * state machine is testable without a browser.
 *
 * While a dwell heads towards opening a card (nothing is shown yet), `prepare` lets the host
 * render that card hidden, so the delay's end only has to reveal it; `abandon` drops it when
 * the dwell ends without a reveal.
 *
 * Given the pointer event's time stamp and a frame clock, the reveal lands in the first frame
 * that starts once the delay has passed, counted from that time stamp. Pointer events reach
 * the page at the start of a frame, so a plain timer of `delay` would end just after the
 * frame at the delay began and the card would wait for the next one, a whole frame late.
 */
export const PREFETCH_MS = 150;
export const HIDE_GRACE_MS = 300;
/** When a card is already open, moving to another mention swaps it after this dwell. */
export const SWAP_MS = 150;

export interface IntentActions<T> {
  prefetch(target: T): void;
  show(target: T): void;
  hide(): void;
  /** After the prefetch of a dwell that will open a card: get it ready, hidden. */
  prepare?(target: T): void;
  /** That dwell ended without showing `target`: drop what `prepare` made. */
  abandon?(target: T): void;
}

export interface Timers {
  set(fn: () => void, ms: number): number;
  clear(id: number): void;
  /** The clock of event time stamps and frame times (performance.now() in a page). */
  now?(): number;
  /** Runs `fn` at the start of the next frame with that frame's time (requestAnimationFrame). */
  frame?(fn: (time: number) => void): number;
  clearFrame?(id: number): void;
}

/** How long before the deadline the reveal starts watching frames: over one frame at 60 Hz. */
export const FRAME_LEAD_MS = 20;
/** If no frame comes (a hidden document), a plain timer this long after the deadline reveals. */
export const FRAME_FALLBACK_MS = 50;

export class HoverIntent<T> {
  private target: T | undefined;
  private shown: T | undefined;
  private timers: number[] = [];
  private frames: number[] = [];
  private hideTimer: number | undefined;
  private overCard = false;
  /** The target of a dwell that will open a card when nothing is shown yet. */
  private dwelling: T | undefined;

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

  /** The mention whose card will open when the current dwell reaches the delay. */
  get pending(): T | undefined {
    return this.dwelling;
  }

  /** The pointer reached `target`; `at` is the event's time stamp, in the clock of `Timers.now`. */
  enter(target: T, at?: number): void {
    this.cancelHide();
    if (this.target === target) return;
    this.abandonDwell(target);
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
    this.dwelling = target;
    this.later(() => {
      this.actions.prefetch(target);
      this.actions.prepare?.(target);
    }, Math.min(PREFETCH_MS, this.delay));
    this.revealAfterDelay(target, at);
  }

  leave(target: T): void {
    if (this.target !== target) return;
    this.abandonDwell();
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
    // A card prepared for this very target is kept: the reveal below uses it.
    this.abandonDwell(target);
    this.clearDwell();
    this.cancelHide();
    this.target = target;
    this.actions.prefetch(target);
    this.reveal(target);
  }

  hideNow(): void {
    this.abandonDwell();
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
    this.dwelling = undefined;
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

  /** Reveals `target` in the first frame starting at or after `at + delay`, else after `delay`. */
  private revealAfterDelay(target: T, at: number | undefined): void {
    const { now, frame } = this.timers_;
    if (!now || !frame) {
      this.later(() => this.reveal(target), this.delay);
      return;
    }
    const t = now();
    // A time stamp from another clock, or none, counts as now.
    const start = at !== undefined && Number.isFinite(at) && at <= t && at > t - 1000 ? at : t;
    const deadline = start + this.delay;
    let done = false;
    const revealOnce = (): void => {
      if (done) return;
      done = true;
      this.reveal(target);
    };
    const watch = (time: number): void => {
      if (done) return;
      if (time >= deadline) revealOnce();
      else this.frames.push(frame(watch));
    };
    this.later(() => this.frames.push(frame(watch)), Math.max(0, deadline - t - FRAME_LEAD_MS));
    this.later(revealOnce, Math.max(0, deadline - t + FRAME_FALLBACK_MS));
  }

  /** Ends the opening dwell, unless it is for `keep`, telling the host to drop its preparation. */
  private abandonDwell(keep?: T): void {
    const was = this.dwelling;
    if (was === undefined || was === keep) return;
    this.dwelling = undefined;
    this.actions.abandon?.(was);
  }

  private clearDwell(): void {
    for (const t of this.timers) this.timers_.clear(t);
    this.timers = [];
    for (const f of this.frames) this.timers_.clearFrame?.(f);
    this.frames = [];
  }
}
