/**
 * Builds an extension page as one HTML file with its CSS inlined and one classic script beside
 * it, instead of crxjs's module entry with shared chunks and stylesheets. Every file an
 * extension page loads is a round trip through the browser process before the page can
 * paint: the popup had nine (six modules, three stylesheets), and waiting for them was most
 * of its time to first paint (`npm run bench:ui`). Used for the popup, the page a reader
 * opens most and waits on; the options and full-card pages keep the shared chunks.
 */
import { readFileSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve, basename } from 'node:path';
import preact from '@preact/preset-vite';
import { build, type Plugin } from 'vite';
import { noHtmlSinks } from './vite-plugin-no-html-sinks';
import { afterBuild, editBuiltManifest } from './vite-after-build';

export interface SingleFilePageOptions {
  /** The page's source HTML, relative to the project root; it is written to the same path in the output. */
  html: string;
  /** Its script entry, which the HTML names as `<script type="module" src="./NAME">`. */
  entry: string;
  target: string;
  /** Name the page as the toolbar popup in the built manifest (crxjs is given a manifest without it). */
  popup?: boolean;
}

/** The source page with its module entry replaced by inlined CSS and one deferred classic script. */
export function singleFileHtml(source: string, entry: string, css: string, script: string): string {
  const tag = new RegExp(`\\s*<script type="module" src="\\./${basename(entry).replace(/\./g, '\\.')}"></script>`);
  if (!tag.test(source)) throw new Error(`single-file page: the HTML does not load ./${basename(entry)} as a module`);
  if (/<\/style/i.test(css)) throw new Error('single-file page: the CSS contains </style');
  if (!source.includes('</head>')) throw new Error('single-file page: the HTML has no </head>');
  const head = `\n    <style>${css}</style>\n    <script defer src="./${script}"></script>\n  </head>`;
  return source.replace(tag, '').replace(/\s*<\/head>/, head);
}

export function singleFilePage(opts: SingleFilePageOptions): Plugin {
  return afterBuild('backstory-single-file-page', async ({ root, outDir }) => {
    const pageDir = join(outDir, dirname(opts.html));
    const script = basename(opts.entry).replace(/\.[tj]sx?$/, '.js');
    const work = join(outDir, '.single-file-page');
    await build({
      configFile: false,
      root,
      logLevel: 'warn',
      plugins: [noHtmlSinks(), preact()],
      define: { __BACKSTORY_TARGET__: JSON.stringify(opts.target), 'process.env.NODE_ENV': '"production"' },
      build: {
        outDir: work,
        emptyOutDir: true,
        target: 'es2022',
        minify: true,
        copyPublicDir: false,
        cssCodeSplit: false,
        lib: { entry: opts.entry, formats: ['iife'], name: 'backstoryPage', fileName: () => script, cssFileName: 'page' },
      },
    });
    // Vite marks a library's CSS with a comment; it has no use in the page.
    const css = readFileSync(join(work, 'page.css'), 'utf8').replace(/\/\*\$vite\$:\d+\*\//g, '').trim();
    const html = singleFileHtml(readFileSync(resolve(root, opts.html), 'utf8'), opts.entry, css, script);
    mkdirSync(pageDir, { recursive: true });
    writeFileSync(join(pageDir, basename(opts.html)), html);
    writeFileSync(join(pageDir, script), readFileSync(join(work, script)));
    rmSync(work, { recursive: true, force: true });
    if (opts.popup) {
      editBuiltManifest(outDir, (manifest) => {
        manifest.action = { ...(manifest.action as Record<string, unknown> | undefined), default_popup: opts.html };
      });
    }
  });
}
