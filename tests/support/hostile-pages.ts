/**
 * Generated hostile pages for tests/e2e/hostile.test.ts, and a static server on 127.0.0.1 that
 * serves each with its own content type (an XHTML page must arrive as application/xhtml+xml).
 *
 * Pages whose body a script builds or keeps changing record what their text and markup should
 * be themselves, in the main world: `window.__before` (taken by the page's last inline script,
 * before any content script runs at document_idle) or `window.__expected()` (a detached copy of
 * the body that the page updates exactly as it updates the live one, which we never touch).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { escapeHtml } from './server';

export interface TypedServer {
  url: string;
  page(path: string, body: string, contentType?: string): string;
  close(): Promise<void>;
}

export async function startTypedServer(host = '127.0.0.1'): Promise<TypedServer> {
  const pages = new Map<string, { body: string; type: string }>();
  const server: Server = createServer((req, res) => {
    const page = pages.get(decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/'));
    if (!page) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': `${page.type}; charset=utf-8`, 'cache-control': 'no-store' }).end(page.body);
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const url = `http://${host}:${(server.address() as AddressInfo).port}`;
  return {
    url,
    page(path, body, type = 'text/html') {
      pages.set(path, { body, type });
      return url + path;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Sentences with names the knowledge base knows, and the ids they must produce. */
export const NAMED = [
  'Kim Jong Un met Donald Trump in Singapore.',
  'Analysts in Seoul say North Korea has grown closer to Russia.',
  'Vladimir Putin spoke in Moscow about Ukraine.',
  'Officials in Beijing and Tokyo watched closely.',
];
export const NAMED_IDS = ['kim-jong-un', 'donald-trump', 'seoul', 'moscow'];

const FILLER = 'lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt ut labore et dolore magna aliqua';

const head = (title: string, extra = ''): string =>
  `<head><meta charset="utf-8"><title>${escapeHtml(title)}</title>${extra}</head>`;

/**
 * 5,000 nested elements built by script (the HTML parser flattens anything deeper than 512).
 * Inline elements: Chromium 156 itself crashes laying out a thousand nested blocks (divs,
 * sections), with or without the extension, while it lays out any depth of inline elements.
 */
export function deepPage(depth: number): string {
  return `<!doctype html><html lang="en">${head('Deep')}<body><h1>A deep page</h1><p>At the top: ${NAMED[1]}</p><div id="root"></div><script>
(() => {
  const tags = ['span', 'em', 'b', 'i'];
  let el = document.getElementById('root');
  for (let i = 0; i < ${depth}; i++) { const d = document.createElement(tags[i % tags.length]); el.appendChild(d); el = d; }
  const p = document.createElement('p');
  p.id = 'bottom';
  p.textContent = 'At the bottom, ${NAMED[0]}';
  el.appendChild(p);
  window.__before = { text: document.body.textContent, html: document.body.innerHTML };
})();
</script></body></html>`;
}

/** Many small paragraphs of spans: `paragraphs` × 5 text nodes with words, names in every `every`th. */
export function manyNodesPage(paragraphs: number, every: number): string {
  const words = FILLER.split(' ');
  const w = (i: number): string => `${words[i % words.length]} ${words[(i * 7 + 3) % words.length]}`;
  const out: string[] = [];
  for (let i = 0; i < paragraphs; i++) {
    const last = i % every === 0 ? NAMED[(i / every) % NAMED.length] : w(i + 4);
    out.push(`<p><span>${w(i)}</span> <b>${w(i + 1)}</b> <i>${w(i + 2)}</i> <span>${w(i + 3)}</span> <em>${last}</em></p>`);
  }
  return `<!doctype html><html lang="en">${head('Many nodes')}<body><main><h1>Many text nodes</h1>\n${out.join('\n')}\n</main></body></html>`;
}

