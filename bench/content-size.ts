/**
 * The size of what the browser loads for the content script: the file the manifest names
 * plus, when that is a loader, every module it imports, statically or through getURL().
 */
import { execSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ROOT } from '../scripts/kb-files';

export interface ContentSize {
  files: { file: string; bytes: number }[];
  bytes: number;
  gzipBytes: number;
  /** When the measured build was made: a stale dist/chrome is measured as it is. */
  builtAt: string;
}

const IMPORTS = [
  /\bfrom\s*["']([^"']+\.js)["']/g,
  /\bimport\s*["']([^"']+\.js)["']/g,
  /\bimport\(\s*["']([^"']+\.js)["']\s*\)/g,
  /getURL\(\s*["']([^"']+\.js)["']\s*\)/g,
];

export function contentScriptSize(dist = join(ROOT, 'dist', 'chrome')): ContentSize {
  const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8')) as { content_scripts?: { js?: string[] }[] };
  const entry = manifest.content_scripts?.[0]?.js ?? [];
  const seen = new Set<string>();
  const queue = entry.map((f) => join(dist, f));
  while (queue.length > 0) {
    const file = queue.shift() as string;
    if (seen.has(file) || !existsSync(file)) continue;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    for (const re of IMPORTS) {
      for (const m of source.matchAll(re)) {
        const spec = m[1] as string;
        // getURL() paths are relative to the extension root, import specifiers to the file.
        queue.push(re.source.startsWith('getURL') || !spec.startsWith('.') ? join(dist, spec.replace(/^\//, '')) : resolve(dirname(file), spec));
      }
    }
  }
  const files = [...seen].map((f) => ({ file: relative(dist, f), bytes: readFileSync(f).length }));
  const all = Buffer.concat([...seen].map((f) => readFileSync(f)));
  const builtAt = statSync(join(dist, 'manifest.json')).mtime.toISOString();
  return { files, bytes: all.length, gzipBytes: gzipSync(all).length, builtAt };
}

/** Builds dist/chrome when it is missing; returns why not when the build fails. */
export function ensureChromeBuild(): string | null {
  if (existsSync(join(ROOT, 'dist', 'chrome', 'manifest.json'))) return null;
  console.log('dist/chrome is missing: running npm run build …');
  try {
    execSync('npm run -s build', { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    return null;
  } catch (err) {
    const stderr = String((err as { stderr?: Buffer }).stderr ?? '').trim().split('\n').slice(-3).join(' / ');
    return `npm run build failed: ${stderr || (err as Error).message}`;
  }
}
