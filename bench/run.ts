/**
 * `npm run bench`: the annotator against the floor (a bare TreeWalker), mark.js and one
 * combined RegExp on every saved page of ../shared/corpus/pages, in headless Chromium.
 * The machine is shared and noisy, so it reports ratios against the floor measured in the
 * same run, medians of fresh loads, and writes everything to bench/results.json.
 *
 *   npm run bench [-- --runs 3] [--markjs-runs 1] [--markjs-budget 5000] [--only yahoo] [--limit 10] [--no-markjs]
 *
 * mark.js walks the whole DOM once per alias (thousands of them): it runs once per page by
 * default and stops after --markjs-budget ms, its time extrapolated from the aliases done.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Page } from 'playwright-core';
import { compileFromDisk, ROOT } from '../scripts/kb-files';
import { buildMatchIndex } from '../src/matcher/index';
import { CHROMIUM } from '../tests/support/chromium';
import { startServer } from '../tests/support/server';
import { corpusPages, CORPUS_DIR, hasShared } from '../tests/support/shared';
import { buildBenchBundle } from './bundle';
import { contentScriptSize, ensureChromeBuild, type ContentSize } from './content-size';
import type * as Bench from './entry';
import { benchPage, CHROMIUM_ARGS, loadWithBundle, type BenchWindow, type Harness } from './harness';
import { measureHeap, measureMutating, type HeapResult, type MutatingSummary } from './extras';
import { median, printTable, ratio, type Row } from './report';

/** mark.js recurses once per keyword and walks the DOM once per keyword: small chunks keep the
 *  stack shallow and let a run stop at its time budget soon after it is spent. */
const MARKJS_CHUNK = 50;

type Method = 'floor' | 'backstory' | 'markjs' | 'regexp' | 'regexpCached';

async function measure(page: Page, method: Method, markjsBudgetMs: number): Promise<Bench.FloorResult | Bench.BackstoryResult | Bench.CountResult> {
  switch (method) {
    case 'floor':
      return page.evaluate(() => (globalThis as unknown as BenchWindow).BackstoryBench.floor());
    case 'backstory':
      return page.evaluate(() => {
        const b = (globalThis as unknown as BenchWindow).BackstoryBench;
        return b.backstory(b.getData());
      });
    case 'markjs':
      return page.evaluate(([chunk, budget]) => {
        const b = (globalThis as unknown as BenchWindow).BackstoryBench;
        return b.markjs(b.getData().aliases, chunk, budget);
      }, [MARKJS_CHUNK, markjsBudgetMs] as const);
    case 'regexp':
    case 'regexpCached':
      return page.evaluate((fresh) => {
        const b = (globalThis as unknown as BenchWindow).BackstoryBench;
        return b.regexp(b.getData().aliases, fresh);
      }, method === 'regexp');
  }
}

interface Plan {
  runs: number;
  methods: Method[];
  /** mark.js is hundreds of times slower than the rest: it gets fewer runs and a time budget. */
  markjsRuns: number;
  markjsBudgetMs: number;
}

