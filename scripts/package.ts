/**
 * `npm run package`: store-ready archives of the two builds, named with package.json's version:
 * artifacts/backstory-chrome-<version>.zip (Chrome Web Store) and
 * artifacts/backstory-firefox-<version>.zip (addons.mozilla.org).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { zipSync } from 'fflate';

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? files(full) : [full];
  });
}

execFileSync('npm', ['run', '-s', 'build'], { stdio: 'inherit' });
mkdirSync('artifacts', { recursive: true });
for (const target of ['chrome', 'firefox']) {
  const dir = join('dist', target);
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { version: string };
  if (manifest.version !== version) throw new Error(`${dir}/manifest.json has version ${manifest.version}, package.json ${version}`);
  const entries: Record<string, Uint8Array> = {};
  // A fixed timestamp keeps the archives reproducible.
  for (const f of files(dir).sort()) entries[relative(dir, f).split('\\').join('/')] = readFileSync(f);
  const zip = zipSync(Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, [v, { mtime: new Date('2025-01-01T00:00:00Z') }]])), { level: 9 });
  const out = join('artifacts', `backstory-${target}-${version}.zip`);
  writeFileSync(out, zip);
  console.log(`wrote ${out} (${Object.keys(entries).length} files, ${(zip.length / 1024).toFixed(0)} KiB)`);
}
