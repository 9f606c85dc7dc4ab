/**
 * Builds the content script as one self-contained classic script (IIFE) and adds it to the
 * built manifest. crxjs would ship a loader that imports ES chunks through
 * web_accessible_resources: that exposes files to every listed site (a fingerprint) and breaks
 * scripts registered at run time for sites the reader adds, which those resources do not cover.
 */
import { build, type Plugin } from 'vite';
import { backstoryKb } from './vite-plugin-kb';
import { noHtmlSinks } from './vite-plugin-no-html-sinks';
import { afterBuild, editBuiltManifest } from './vite-after-build';

export const CONTENT_SCRIPT_FILE = 'content.js';

export interface ContentScriptEntry {
  matches: string[];
  run_at: string;
  all_frames: boolean;
}

export function contentScriptIife(opts: { entry: string; target: string; contentScript: ContentScriptEntry }): Plugin {
  return afterBuild('backstory-content-script', async ({ outDir }) => {
    await build({
      configFile: false,
      logLevel: 'warn',
      plugins: [backstoryKb({ reuse: true }), noHtmlSinks()],
      define: { __BACKSTORY_TARGET__: JSON.stringify(opts.target), 'process.env.NODE_ENV': '"production"' },
      build: {
        outDir,
        emptyOutDir: false,
        target: 'es2022',
        minify: true,
        copyPublicDir: false,
        lib: { entry: opts.entry, formats: ['iife'], name: 'backstoryContent', fileName: () => CONTENT_SCRIPT_FILE },
        rollupOptions: { output: { inlineDynamicImports: true } },
      },
    });
    editBuiltManifest(outDir, (manifest) => {
      manifest.content_scripts = [{ ...opts.contentScript, js: [CONTENT_SCRIPT_FILE] }];
    });
  });
}
