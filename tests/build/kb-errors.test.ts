/** A malformed knowledge-base entry fails the build, naming the file, the entity and the field. */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/shared';

const work = mkdtempSync(join(tmpdir(), 'backstory-kb-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function brokenCopy(edit: (people: Record<string, unknown>[]) => void): string {
  const kb = join(work, `data-${Math.random().toString(36).slice(2)}`);
  cpSync(join(ROOT, 'src/kb/data'), kb, { recursive: true });
  const file = join(kb, 'people/north-korea.json');
  const people = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>[];
  edit(people);
  writeFileSync(file, JSON.stringify(people));
  return kb;
}

function build(kb: string): { status: number | null; output: string } {
  const r = spawnSync('npx', ['vite', 'build', '--mode', 'chrome', '--outDir', join(work, 'dist')], {
    cwd: ROOT,
    env: { ...process.env, BACKSTORY_KB_DIR: kb, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
    encoding: 'utf8',
  });
  return { status: r.status, output: `${r.stdout}\n${r.stderr}` };
}

describe('knowledge-base errors fail the build', () => {
  it('names the file, entity and field of a bad date', () => {
    const kb = brokenCopy((people) => {
      const kim = people.find((p) => p.id === 'kim-jong-un');
      if (kim) kim.asOf = '2025-02-30';
    });
    const { status, output } = build(kb);
    expect(status).not.toBe(0);
    expect(output).toContain('people/north-korea.json: kim-jong-un: asOf: "2025-02-30" is not an ISO date');
  }, 120_000);

  it('names a related id that points nowhere', () => {
    const kb = brokenCopy((people) => {
      const kim = people.find((p) => p.id === 'kim-jong-un') as { related: { id: string; relation: string }[] } | undefined;
      kim?.related.push({ id: 'no-such-entity', relation: 'ally of' });
    });
    const { status, output } = build(kb);
    expect(status).not.toBe(0);
    expect(output).toMatch(/people\/north-korea\.json: kim-jong-un: related\[\d+\]\.id: "no-such-entity" is not an entity id/);
  }, 120_000);
});
