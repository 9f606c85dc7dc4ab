import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FRAME_FALLBACK_MS, HoverIntent, HIDE_GRACE_MS, PREFETCH_MS, type Timers } from './hover-intent';

const timers = {
  set: (fn: () => void, ms: number) => setTimeout(fn, ms) as unknown as number,
  clear: (id: number) => clearTimeout(id),
};

function setup(delay = 500) {
  const log: string[] = [];
  const intent = new HoverIntent<string>(
    { prefetch: (t) => log.push(`prefetch ${t}`), show: (t) => log.push(`show ${t}`), hide: () => log.push('hide') },
    timers,
    delay,
  );
  return { intent, log };
}

describe('HoverIntent', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('prefetches after the dwell and shows after the delay', () => {
    const { intent, log } = setup();
    intent.enter('kim');
    vi.advanceTimersByTime(PREFETCH_MS - 1);
    expect(log).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(log).toEqual(['prefetch kim']);
    vi.advanceTimersByTime(500 - PREFETCH_MS);
    expect(log).toEqual(['prefetch kim', 'show kim']);
  });

  it('opens nothing on a quick brush', () => {
    const { intent, log } = setup();
    intent.enter('kim');
    vi.advanceTimersByTime(60);
    intent.leave('kim');
    intent.enter('trump');
    vi.advanceTimersByTime(60);
    intent.leave('trump');
    vi.advanceTimersByTime(2000);
    expect(log).toEqual([]);
  });

  it('hides after the grace period unless the pointer reaches the card', () => {
    const { intent, log } = setup();
    intent.enter('kim');
    vi.advanceTimersByTime(500);
    intent.leave('kim');
    vi.advanceTimersByTime(HIDE_GRACE_MS - 50);
    intent.enterCard();
    vi.advanceTimersByTime(1000);
    expect(log).not.toContain('hide');
    intent.leaveCard();
    vi.advanceTimersByTime(HIDE_GRACE_MS);
    expect(log.at(-1)).toBe('hide');
  });

  it('swaps to another mention without hiding in between', () => {
    const { intent, log } = setup();
    intent.enter('kim');
    vi.advanceTimersByTime(500);
    intent.leave('kim');
    intent.enter('trump');
    vi.advanceTimersByTime(200);
    expect(log).toEqual(['prefetch kim', 'show kim', 'prefetch trump', 'show trump']);
  });

  it('shows at once on focus and honours a custom delay', () => {
    const { intent, log } = setup(900);
    intent.showNow('kim');
    expect(log).toEqual(['prefetch kim', 'show kim']);
    intent.hideNow();
    intent.enter('trump');
    vi.advanceTimersByTime(899);
    expect(log.at(-1)).toBe('prefetch trump');
    vi.advanceTimersByTime(1);
    expect(log.at(-1)).toBe('show trump');
  });
});

/** Frames every FRAME ms of fake time, each callback given its frame's start time. */
const FRAME = 16;
function framedSetup(opts: { framesStop?: boolean } = {}) {
  const log: { what: string; at: number }[] = [];
  const note = (what: string) => log.push({ what, at: Date.now() });
  const framed: Timers = {
    ...timers,
    now: () => Date.now(),
    frame: (fn) => {
      if (opts.framesStop) return 0;
      const start = (Math.floor(Date.now() / FRAME) + 1) * FRAME;
      return setTimeout(() => fn(start), start - Date.now()) as unknown as number;
    },
    clearFrame: (id) => clearTimeout(id),
  };
  const intent = new HoverIntent<string>(
    {
      prefetch: (t) => note(`prefetch ${t}`),
      prepare: (t) => note(`prepare ${t}`),
      abandon: (t) => note(`abandon ${t}`),
      show: (t) => note(`show ${t}`),
      hide: () => note('hide'),
    },
    framed,
    500,
  );
  return { intent, log, whats: () => log.map((l) => l.what) };
}

describe('HoverIntent with a frame clock', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    // Start between two frames, like a pointer event partway into one.
    vi.setSystemTime(10_000 * FRAME + 5);
  });
  afterEach(() => vi.useRealTimers());

  it('reveals in the first frame that starts once the delay has passed since the event, never before', () => {
    const { intent, log } = framedSetup();
    const at = Date.now() - 3; // the event's time stamp, a little before we handle it
    intent.enter('kim', at);
    vi.advanceTimersByTime(500 - 4);
    expect(log.map((l) => l.what)).toEqual(['prefetch kim', 'prepare kim']);
    vi.advanceTimersByTime(FRAME * 2);
    const shown = log.find((l) => l.what === 'show kim');
    expect(shown).toBeDefined();
    expect(shown!.at).toBeGreaterThanOrEqual(at + 500);
    expect(shown!.at).toBeLessThan(at + 500 + FRAME);
    expect(shown!.at % FRAME).toBe(0);
  });

  it('prepares the card after the prefetch and drops it when the dwell ends early', () => {
    const { intent, whats } = framedSetup();
    intent.enter('kim', Date.now());
    vi.advanceTimersByTime(PREFETCH_MS);
    expect(intent.pending).toBe('kim');
    intent.leave('kim');
    expect(intent.pending).toBeUndefined();
    vi.advanceTimersByTime(2000);
    expect(whats()).toEqual(['prefetch kim', 'prepare kim', 'abandon kim']);
  });

  it('keeps the prepared card when focus opens the same mention, and drops it for another', () => {
    const { intent, whats } = framedSetup();
    intent.enter('kim', Date.now());
    vi.advanceTimersByTime(PREFETCH_MS);
    intent.showNow('kim');
    expect(whats()).toEqual(['prefetch kim', 'prepare kim', 'prefetch kim', 'show kim']);
    intent.hideNow();
    intent.enter('trump', Date.now());
    vi.advanceTimersByTime(PREFETCH_MS);
    intent.showNow('kim');
    expect(whats().slice(-5)).toEqual(['prefetch trump', 'prepare trump', 'abandon trump', 'prefetch kim', 'show kim']);
  });

  it('reveals on a plain timer when no frame comes (a hidden document)', () => {
    const { intent, log } = framedSetup({ framesStop: true });
    const at = Date.now();
    intent.enter('kim', at);
    vi.advanceTimersByTime(500 + FRAME_FALLBACK_MS - 1);
    expect(log.some((l) => l.what === 'show kim')).toBe(false);
    vi.advanceTimersByTime(1);
    expect(log.find((l) => l.what === 'show kim')?.at).toBe(at + 500 + FRAME_FALLBACK_MS);
  });

  it('counts a time stamp from another clock as now', () => {
    const { intent, log } = framedSetup();
    const t = Date.now();
    intent.enter('kim', 42); // far in the past: not this clock
    vi.advanceTimersByTime(500 + FRAME);
    expect(log.find((l) => l.what === 'show kim')!.at).toBeGreaterThanOrEqual(t + 500);
  });
});
