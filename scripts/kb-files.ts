/** Reads the knowledge-base sources from disk and compiles them (Node only). */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileKb, type CompileResult, type SourceFile } from '../src/kb/compile';
import type { WorldCountry } from '../src/kb/countries';

export const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
/** BACKSTORY_KB_DIR points the build at another copy of the data (used by the build-failure test). */
export const KB_DIR = process.env.BACKSTORY_KB_DIR ?? join(ROOT, 'src/kb/data');

function walk(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) return walk(full);
      return name.endsWith('.json') ? [full] : [];
    });
}

export function readSourceFiles(dir = KB_DIR): { files: SourceFile[]; errors: string[] } {
  const files: SourceFile[] = [];
  const errors: string[] = [];
  for (const full of walk(dir)) {
    const path = relative(ROOT, full);
    try {
      files.push({ path, data: JSON.parse(readFileSync(full, 'utf8')) });
    } catch (err) {
      errors.push(`${path}: invalid JSON: ${(err as Error).message}`);
    }
  }
  return { files, errors };
}

export function loadWorldCountries(): WorldCountry[] {
  const require = createRequire(import.meta.url);
  return require('world-countries') as WorldCountry[];
}

export function compileFromDisk(dir = KB_DIR): CompileResult {
  const { files, errors } = readSourceFiles(dir);
  const result = compileKb(files, loadWorldCountries());
  return { ...result, errors: [...errors, ...result.errors] };
}