/**
 * Rewrites three paragraphs every animation frame, three ways: replacing the paragraph's text
 * (textContent), updating its text node in place (nodeValue, as React, Preact and Vue do), and
 * taking a text node out of its paragraph and putting it back by reference (conditional
 * rendering), with the parent the page remembers. window.__raf.stop() ends it.
 */
export function rafPage(): string {
  return `<!doctype html><html lang="en">${head('Live')}<body><article><h1>Live page</h1>
<p>${NAMED[1]}</p><p>${NAMED[2]}</p>
<p id="replace">Frame 0: ${NAMED[0]}</p>
<p id="in-place">Frame 0: ${NAMED[0]}</p>
<p id="toggle">Frame 0: ${NAMED[0]}</p>
<p>${NAMED[3]}</p></article><script>
(() => {
  const pristine = document.body.cloneNode(true);
  const live = (root) => ({ replace: root.querySelector('#replace'), inPlace: root.querySelector('#in-place'), toggle: root.querySelector('#toggle') });
  const page = live(document), copy = live(pristine);
  const inPlaceText = page.inPlace.firstChild, toggleText = page.toggle.firstChild;
  const text = (n, i) => 'Frame ' + n + ': ' + ${JSON.stringify(NAMED)}[i % ${NAMED.length}];
  let frames = 0, running = true, shown = true;
  function frame() {
    if (!running) return;
    frames++;
    const t = text(frames, Math.floor(frames / 30));
    page.replace.textContent = t;
    copy.replace.textContent = t;
    inPlaceText.nodeValue = t;
    copy.inPlace.textContent = t;
    if (frames % 20 === 0) {
      shown = !shown;
      if (shown) page.toggle.appendChild(toggleText); else page.toggle.removeChild(toggleText);
    }
    if (shown) toggleText.nodeValue = t;
    copy.toggle.textContent = shown ? t : '';
    requestAnimationFrame(frame);
  }
  requestAnimationFrame(frame);
  window.__raf = {
    stop() { running = false; },
    get frames() { return frames; },
  };
  window.__expected = () => ({ text: pristine.textContent, html: pristine.innerHTML });
})();
</script></body></html>`;
}

/**
 * Takes our marks apart as soon as they appear, five ways, chosen by the paragraph's
 * data-hostile: unwrap (replaceWith its children), recreate (replace with a new text node of the
 * same text), rewrap (move it into the page's own <b>), reinsert (remove it and put it back in
 * place), late (unwrap 30 ms later). Every way keeps the text. After 1.5 s the page appends a copy
 * of the section, so the marks arrive while our observer listens, too.
 */
export function unwrapPage(): string {
  const ways = ['unwrap', 'recreate', 'rewrap', 'reinsert', 'late'];
  const paras = ways.map((w, i) => `<p data-hostile="${w}">${w}: ${NAMED[i % NAMED.length]} ${NAMED[(i + 1) % NAMED.length]}</p>`).join('\n');
  return `<!doctype html><html lang="en">${head('Unwrapping')}<body><h1>The page that takes marks apart</h1>
<section id="hostile">${paras}</section><p>A calm paragraph: ${NAMED[2]}</p><script>
(() => {
  const pristine = document.body.cloneNode(true);
  const copyOf = pristine.querySelector('#hostile').cloneNode(true);
  const seen = new WeakSet();
  window.__hostile = { handled: 0 };
  function handle(m) {
    const host = m.closest('[data-hostile]');
    if (!host || seen.has(m)) return;
    seen.add(m);
    window.__hostile.handled++;
    switch (host.dataset.hostile) {
      case 'unwrap': m.replaceWith(...m.childNodes); break;
      case 'recreate': m.replaceWith(document.createTextNode(m.textContent)); break;
      case 'rewrap': { const b = document.createElement('b'); b.className = 'page-wrap'; m.replaceWith(b); b.append(m); break; }
      case 'reinsert': { const parent = m.parentNode, next = m.nextSibling; m.remove(); parent.insertBefore(m, next); break; }
      case 'late': setTimeout(() => { if (m.isConnected) m.replaceWith(...m.childNodes); }, 30); break;
    }
  }
  new MutationObserver((records) => {
    for (const r of records) for (const n of r.addedNodes) {
      if (n.nodeType !== 1) continue;
      if (n.localName === 'backstory-mention') handle(n);
      for (const m of n.querySelectorAll('backstory-mention')) handle(m);
    }
  }).observe(document.body, { childList: true, subtree: true });
  setTimeout(() => {
    document.body.appendChild(copyOf.cloneNode(true));
    pristine.appendChild(copyOf.cloneNode(true));
    window.__hostile.added = true;
  }, 1500);
  window.__expected = () => ({ text: pristine.textContent, html: pristine.innerHTML });
})();
</script></body></html>`;
}

