/**
 * Untrusted text stays text: script payloads planted in a knowledge-base entry, in a page and
 * in an imported settings file render inert. The worker answers malformed messages with errors
 * and keeps serving, and web pages cannot reach it at all.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, waitForAnnotation, type Extension } from '../support/extension';
import { articleHtml, escapeHtml, startServer, type TestServer } from '../support/server';
import { ROOT } from '../support/shared';
import { waitForCard } from '../support/card';

const PAYLOAD = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';

describe('untrusted text and messages', () => {
  let ext: Extension;
  let server: TestServer;
  let work: string;

  beforeAll(async () => {
    // A build whose knowledge base carries a payload in a real entity's summary and role.
    work = mkdtempSync(join(tmpdir(), 'backstory-payload-'));
    const kb = join(work, 'data');
    cpSync(join(ROOT, 'src/kb/data'), kb, { recursive: true });
    const file = join(kb, 'people/north-korea.json');
    const people = JSON.parse(readFileSync(file, 'utf8')) as { id: string; summary: string; role?: string }[];
    const kim = people.find((p) => p.id === 'kim-jong-un');
    if (!kim) throw new Error('kim-jong-un missing');
    kim.summary = `${PAYLOAD} Leader.`;
    kim.role = PAYLOAD;
    writeFileSync(file, JSON.stringify(people));
    const dist = join(work, 'dist');
    execFileSync('npx', ['vite', 'build', '--mode', 'e2e', '--outDir', dist], {
      cwd: ROOT,
      env: { ...process.env, BACKSTORY_KB_DIR: kb, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
      stdio: 'pipe',
    });
    server = await startServer();
    ext = await launchExtension({ dist });
  }, 180_000);
  afterAll(async () => {
    await ext?.close();
    await server?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('renders a knowledge-base payload as inert text in the card', async () => {
    const page = await ext.context.newPage();
    await page.goto(server.page('/k.html', articleHtml('Kim', ['Kim Jong Un spoke.'])));
    await waitForAnnotation(page);
    await page.locator('backstory-mention[data-entity="kim-jong-un"]').first().hover();
    await waitForCard(page, 'Kim Jong Un');
    await page.waitForTimeout(300);
    const seen = await page.evaluate(() => {
      const root = document.querySelector('backstory-card')?.shadowRoot;
      return {
        summary: root?.querySelector('.summary')?.textContent,
        role: root?.querySelector('.role')?.textContent,
        elements: root?.querySelectorAll('img, script').length,
        pwned: (window as unknown as { __pwned?: number }).__pwned,
      };
    });
    expect(seen.summary).toBe(`${PAYLOAD} Leader.`);
    expect(seen.role).toBe(PAYLOAD);
    expect(seen.elements).toBe(0);
    expect(seen.pwned).toBeUndefined();
  });

  it('wraps page text that looks like markup without ever parsing it', async () => {
    const page = await ext.context.newPage();
    await page.goto(server.page('/p.html', articleHtml('Payload', [`${PAYLOAD} Kim Jong Un met Donald Trump.`])));
    await waitForAnnotation(page);
    const seen = await page.evaluate(() => ({
      text: document.querySelector('p')?.textContent,
      elements: document.querySelectorAll('p img, p script').length,
      mentions: document.querySelectorAll('p backstory-mention').length,
    }));
    expect(seen.text).toBe(`${PAYLOAD} Kim Jong Un met Donald Trump.`);
    expect(seen.elements).toBe(0);
    expect(seen.mentions).toBe(2);
    expect(escapeHtml(PAYLOAD)).toContain('&lt;img');
  });

  it('shows an imported payload as text and changes nothing', async () => {
    const options = await ext.openPage('src/options/index.html');
    const file = JSON.stringify({ kind: 'backstory-settings', settings: { addedSites: [PAYLOAD], mutedEntities: [PAYLOAD] } });
    await options.locator('input[name="import"]').setInputFiles({ name: 'evil.json', mimeType: 'application/json', buffer: Buffer.from(file) });
    await expect.poll(() => options.locator('.backup .error').textContent()).toMatch(/Nothing was changed/);
    expect(await options.locator('.backup img, .backup script').count()).toBe(0);
    expect(await options.locator('.added li').count()).toBe(0);
  });

  it('answers malformed messages with errors and keeps serving', async () => {
    const page = await ext.openPage('src/options/index.html');
    const answers = await page.evaluate(async () => {
      const api = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome;
      const send = (m: unknown) => api.runtime.sendMessage(m).catch((e: Error) => ({ thrown: e.message }));
      return {
        unknown: await send({ backstory: 1, type: 'worker/self-destruct', payload: {} }),
        shape: await send({ backstory: 1, type: 'card/get', payload: { id: 42 } }),
        huge: await send({ backstory: 1, type: 'kb/search', payload: { query: 'x'.repeat(100_000) } }),
        foreign: await send({ type: 'card/get', payload: { id: 'kim-jong-un' } }),
        good: await send({ backstory: 1, type: 'card/get', payload: { id: 'north-korea' } }),
      };
    });
    expect(answers.unknown).toEqual({ ok: false, error: 'unknown type worker/self-destruct' });
    expect(answers.shape).toMatchObject({ ok: false });
    expect(answers.huge).toEqual({ ok: false, error: 'payload too large' });
    expect(answers.foreign).toEqual({ ok: false, error: 'not a Backstory message' });
    expect(answers.good).toMatchObject({ ok: true, value: { id: 'north-korea', name: 'North Korea' } });
  });

  it('cannot be reached from a web page', async () => {
    const page = await ext.context.newPage();
    await page.goto(server.page('/w.html', articleHtml('Web', ['Nothing here.'])));
    const reach = await page.evaluate(async (id) => {
      const c = (globalThis as unknown as { chrome?: { runtime?: { sendMessage?: (id: string, m: unknown) => Promise<unknown> } } }).chrome;
      if (!c?.runtime?.sendMessage) return 'no runtime.sendMessage';
      try {
        await c.runtime.sendMessage(id, { backstory: 1, type: 'card/get', payload: { id: 'north-korea' } });
        return 'answered';
      } catch (e) {
        return `refused: ${(e as Error).message}`;
      }
    }, ext.id);
    expect(reach).not.toBe('answered');
  });
});
