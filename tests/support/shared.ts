/**
 * ../shared (seed articles, corpus pages) sits beside the repository in CI and on the
 * team's machines, never in a user's clone. Suites that need it skip with a visible notice
 * when it is missing, except in CI, where a missing ../shared is an error.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const SHARED = resolve(process.env.BACKSTORY_SHARED ?? join(ROOT, '..', 'shared'));
export const SEEDS_DIR = join(SHARED, 'seeds');
export const CORPUS_DIR = join(SHARED, 'corpus', 'pages');

export function hasShared(what: string = SEEDS_DIR): boolean {
  if (existsSync(what)) return true;
  if (process.env.CI) throw new Error(`${what} is missing; CI must run every suite`);
  console.warn(`\n  NOTICE: ${what} not found — suites that need ../shared are SKIPPED on this clone.\n`);
  return false;
}

export interface Seed {
  file: string;
  title: string;
  paragraphs: string[];
  text: string;
}

export function readSeeds(): Seed[] {
  return readdirSync(SEEDS_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((file) => {
      const text = readFileSync(join(SEEDS_DIR, file), 'utf8');
      const lines = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '');
      return { file, title: lines[0] ?? file, paragraphs: lines.slice(1), text };
    });
}

export function corpusPages(): string[] {
  return readdirSync(CORPUS_DIR).filter((f) => f.endsWith('.html')).sort();
}
