import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { singleFileHtml } from './vite-plugin-single-file-page';

// The real popup page, as the build reads it.
const SOURCE = readFileSync(new URL('../src/popup/index.html', import.meta.url), 'utf8');

describe('singleFileHtml', () => {
  it('replaces the module entry with inlined CSS and one deferred classic script in the head', () => {
    const html = singleFileHtml(SOURCE, 'src/popup/main.tsx', 'body{width:360px}', 'main.js');
    expect(html).not.toContain('main.tsx');
    expect(html).toContain('    <style>body{width:360px}</style>\n    <script defer src="./main.js"></script>\n  </head>');
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).toContain('<div id="app"></div>');
  });

  it('fails when the page does not load the entry it is given', () => {
    expect(() => singleFileHtml(SOURCE, 'src/popup/other.tsx', '', 'other.js')).toThrow(/does not load \.\/other\.tsx/);
  });

  it('refuses CSS that would end the style element', () => {
    expect(() => singleFileHtml(SOURCE, 'src/popup/main.tsx', 'a{}</style><p>', 'main.js')).toThrow(/<\/style/);
  });
});
