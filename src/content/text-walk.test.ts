// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { textNodes } from './text-walk';

const texts = (root: Node): string[] => [...textNodes(document, root)].map((t) => t.data);

describe('textNodes', () => {
  it('yields article text and skips excluded subtrees at any depth', () => {
    document.body.innerHTML = `<article><h1>Kim Jong Un</h1><p>Trump met <a href="#">Putin <b>in Moscow</b></a> and Xi.</p>
      <nav><ul><li><span>Korea</span></li></ul></nav><pre><code>Russia</code></pre><div aria-hidden="true"><p>Hidden</p></div>
      <script>var Seoul = 1;</script><backstory-mention>Beijing</backstory-mention><p contenteditable="true">Edit</p><p>  </p></article>`;
    expect(texts(document.body)).toEqual(['Kim Jong Un', 'Trump met ', ' and Xi.']);
  });
  it('starts from a text node or an excluded root', () => {
    document.body.innerHTML = '<p id="a">Seoul</p><nav id="b">Tokyo</nav>';
    expect(texts(document.getElementById('a')?.firstChild as Node)).toEqual(['Seoul']);
    expect(texts(document.getElementById('b') as Node)).toEqual([]);
  });
  it('walks a deep tree without recursion', () => {
    let html = '';
    for (let i = 0; i < 3000; i++) html += '<div>';
    html += 'Pyongyang';
    for (let i = 0; i < 3000; i++) html += '</div>';
    document.body.innerHTML = html;
    expect(texts(document.body)).toEqual(['Pyongyang']);
  });
});