async function benchPageFile(h: Harness, name: string, plan: Plan): Promise<Row> {
  const url = `${h.server.url}/corpus/${encodeURIComponent(name)}`;
  const results: Record<Method, unknown[]> = { floor: [], backstory: [], markjs: [], regexp: [], regexpCached: [] };
  const page = await benchPage(h);
  let phases: Bench.PhasesResult;
  try {
    for (let r = 0; r < plan.runs; r++) {
      const methods = plan.methods.filter((m) => m !== 'markjs' || r < plan.markjsRuns);
      // Rotate the order each run, so no contender always comes first after a cold start.
      const order = methods.map((_, i) => methods[(i + r) % methods.length] as Method);
      for (const method of order) {
        await loadWithBundle(h, page, url);
        results[method].push(await measure(page, method, plan.markjsBudgetMs));
      }
    }
    // One more load for the diagnostic breakdown (not a contender, so once is enough).
    await loadWithBundle(h, page, url);
    phases = await page.evaluate(() => {
      const b = (globalThis as unknown as BenchWindow).BackstoryBench;
      return b.phases(b.getData());
    });
  } finally {
    await page.close();
  }
  const floor = results.floor as Bench.FloorResult[];
  const bs = results.backstory as Bench.BackstoryResult[];
  const mk = results.markjs as Bench.MarkjsResult[];
  const re = results.regexp as Bench.CountResult[];
  const reCached = results.regexpCached as Bench.CountResult[];
  return {
    page: name,
    bytes: statSync(join(CORPUS_DIR, name)).size,
    textNodes: floor[0]?.textNodes ?? 0,
    chars: floor[0]?.chars ?? 0,
    floorMs: median(floor.map((x) => x.ms)),
    backstoryMs: median(bs.map((x) => x.ms)),
    backstoryBusyMs: median(bs.map((x) => x.busyMs)),
    decodeMs: median(bs.map((x) => x.decodeMs)),
    markjsMs: mk.length > 0 ? median(mk.map((x) => x.ms)) : null,
    regexpMs: median(re.map((x) => x.ms)),
    regexpCachedMs: median(reCached.map((x) => x.ms)),
    longestSliceMs: Math.max(0, ...bs.map((x) => x.longestSliceMs)),
    longestSliceMedianMs: median(bs.map((x) => x.longestSliceMs)),
    longTaskMs: Math.max(0, ...bs.map((x) => x.longTaskMs)),
    firstSliceMs: median(bs.map((x) => x.firstSliceMs)),
    longestSliceWhere: bs.map((x) => (x.longestSliceIndex === 0 ? 'first' : x.longestSliceIndex === x.slices - 1 ? 'last' : 'middle')),
    slices: median(bs.map((x) => x.slices)),
    marks: bs[0]?.marks ?? 0,
    markjsMatches: mk[0]?.matches ?? null,
    markjsExtrapolated: mk.some((x) => x.extrapolated),
    markjsSearched: mk.length > 0 ? Math.min(...mk.map((x) => x.searched)) : null,
    regexpMatches: re[0]?.matches ?? 0,
    phases,
  };
}