/**
 * Replaces DOM built-ins in the main world with versions that throw or lie, and defines our own
 * tag as a custom element whose constructor throws. Our content script runs in an isolated
 * world and must not notice any of it.
 */
export function hostilePrototypesPage(): string {
  const script = `<script>
(() => {
  const boom = (what) => function () { throw new Error('hostile page: ' + what); };
  customElements.define('backstory-mention', class extends HTMLElement { constructor() { super(); throw new Error('hostile page: mention constructor'); } });
  for (const [proto, names] of [
    [Node.prototype, ['appendChild', 'insertBefore', 'replaceChild', 'removeChild', 'cloneNode', 'normalize', 'contains', 'compareDocumentPosition']],
    [Element.prototype, ['attachShadow', 'append', 'prepend', 'after', 'before', 'replaceWith', 'remove', 'closest', 'matches', 'setAttribute', 'getAttribute', 'hasAttribute', 'removeAttribute', 'querySelector', 'querySelectorAll', 'getBoundingClientRect', 'getClientRects']],
    [CharacterData.prototype, ['appendData', 'deleteData', 'insertData', 'replaceData']],
    [Text.prototype, ['splitText']],
    [Document.prototype, ['createElement', 'createElementNS', 'createTextNode', 'createTreeWalker', 'createRange', 'querySelector', 'querySelectorAll']],
    [EventTarget.prototype, ['dispatchEvent']],
    [Performance.prototype, ['mark', 'measure', 'getEntriesByName', 'now']],
  ]) for (const name of names) Object.defineProperty(proto, name, { value: boom(name), configurable: true, writable: true });
  for (const [proto, name] of [[Node.prototype, 'textContent'], [Node.prototype, 'parentNode'], [Node.prototype, 'childNodes'], [Node.prototype, 'firstChild'], [Node.prototype, 'nextSibling'], [Node.prototype, 'isConnected'], [CharacterData.prototype, 'data'], [Node.prototype, 'nodeValue'], [Element.prototype, 'localName'], [Element.prototype, 'shadowRoot'], [Element.prototype, 'innerHTML'], [HTMLElement.prototype, 'dataset'], [HTMLElement.prototype, 'hidden'], [Document.prototype, 'body'], [Document.prototype, 'title']])
    Object.defineProperty(proto, name, { get: boom(name + ' getter'), set: boom(name + ' setter'), configurable: true });
  customElements.define = boom('customElements.define');
  window.MutationObserver = boom('MutationObserver');
  window.IntersectionObserver = boom('IntersectionObserver');
  window.ResizeObserver = boom('ResizeObserver');
  window.requestAnimationFrame = boom('requestAnimationFrame');
  window.getComputedStyle = boom('getComputedStyle');
  window.matchMedia = boom('matchMedia');
  Object.defineProperty(window, 'scheduler', { get: boom('scheduler') });
  Array.prototype.push = boom('Array.prototype.push');
  Promise.prototype.then = boom('Promise.prototype.then');
  JSON.parse = boom('JSON.parse');
  window.__hostileReady = true;
})();
</script>`;
  return `<!doctype html><html lang="en">${head('Hostile built-ins', script)}<body><article><h1>Hostile built-ins</h1>
${NAMED.map((p) => `<p>${p}</p>`).join('\n')}
</article></body></html>`;
}

