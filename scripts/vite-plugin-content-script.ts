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

/** A Unicode noncharacter: U+FDD0 to U+FDEF, and the last two code points of every plane. */
export const isNoncharacter = (cp: number): boolean => (cp >= 0xfdd0 && cp <= 0xfdef) || (cp & 0xfffe) === 0xfffe;

/**
 * Chrome refuses to load a content script holding a noncharacter ("isn't UTF-8 encoded"),
 * though it is valid UTF-8, and then the whole extension fails to load. The match index text
 * holds such values. In the minified script they can only stand in string literals, where an
 * escape means the same: write them as escapes.
 */
export function escapeNoncharacters(code: string): string {
  return code.replace(/[\uFDD0-\uFDEF\uFFFE\uFFFF]|[\uD800-\uDBFF][\uDC00-\uDFFF]/g, (ch) =>
    isNoncharacter(ch.codePointAt(0)!) ? Array.from({ length: ch.length }, (_, i) => `\\u${ch.charCodeAt(i).toString(16)}`).join('') : ch,
  );
}

const noncharactersEscaped: Plugin = {
  name: 'backstory-escape-noncharacters',
  generateBundle(_, bundle) {
    for (const file of Object.values(bundle)) if (file.type === 'chunk') file.code = escapeNoncharacters(file.code);
  },
};

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
      plugins: [backstoryKb({ reuse: true }), noHtmlSinks(), noncharactersEscaped],
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