function knowledgeBase(): { base64: string; text: string; aliases: string[]; entities: number; errors: number; indexBytes: number; indexTextUnits: number } {
  const { entities, errors } = compileFromDisk();
  if (errors.length > 0) console.warn(`  warning: the knowledge base has ${errors.length} error(s); benchmarking the ${entities.length} entities that compiled`);
  const { bytes, text } = buildMatchIndex(entities);
  const aliases = [...new Set(entities.flatMap((e) => e.aliases.map((a) => a.text)))];
  return { base64: Buffer.from(bytes).toString('base64'), text, aliases, entities: entities.length, errors: errors.length, indexBytes: bytes.length, indexTextUnits: text.length };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '3' },
      'markjs-runs': { type: 'string', default: '1' },
      'markjs-budget': { type: 'string', default: '5000' },
      only: { type: 'string' },
      limit: { type: 'string' },
      'no-markjs': { type: 'boolean', default: false },
      out: { type: 'string', default: join(ROOT, 'bench', 'results.json') },
    },
  });
  if (!hasShared(CORPUS_DIR)) return;
  const runs = Math.max(1, Number(values.runs));
  const markjsRuns = Math.max(1, Math.min(runs, Number(values['markjs-runs'])));
  const markjsBudgetMs = Number(values['markjs-budget']);
  let pages = corpusPages().filter((p) => !values.only || p.includes(values.only));
  if (values.limit) pages = pages.slice(0, Number(values.limit));
  const methods: Method[] = ['floor', 'backstory', ...(values['no-markjs'] ? [] : ['markjs' as const]), 'regexp', 'regexpCached'];

  const kb = knowledgeBase();
  const buildProblem = ensureChromeBuild();
  let contentSize: ContentSize | { error: string };
  try {
    contentSize = buildProblem ? { error: buildProblem } : contentScriptSize();
  } catch (err) {
    contentSize = { error: (err as Error).message };
  }
  const server = await startServer();
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  const h: Harness = {
    browser,
    server,
    bundle: await buildBenchBundle(),
    markjs: readFileSync(join(ROOT, 'node_modules/mark.js/dist/mark.min.js'), 'utf8'),
    base64: kb.base64,
    text: kb.text,
    aliases: kb.aliases,
  };
  console.log(`Chromium ${browser.version()}, ${kb.entities} entities, ${kb.aliases.length} aliases, index ${kb.indexBytes} bytes + ${kb.indexTextUnits} text units, ${pages.length} pages × ${runs} runs`);
  const rows: Row[] = [];
  const failed: { page: string; error: string }[] = [];
  let heap: HeapResult | { error: string };
  let mutating: MutatingSummary | { error: string };
  try {
    printTable([], true);
    for (const name of pages) {
      // A load that times out once on a busy machine gets a second chance in a fresh tab, so a
      // hiccup does not leave a page out of the totals; a page that fails twice is reported.
      for (let attempt = 1; attempt <= 2; attempt++) {
        try {
          const row = await benchPageFile(h, name, { runs, methods, markjsRuns, markjsBudgetMs });
          rows.push(row);
          printTable([row], false);
          break;
        } catch (err) {
          const message = (err as Error).message.split('\n')[0]?.slice(0, 300) ?? '';
          console.log(`  ${name}: FAILED ${message}${attempt === 1 ? '; trying once more' : ''}`);
          if (attempt === 2) failed.push({ page: name, error: message });
        }
      }
    }
    const largest = [...pages].sort((a, b) => statSync(join(CORPUS_DIR, b)).size - statSync(join(CORPUS_DIR, a)).size)[0];
    heap = largest ? await measureHeap(h, largest, runs).catch((err: Error) => ({ error: err.message })) : { error: 'no pages' };
    mutating = await measureMutating(h, runs).catch((err: Error) => ({ error: err.message }));
  } finally {
    await browser.close();
    await server.close();
  }

  const sum = (f: (r: Row) => number | null): number => rows.reduce((a, r) => a + (f(r) ?? 0), 0);
  const floorSum = sum((r) => r.floorMs);
  const totals = {
    pages: rows.length,
    /** Pages that failed twice and are missing from every sum. */
    failedPages: failed,
    floorMs: floorSum,
    backstoryMs: sum((r) => r.backstoryMs),
    backstoryBusyMs: sum((r) => r.backstoryBusyMs),
    markjsMs: methods.includes('markjs') ? sum((r) => r.markjsMs) : null,
    regexpMs: sum((r) => r.regexpMs),
    backstoryOverFloor: ratio(sum((r) => r.backstoryMs), floorSum),
    backstoryBusyOverFloor: ratio(sum((r) => r.backstoryBusyMs), floorSum),
    markjsOverFloor: methods.includes('markjs') ? ratio(sum((r) => r.markjsMs), floorSum) : null,
    regexpOverFloor: ratio(sum((r) => r.regexpMs), floorSum),
    backstoryOverRegexp: ratio(sum((r) => r.backstoryMs), sum((r) => r.regexpMs)),
    /** Sums of the diagnostic breakdown (one extra load per page): where Backstory's time goes. */
    phasesMs: {
      decode: sum((r) => r.phases.decodeMs),
      base64: sum((r) => r.phases.base64Ms),
      walk: sum((r) => r.phases.walkMs),
      scan: sum((r) => r.phases.scanMs),
      resolve: sum((r) => r.phases.resolveMs),
      wrap: sum((r) => r.phases.wrapMs),
      layout: sum((r) => r.phases.layoutMs),
    },
    pagesBackstoryFasterThanRegexp: rows.filter((r) => r.backstoryMs < r.regexpMs).length,
    pagesBackstoryBusyFasterThanRegexp: rows.filter((r) => r.backstoryBusyMs < r.regexpMs).length,
    /**
     * The pages where the pass took longer than the RegExp, with what its marks alone cost the
     * DOM there (the breakdown's wrap and one layout, unsliced): the RegExp marks nothing.
     */
    lossesToRegexp: rows
      .filter((r) => r.backstoryMs >= r.regexpMs)
      .map((r) => ({ page: r.page, backstoryMs: r.backstoryMs, busyMs: r.backstoryBusyMs, regexpMs: r.regexpMs, marks: r.marks, domWrapMs: r.phases.wrapMs, domLayoutMs: r.phases.layoutMs })),
    /** Against the same RegExp when V8 reuses the compilation an earlier load of the page cached. */
    regexpCachedMs: sum((r) => r.regexpCachedMs),
    backstoryOverRegexpCached: ratio(sum((r) => r.backstoryMs), sum((r) => r.regexpCachedMs)),
    pagesBackstoryFasterThanRegexpCached: rows.filter((r) => r.backstoryMs < r.regexpCachedMs).length,
    decodeMs: sum((r) => r.decodeMs),
    /** What the pass costs without the index decode (the part that does not grow with the page). */
    backstoryWithoutDecodeOverFloor: ratio(sum((r) => r.backstoryMs) - sum((r) => r.decodeMs), floorSum),
    longestSliceMs: Math.max(0, ...rows.map((r) => r.longestSliceMs)),
    longestSlicePage: [...rows].sort((a, b) => b.longestSliceMs - a.longestSliceMs)[0]?.page ?? null,
    /** The same from each page's median run, which machine noise moves less. */
    longestSliceMedianMs: Math.max(0, ...rows.map((r) => r.longestSliceMedianMs)),
    longestSliceMedianPage: [...rows].sort((a, b) => b.longestSliceMedianMs - a.longestSliceMedianMs)[0]?.page ?? null,
    pagesWithSliceOver50ms: rows.filter((r) => r.longestSliceMedianMs > 50).map((r) => r.page),
    longestLongTaskMs: Math.max(0, ...rows.map((r) => r.longTaskMs)),
    pagesWithLongTask: rows.filter((r) => r.longTaskMs > 0).map((r) => r.page),
  };
  const targets = {
    totalAtMost10xFloor: totals.backstoryOverFloor <= 10,
    fasterThanRegexpOnEveryPage: totals.pagesBackstoryFasterThanRegexp === rows.length,
    /** Judged on each page's median run; noTaskOver50msInEveryRun also counts the noisiest run. */
    noTaskOver50ms: totals.longestSliceMedianMs <= 50,
    noTaskOver50msInEveryRun: totals.longestSliceMs <= 50 && totals.longestLongTaskMs === 0,
  };
  const worst = {
    backstoryOverFloor: [...rows].sort((a, b) => ratio(b.backstoryMs, b.floorMs) - ratio(a.backstoryMs, a.floorMs)).slice(0, 5).map((r) => ({ page: r.page, ratio: ratio(r.backstoryMs, r.floorMs) })),
    backstoryOverRegexp: [...rows].sort((a, b) => ratio(b.backstoryMs, b.regexpMs) - ratio(a.backstoryMs, a.regexpMs)).slice(0, 5).map((r) => ({ page: r.page, ratio: ratio(r.backstoryMs, r.regexpMs) })),
  };

  console.log('\nTotals over', rows.length, 'pages (medians of', runs, 'fresh loads each):');
  if (failed.length > 0) console.log(`  NOT in the totals, failed twice: ${failed.map((f) => f.page).join(', ')}`);
  console.log(`  backstory / floor   ${totals.backstoryOverFloor.toFixed(2)}×   (busy only: ${totals.backstoryBusyOverFloor.toFixed(2)}×; without the index decode: ${totals.backstoryWithoutDecodeOverFloor.toFixed(2)}×)   target ≤ 10×: ${targets.totalAtMost10xFloor ? 'MET' : 'NOT MET'}`);
  const p = totals.phasesMs;
  console.log(`    where it goes (step by step, summed): decode ${p.decode.toFixed(0)} ms (base64 ${p.base64.toFixed(0)} ms), walk ${p.walk.toFixed(0)} ms, scan ${p.scan.toFixed(0)} ms, resolve ${p.resolve.toFixed(0)} ms; wrap ${p.wrap.toFixed(0)} ms and one layout ${p.layout.toFixed(0)} ms; floor ${floorSum.toFixed(0)} ms`);
  if (totals.markjsOverFloor !== null) console.log(`  mark.js / floor     ${totals.markjsOverFloor.toFixed(0)}×   (${markjsRuns} run(s) per page; ${rows.filter((r) => r.markjsExtrapolated).length} page(s) extrapolated past the ${markjsBudgetMs} ms budget)`);
  console.log(`  regexp / floor      ${totals.regexpOverFloor.toFixed(2)}×   (backstory / regexp ${totals.backstoryOverRegexp.toFixed(3)}×)`);
  console.log(`  backstory faster than the regexp on ${totals.pagesBackstoryFasterThanRegexp}/${rows.length} pages (busy time: ${totals.pagesBackstoryBusyFasterThanRegexp}/${rows.length})   target every page: ${targets.fasterThanRegexpOnEveryPage ? 'MET' : 'NOT MET'}`);
  for (const l of totals.lossesToRegexp) {
    console.log(`    ${l.page}: ${l.backstoryMs.toFixed(1)} ms (busy ${l.busyMs.toFixed(1)}) against ${l.regexpMs.toFixed(1)} ms; its ${l.marks} marks alone cost the DOM ${(l.domWrapMs + l.domLayoutMs).toFixed(1)} ms there (wrap ${l.domWrapMs.toFixed(1)}, one layout ${l.domLayoutMs.toFixed(1)}, unsliced)`);
  }
  console.log(`    when V8 reuses the RegExp compiled by an earlier load: faster on ${totals.pagesBackstoryFasterThanRegexpCached}/${rows.length} pages, backstory / regexp ${totals.backstoryOverRegexpCached.toFixed(3)}×`);
  const differing = rows.filter((r) => r.phases.marks !== r.marks);
  if (differing.length > 0) console.log(`    the breakdown marked differently from the pass on ${differing.map((r) => `${r.page} (${r.phases.marks} vs ${r.marks})`).join(', ')}`);
  console.log(`  longest slice (median run) ${totals.longestSliceMedianMs.toFixed(1)} ms (${totals.longestSliceMedianPage}), over 50 ms on ${totals.pagesWithSliceOver50ms.length} page(s)   target none > 50 ms: ${targets.noTaskOver50ms ? 'MET' : 'NOT MET'}`);
  console.log(`    in any run: longest slice ${totals.longestSliceMs.toFixed(1)} ms (${totals.longestSlicePage}), longest 'longtask' entry ${totals.longestLongTaskMs.toFixed(0)} ms on ${totals.pagesWithLongTask.length} page(s)`);
  console.log(`  worst backstory/floor: ${worst.backstoryOverFloor.map((w) => `${w.page} ${w.ratio.toFixed(1)}×`).join(', ')}`);
  console.log(`  worst backstory/regexp: ${worst.backstoryOverRegexp.map((w) => `${w.page} ${w.ratio.toFixed(2)}×`).join(', ')}`);
  console.log('  content script:', 'error' in contentSize ? contentSize.error : `${contentSize.bytes} bytes (${contentSize.gzipBytes} gzipped) in ${contentSize.files.length} file(s), dist/chrome built ${contentSize.builtAt}`);
  console.log('  heap:', 'error' in heap ? heap.error : `${heap.page}: +${(heap.usedBytes / 1024).toFixed(0)} KiB V8 heap, +${(heap.backingStoreBytes / 1024).toFixed(0)} KiB array buffers, +${(heap.embedderBytes / 1024).toFixed(0)} KiB DOM (Oilpan), ${heap.marks} marks`);
  console.log('  mutating page:', 'error' in mutating ? mutating.error : `Backstory ${mutating.backstoryMs.toFixed(1)} ms in ${mutating.windowMs} ms over ${mutating.passes} passes = ${mutating.ratioToPageWork.toFixed(3)}× the page's own main-thread work (${mutating.pageTaskMs.toFixed(0)} ms); by difference of TaskDuration ${mutating.ratioByDifference.toFixed(3)}×`);

  const results = {
    date: new Date().toISOString(),
    chromium: browser.version(),
    machine: { cpus: (await import('node:os')).cpus().length },
    runs,
    aliasCount: kb.aliases.length,
    entityCount: kb.entities,
    kbErrors: kb.errors,
    indexBytes: kb.indexBytes,
    indexBase64Bytes: kb.base64.length,
    indexTextUnits: kb.indexTextUnits,
    markjs: { version: '8.11.1', chunk: MARKJS_CHUNK, runs: markjsRuns, budgetMs: markjsBudgetMs, pagesExtrapolated: rows.filter((r) => r.markjsExtrapolated).length, options: { accuracy: 'exactly', separateWordSearch: false, acrossElements: false, caseSensitive: true, diacritics: false } },
    totals,
    targets,
    worst,
    contentScript: contentSize,
    heap,
    mutating,
    rows,
  };
  writeFileSync(values.out, JSON.stringify(results, null, 2) + '\n');
  console.log(`\nwrote ${values.out}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
