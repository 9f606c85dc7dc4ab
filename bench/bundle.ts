/** Builds bench/entry.ts (and test entries) into one minified IIFE, in memory. */
import { join } from 'node:path';
import { build, type Rollup } from 'vite';
import { ROOT } from '../scripts/kb-files';

export const BUNDLE_GLOBAL = 'BackstoryBench';

/** `minify: false` keeps function names, for profiles. */
export function buildBenchBundle(minify = true): Promise<string> {
  return buildPageBundle(join(ROOT, 'bench/entry.ts'), BUNDLE_GLOBAL, minify);
}

/** Builds `entry` into one IIFE that sets the global `name`, for a page to load as a script. */
export async function buildPageBundle(entry: string, name: string, minify = true): Promise<string> {
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
      lib: { entry, formats: ['iife'], name, fileName: 'bundle' },
    },
  });
  const outputs = (Array.isArray(out) ? out : [out]) as Rollup.RollupOutput[];
  const chunk = outputs.flatMap((o) => o.output).find((o): o is Rollup.OutputChunk => o.type === 'chunk');
  if (!chunk) throw new Error(`vite produced no bundle for ${entry}`);
  return chunk.code;
}
