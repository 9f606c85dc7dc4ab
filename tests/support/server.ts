/** A tiny static server on 127.0.0.1 for browser tests: seed articles, corpus pages, fixtures. */
import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { join, normalize } from 'node:path';
import type { AddressInfo } from 'node:net';
import { CORPUS_DIR, readSeeds } from './shared';

export const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function articleHtml(title: string, paragraphs: string[], extra = ''): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>${extra}</head>
<body><main><article><h1>${escapeHtml(title)}</h1>
${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
</article></main></body></html>`;
}

export interface TestServer {
  url: string;
  /** Serves `html` at `path` (replacing any earlier page there). */
  page(path: string, html: string): string;
  close(): Promise<void>;
}

export async function startServer(host = '127.0.0.1'): Promise<TestServer> {
  const pages = new Map<string, string>();
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/');
    let body = pages.get(path);
    if (body === undefined && path.startsWith('/seed/')) {
      const seed = readSeeds()[Number(path.slice(6))];
      if (seed) body = articleHtml(seed.title, seed.paragraphs);
    }
    if (body === undefined && path.startsWith('/corpus/')) {
      try {
        body = readFileSync(join(CORPUS_DIR, normalize(path.slice(8)).replace(/^(\.\.[/\\])+/, '')), 'utf8');
      } catch {
        body = undefined;
      }
    }
    if (body === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const url = `http://${host}:${(server.address() as AddressInfo).port}`;
  return {
    url,
    page(path, html) {
      pages.set(path, html);
      return url + path;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
