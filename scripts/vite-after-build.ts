/**
 * What the build plugins that run a build of their own share: they run after the main build,
 * only when it succeeded (a failed build has already said why; building on would bury that
 * message), one at a time, because each may rewrite the built manifest.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';

export interface BuildDirs {
  root: string;
  /** The resolved outDir, which honours a command-line --outDir. */
  outDir: string;
}

export function afterBuild(name: string, run: (dirs: BuildDirs) => Promise<void>): Plugin {
  let dirs: BuildDirs = { root: '', outDir: '' };
  let failed = false;
  return {
    name,
    apply: 'build',
    buildEnd(error) {
      failed = error !== undefined;
    },
    configResolved(config) {
      dirs = { root: config.root, outDir: resolve(config.root, config.build.outDir) };
    },
    closeBundle: {
      sequential: true,
      async handler() {
        if (!failed) await run(dirs);
      },
    },
  };
}

/** Reads the built manifest.json, lets `edit` change it, and writes it back. */
export function editBuiltManifest(outDir: string, edit: (manifest: Record<string, unknown>) => void): void {
  const path = join(outDir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  edit(manifest);
  writeFileSync(path, JSON.stringify(manifest, null, 2) + '\n');
}
