/**
 * `npm run kb:check`: validate the knowledge base and print statistics.
 * `npm run -s kb:export`: print the compiled knowledge base as a JSON array.
 */
import { compileFromDisk } from './kb-files';
import type { Entity } from '../src/kb/schema';

function countBy<T>(items: T[], key: (t: T) => string[]): [string, number][] {
  const m = new Map<string, number>();
  for (const item of items) for (const k of key(item)) m.set(k, (m.get(k) ?? 0) + 1);
  return [...m].sort((a, b) => b[1] - a[1]);
}

function stats(entities: Entity[], warnings: string[]): string {
  const aliases = entities.reduce((n, e) => n + e.aliases.length, 0);
  const table = (rows: [string, number][]): string => rows.map(([k, n]) => `  ${k.padEnd(16)} ${n}`).join('\n');
  return [
    `${entities.length} entities, ${aliases} aliases`,
    'by type:',
    table(countBy(entities, (e) => [e.type])),
    'by pack:',
    table(countBy(entities, (e) => e.packs)),
    'aliases by language:',
    table(countBy(entities, (e) => e.aliases.map((a) => a.lang ?? 'en'))),
    `${warnings.length} generated aliases dropped for collisions (--verbose lists them)`,
  ].join('\n');
}

const [command = 'check', ...flags] = process.argv.slice(2);
const { entities, errors, warnings } = compileFromDisk();
if (errors.length > 0) {
  process.stderr.write(errors.map((e) => `error: ${e}`).join('\n') + `\n${errors.length} knowledge-base error(s)\n`);
  process.exit(1);
}
if (command === 'export') {
  process.stdout.write(JSON.stringify(entities, null, 2) + '\n');
} else if (command === 'check') {
  if (flags.includes('--verbose')) process.stdout.write(warnings.map((w) => `warning: ${w}`).join('\n') + '\n');
  process.stdout.write(stats(entities, warnings) + '\n');
} else {
  process.stderr.write(`usage: kb.ts check [--verbose] | export\n`);
  process.exit(2);
}
