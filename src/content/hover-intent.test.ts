import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HoverIntent, HIDE_GRACE_MS, PREFETCH_MS } from './hover-intent';

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
