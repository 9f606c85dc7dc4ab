/**
 * The two measurements beside the per-page table: the JS heap Backstory adds on the largest
 * corpus page, and its main-thread time on a page that rewrites itself every frame.
 */
import type { CDPSession, Page } from 'playwright-core';
import { benchPage, loadWithBundle, type BenchWindow, type Harness } from './harness';
import { mutatingPageHtml } from './mutating-page';
import { median } from './report';

export interface HeapResult {
  page: string;
  runs: number;
  /** Medians of (after − before), each after a forced GC, with the index string already in the page. */
  usedBytes: number;
  backingStoreBytes: number;
  embedderBytes: number;
  marks: number;
}

interface HeapUsage {
  usedSize: number;
  embedderHeapUsedSize?: number;
  backingStorageSize?: number;
}

async function heapUsage(cdp: CDPSession): Promise<HeapUsage> {
  await cdp.send('HeapProfiler.collectGarbage');
  return (await cdp.send('Runtime.getHeapUsage')) as HeapUsage;
}

export async function measureHeap(h: Harness, name: string, runs: number): Promise<HeapResult> {
  const url = `${h.server.url}/corpus/${encodeURIComponent(name)}`;
  const used: number[] = [];
  const backing: number[] = [];
  const embedder: number[] = [];
  let marks = 0;
  for (let r = 0; r < runs; r++) {
    const page = await benchPage(h);
    try {
      await loadWithBundle(h, page, url);
      const cdp = await page.context().newCDPSession(page);
      const before = await heapUsage(cdp);
      const result = await page.evaluate(() => {
        const b = (globalThis as unknown as BenchWindow).BackstoryBench;
        return b.backstory(b.getData(), true);
      });
      const after = await heapUsage(cdp);
      marks = result.marks;
      used.push(after.usedSize - before.usedSize);
      backing.push((after.backingStorageSize ?? 0) - (before.backingStorageSize ?? 0));
      embedder.push((after.embedderHeapUsedSize ?? 0) - (before.embedderHeapUsedSize ?? 0));
    } finally {
      await page.close();
    }
  }
  return { page: name, runs, usedBytes: median(used), backingStoreBytes: median(backing), embedderBytes: median(embedder), marks };
}

export interface MutatingSummary {
  windowMs: number;
  runs: number;
  frames: number;
  /** The page's own rAF callbacks (script only). */
  pageScriptMs: number;
  /** CDP TaskDuration over the window without Backstory: the page's whole main-thread work. */
  pageTaskMs: number;
  /** The same with Backstory following the page. */
  withBackstoryTaskMs: number;
  /** Backstory's own time in the window: pass slices plus observer callbacks. */
  backstoryMs: number;
  passes: number;
  observerMs: number;
  ratioToPageWork: number;
  ratioToPageScript: number;
  /** (TaskDuration with − without) / without: the same bound, measured from outside. */
  ratioByDifference: number;
}

const WINDOW_MS = 3000;

async function taskSeconds(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0;
}

async function mutatingOnce(h: Harness, url: string, withBackstory: boolean): Promise<{ taskMs: number; frames: number; pageScriptMs: number; backstoryMs: number; passes: number; observerMs: number }> {
  // The page's own script must run here: allow inline scripts, still offline.
  const page: Page = await benchPage(h, "script-src 'self' 'unsafe-inline'");
  try {
    await loadWithBundle(h, page, url);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    if (withBackstory) {
      await page.evaluate(() => {
        const b = (globalThis as unknown as BenchWindow).BackstoryBench;
        return b.follow(b.getData());
      });
    }
    const t0 = await taskSeconds(cdp);
    const r = await page.evaluate((ms) => (globalThis as unknown as BenchWindow).BackstoryBench.mutate(ms), WINDOW_MS);
    const t1 = await taskSeconds(cdp);
    return { taskMs: (t1 - t0) * 1000, frames: r.frames, pageScriptMs: r.pageScriptMs, backstoryMs: r.backstoryMs, passes: r.passes, observerMs: r.observerMs };
  } finally {
    await page.close();
  }
}

export async function measureMutating(h: Harness, runs: number): Promise<MutatingSummary> {
  const url = h.server.page('/bench/mutating', mutatingPageHtml());
  const without: Awaited<ReturnType<typeof mutatingOnce>>[] = [];
  const withBs: Awaited<ReturnType<typeof mutatingOnce>>[] = [];
  // A 3 s window on a shared machine is noisy: at least five of each, alternating.
  for (let r = 0; r < Math.max(runs, 5); r++) {
    without.push(await mutatingOnce(h, url, false));
    withBs.push(await mutatingOnce(h, url, true));
  }
  const pageTaskMs = median(without.map((x) => x.taskMs));
  const withTaskMs = median(withBs.map((x) => x.taskMs));
  const backstoryMs = median(withBs.map((x) => x.backstoryMs));
  const pageScriptMs = median(without.map((x) => x.pageScriptMs));
  return {
    windowMs: WINDOW_MS,
    runs: without.length,
    frames: median(without.map((x) => x.frames)),
    pageScriptMs,
    pageTaskMs,
    withBackstoryTaskMs: withTaskMs,
    backstoryMs,
    passes: median(withBs.map((x) => x.passes)),
    observerMs: median(withBs.map((x) => x.observerMs)),
    ratioToPageWork: backstoryMs / Math.max(pageTaskMs, 0.001),
    ratioToPageScript: backstoryMs / Math.max(pageScriptMs, 0.001),
    ratioByDifference: (withTaskMs - pageTaskMs) / Math.max(pageTaskMs, 0.001),
  };
}