/** No doctype: quirks mode, with the sloppy markup quirks pages carry. */
export function quirksPage(): string {
  return `<html><head><title>Quirks</title></head><body bgcolor=white><center><font face=Arial size=2>
<table width=100%><tr><td>${NAMED[0]}<td>${NAMED[1]}</table>
<p>${NAMED[2]}<p>${NAMED[3]}<br><b><i>Kim Jong Un</b> and Donald Trump</i>
</font></center></body></html>`;
}

export function xhtmlPage(): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" lang="en"><head><meta charset="utf-8"/><title>XHTML</title></head>
<body><article><h1>Served as application/xhtml+xml</h1>
${NAMED.map((p) => `<p>${p}</p>`).join('\n')}
<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><text>Kim Jong Un</text></svg>
</article></body></html>`;
}

export function framesetPage(a: string, b: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>Frames</title></head>
<frameset cols="50%,50%"><frame src="${a}" name="a"><frame src="${b}" name="b"><noframes>${NAMED[0]}</noframes></frameset></html>`;
}

export function articlePage(title: string, paragraphs: string[]): string {
  return `<!doctype html><html lang="en">${head(title)}<body><article><h1>${escapeHtml(title)}</h1>
${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
</article></body></html>`;
}

/**
 * `count` paragraphs of about `chars` characters, each with every NAMED sentence in it, and a
 * main-world recorder of animation frames and of the marks as they arrive (window.__frames and
 * window.__marks: when, and in which paragraph). With `rewrite`, the first frame after the
 * first mark puts "Yes, " before the text of every paragraph still without marks: text the
 * annotator has scanned and is about to wrap.
 */
export function longParagraphsPage(count: number, chars: number, rewrite = false): string {
  const unit = `${FILLER}. ${NAMED.join(' ')} `;
  const paragraph = unit.repeat(Math.ceil(chars / unit.length)).slice(0, chars).trimEnd();
  const recorder = `<script>
  const frames = window.__frames = [], marks = window.__marks = [];
  const paragraphs = document.getElementsByTagName('p');
  let rewritten = ${!rewrite};
  const loop = () => {
    frames.push(performance.now());
    if (!rewritten && marks.length > 0) {
      rewritten = true;
      for (const p of paragraphs) if (!p.querySelector('backstory-mention')) p.firstChild.data = 'Yes, ' + p.firstChild.data;
    }
    requestAnimationFrame(loop);
  };
  requestAnimationFrame(loop);
  new MutationObserver((records) => {
    const t = performance.now();
    for (const r of records) for (const n of r.addedNodes) {
      if (n.localName === 'backstory-mention') marks.push({ t, p: Array.prototype.indexOf.call(paragraphs, n.closest('p')) });
    }
  }).observe(document.documentElement, { childList: true, subtree: true });
  // A mark's own definition: it runs the moment the mark is inserted, and records how many
  // layouts Backstory had done by then, so each mark is laid out by the next one.
  const placed = window.__placed = [];
  if (!${rewrite}) customElements.define('backstory-mention', class extends HTMLElement {
    connectedCallback() {
      placed.push({ layouts: performance.getEntriesByName('backstory:layout').length, p: Array.prototype.indexOf.call(paragraphs, this.closest('p')) });
    }
  });
</script>`;
  return `<!doctype html><html lang="en">${head('Long paragraphs', recorder)}<body><article>
${Array.from({ length: count }, () => `<p>${escapeHtml(paragraph)}</p>`).join('\n')}
</article></body></html>`;
}

