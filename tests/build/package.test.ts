/** `npm run package` writes both store archives, versioned from package.json, with the right manifests. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { compileFromDisk } from '../../scripts/kb-files';
import { isNoncharacter } from '../../scripts/vite-plugin-content-script';
import { buildMatchIndex } from '../../src/matcher';
import { ROOT } from '../support/shared';

/** The string literal after `key:` (from `from` on) in minified code, read with the JavaScript parser itself. */
function literalAfter(code: string, key: string, from = 0): { value: string; end: number } {
  const at = code.indexOf(`${key}:`, from);
  if (at < 0) throw new Error(`no ${key}: in the content script`);
  const open = at + key.length + 1;
  const quote = code[open];
  if (quote !== '"' && quote !== "'" && quote !== '`') throw new Error(`${key}: is not followed by a string literal`);
  let end = open + 1;
  while (code[end] !== quote) end += code[end] === '\\' ? 2 : 1;
  return { value: new Function(`return ${code.slice(open, end + 1)};`)() as string, end: end + 1 };
}

describe('npm run package', () => {
  it('writes a Chrome and a Firefox archive for the package version', () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const index = buildMatchIndex(compileFromDisk().entities);
    const r = spawnSync('npx', ['tsx', 'scripts/package.ts'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' } });
    expect(r.status, r.stderr).toBe(0);
    const manifestOf = (target: string) => {
      const files = unzipSync(readFileSync(join(ROOT, 'artifacts', `backstory-${target}-${version}.zip`)));
      expect(Object.keys(files)).toContain('content.js');
      expect(Object.keys(files)).toContain('_locales/fr/messages.json');
      // The popup is one HTML file with its CSS inlined and one script beside it.
      const manifest = JSON.parse(strFromU8(files['manifest.json'] as Uint8Array)) as Record<string, unknown> & { version: string; action: { default_popup: string } };
      const popupPath = manifest.action.default_popup;
      const popup = strFromU8(files[popupPath] as Uint8Array);
      const scripts = [...popup.matchAll(/<script\b[^>]*\bsrc="\.\/([^"]+)"/g)].map((m) => m[1]);
      expect(scripts).toHaveLength(1);
      expect(popup).not.toMatch(/<link\b/);
      expect(popup).toMatch(/<style>[^<]*--accent/);
      expect(Object.keys(files)).toContain(popupPath.replace(/[^/]+$/, scripts[0] ?? ''));
      // The match index reaches the content script unchanged through the minifier: every unit
      // of its text (lone surrogates and line breaks included) and every byte.
      const content = strFromU8(files['content.js'] as Uint8Array);
      // Chrome refuses a content script holding a Unicode noncharacter, and the extension with it.
      expect([...content].filter((ch) => isNoncharacter(ch.codePointAt(0)!))).toEqual([]);
      const base64 = literalAfter(content, 'base64');
      expect(base64.value).toBe(Buffer.from(index.bytes).toString('base64'));
      expect(literalAfter(content, 'text', base64.end).value === index.text).toBe(true);
      return manifest;
    };
    const chrome = manifestOf('chrome');
    const firefox = manifestOf('firefox');
    expect(chrome.version).toBe(version);
    expect(firefox.version).toBe(version);
    expect(chrome.background).toMatchObject({ service_worker: expect.any(String) });
    expect(firefox.background).toMatchObject({ scripts: [expect.any(String)] });
    expect(firefox.browser_specific_settings).toMatchObject({ gecko: { data_collection_permissions: { required: ['none'] } } });
    expect(chrome).not.toHaveProperty('externally_connectable');
    expect(chrome).not.toHaveProperty('web_accessible_resources');
  }, 180_000);
});
