/** Builds bench/entry.ts into one minified IIFE (global BackstoryBench), in memory. */
import { join } from 'node:path';
import { build, type Rollup } from 'vite';
import { ROOT } from '../scripts/kb-files';

export const BUNDLE_GLOBAL = 'BackstoryBench';

/** `minify: false` keeps function names, for profiles. */
export async function buildBenchBundle(minify = true): Promise<string> {
  const out = await build({
    configFile: false,
    root: ROOT,
    logLevel: 'warn',
    define: { __BACKSTORY_TARGET__: JSON.stringify('chrome') },
    build: {
      write: false,
      target: 'es2022',
      minify,
      // The same minified code the content script ships, not a debug build.
      lib: { entry: join(ROOT, 'bench/entry.ts'), formats: ['iife'], name: BUNDLE_GLOBAL, fileName: 'bench' },
    },
  });
  const outputs = (Array.isArray(out) ? out : [out]) as Rollup.RollupOutput[];
  const chunk = outputs.flatMap((o) => o.output).find((o): o is Rollup.OutputChunk => o.type === 'chunk');
  if (!chunk) throw new Error('vite produced no bench bundle');
  return chunk.code;
}