/** An about:blank iframe the page fills by script and a srcdoc iframe, both with names. */
export function iframesPage(): string {
  const srcdoc = `<!doctype html><html><body><p>srcdoc: ${NAMED[0]}</p><p>${NAMED[2]}</p></body></html>`;
  return `<!doctype html><html lang="en">${head('Iframes')}<body><article><h1>Frames without a URL</h1>
<p>${NAMED[1]}</p>
<iframe id="blank" title="blank"></iframe>
<iframe id="srcdoc" title="srcdoc" srcdoc="${escapeHtml(srcdoc)}"></iframe>
<p>${NAMED[3]}</p></article><script>
(() => {
  const doc = document.getElementById('blank').contentDocument;
  const p = doc.createElement('p');
  p.textContent = 'about:blank: ${NAMED[0]}';
  doc.body.appendChild(p);
  window.__blankBefore = { text: doc.body.textContent, html: doc.body.innerHTML };
})();
</script></body></html>`;
}

/** One text node of about `bytes` characters with a named sentence every `every` characters. */
export function hugeTextPage(bytes: number, every: number): string {
  const parts: string[] = [];
  let n = 0;
  let i = 0;
  while (n < bytes) {
    const filler = FILLER.repeat(Math.ceil(every / FILLER.length)).slice(0, every);
    const s = `${filler}. ${NAMED[i++ % NAMED.length]} `;
    parts.push(s);
    n += s.length;
  }
  // Some Chromium versions' parser splits text into 64K-unit nodes: the page joins them, as a
  // script writing one big node would, and notes on <html> (outside the compared body) how many it holds.
  const join = `<script>const h = document.getElementById('huge'); h.normalize(); document.documentElement.dataset.hugeNodes = String(h.childNodes.length);</script>`;
  return `<!doctype html><html lang="en">${head('Huge text')}<body><article><h1>One huge text node</h1><p id="huge">${parts.join('')}</p><p id="after">${NAMED[1]}</p></article>${join}</body></html>`;
}

/**
 * Right-to-left and mixed scripts around English names: Arabic, Hebrew, Persian, CJK with and
 * without spaces, emoji (flags, ZWJ sequences, skin tones), combining marks, bidi controls, and
 * lone surrogates (which HTML cannot carry, so a script adds them as text nodes).
 */
export function mixedScriptsPage(): string {
  const lines = [
    'التقى Kim Jong Un مع Donald Trump في سنغافورة عام 2018.',
    'ראש הממשלה נפגש עם Vladimir Putin ב-Moscow בשבוע שעבר.',
    'رئیس‌جمهور در Seoul با مقامات North Korea دیدار کرد.',
    '金正恩在 Singapore 会见了 Donald Trump。北京と東京は注視した。김정은은 Seoul 에서 말했다.',
    '金正恩在Singapore会见了Donald Trump。',
    '👩🏽‍💻 Kim Jong Un 🇰🇵🇺🇸 Donald Trump 👨‍👩‍👧‍👦 in Singapore 🎉.',
    'Combining: Kim Jong Un\u0301 met Dónald Trump and Mosco\u0301w; Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o̙̔ͮ̇͐̇ Seoul.',
    'Bidi: \u202eKim Jong Un\u202c and \u2067Donald Trump\u2069 and \u200fMoscow\u200e.',
  ];
  return `<!doctype html><html dir="rtl" lang="ar">${head('مختلط')}<body><article><h1>نص مختلط with Seoul</h1>
${lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('\n')}
<p id="lone"></p></article><script>
(() => {
  const p = document.getElementById('lone');
  for (const t of ['\\uD800Kim Jong Un\\uDC00 met Donald Trump\\uD83D', ' \\uDE00Moscow\\uD83D', '\\uDFFF in Seoul\\uDBFF']) p.appendChild(document.createTextNode(t));
  window.__before = { text: document.body.textContent, html: document.body.innerHTML };
})();
</script></body></html>`;
}
