import { defineConfig, type PluginOption } from 'vite';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import baseManifest from './manifest.json' with { type: 'json' };
import { backstoryKb } from './scripts/vite-plugin-kb';
import { noHtmlSinks } from './scripts/vite-plugin-no-html-sinks';
import { contentScriptIife, type ContentScriptEntry } from './scripts/vite-plugin-content-script';
import { singleFilePage } from './scripts/vite-plugin-single-file-page';

/** Build targets: `vite build --mode chrome|firefox|e2e` writes dist/<mode>/. */
type Target = 'chrome' | 'firefox' | 'e2e';
const TARGETS: readonly Target[] = ['chrome', 'firefox', 'e2e'];

/** Pages served from these hosts are annotated in the e2e build only, so tests can run locally. */
const E2E_MATCHES = ['http://localhost/*', 'http://127.0.0.1/*'];
/**
 * Not a listed site, but pre-granted in the e2e build: headless Chromium cannot answer a
 * permission prompt, so tests add this host through the real options flow and
 * permissions.request resolves without one.
 */
const E2E_GRANTED = ['*://127.0.0.2/*'];
const GECKO_ID = '{8a38b6c0-77a3-4fdd-9a37-cfb35ab73866}';

function manifestFor(target: Target): ManifestV3Export {
  const m = structuredClone(baseManifest) as Record<string, unknown> & typeof baseManifest;
  const version = process.env.npm_package_version ?? m.version;
  const out: Record<string, unknown> = { ...m, version };
  if (target === 'e2e') {
    const [cs] = m.content_scripts;
    out.content_scripts = [{ ...cs, matches: [...(cs?.matches ?? []), ...E2E_MATCHES] }];
    out.host_permissions = [...m.host_permissions, ...E2E_MATCHES, ...E2E_GRANTED];
  }
  if (target === 'firefox') {
    // Firefox MV3 has no service workers in extensions: the same module runs as a background script.
    out.background = { scripts: [m.background.service_worker], type: 'module' };
    delete out.minimum_chrome_version;
    out.browser_specific_settings = {
      gecko: {
        id: GECKO_ID,
        strict_min_version: '140.0',
        data_collection_permissions: { required: ['none'] },
      },
      gecko_android: { strict_min_version: '142.0' },
    };
  }
  return out as unknown as ManifestV3Export;
}

export default defineConfig(({ mode }) => {
  const target = (TARGETS as readonly string[]).includes(mode) ? (mode as Target) : 'chrome';
  const outDir = `dist/${target}`;
  // crxjs builds the worker and the options and full-card pages; the content script and the
  // popup are built on their own (see the plugins).
  const { content_scripts: contentScripts, action, ...rest } = manifestFor(target) as unknown as Record<string, unknown> & {
    content_scripts: (ContentScriptEntry & { js: string[] })[];
    action: { default_popup: string } & Record<string, unknown>;
  };
  const [cs] = contentScripts;
  if (!cs?.js[0]) throw new Error('manifest.json must declare the content script');
  const { default_popup: popupHtml, ...actionRest } = action;
  const forCrx = { ...rest, action: actionRest };
  const plugins: PluginOption[] = [
    backstoryKb(),
    noHtmlSinks(),
    preact(),
    crx({ manifest: forCrx as unknown as ManifestV3Export, browser: target === 'firefox' ? 'firefox' : 'chrome' }),
    singleFilePage({ html: popupHtml, entry: 'src/popup/main.tsx', target, popup: true }),
    contentScriptIife({ entry: cs.js[0], target, contentScript: { matches: cs.matches, run_at: cs.run_at, all_frames: cs.all_frames } }),
  ];
  return {
    plugins,
    define: { __BACKSTORY_TARGET__: JSON.stringify(target) },
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      // Readable stack traces in bug reports cost nothing offline.
      sourcemap: false,
      minify: true,
      // Pages the manifest does not name are entry points of their own.
      rollupOptions: { input: { full: 'src/full/index.html' } },
    },
    server: { port: 5173, strictPort: true, hmr: false },
  };
});
