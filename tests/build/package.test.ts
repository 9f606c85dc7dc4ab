/** `npm run package` writes both store archives, versioned from package.json, with the right manifests. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/shared';

describe('npm run package', () => {
  it('writes a Chrome and a Firefox archive for the package version', () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
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
