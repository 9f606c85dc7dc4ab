// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { elementVerdict, isInsideSkipped } from './dom-filter';

function el(html: string): Element {
  document.body.innerHTML = html;
  return document.body.firstElementChild as Element;
}

describe('elementVerdict', () => {
  it('skips interactive, code, script and media elements', () => {
    for (const html of ['<a href="#">x</a>', '<button>x</button>', '<label>x</label>', '<code>x</code>', '<pre>x</pre>', '<kbd>x</kbd>', '<samp>x</samp>', '<script></script>', '<style></style>', '<template></template>', '<noscript></noscript>', '<textarea></textarea>', '<select></select>', '<nav>x</nav>']) {
      expect(elementVerdict(el(html)), html).toBe('skip');
    }
  });
  it('skips editable, hidden and chrome regions', () => {
    for (const html of ['<div contenteditable="true">x</div>', '<div contenteditable="">x</div>', '<div aria-hidden="true">x</div>', '<div hidden>x</div>', '<div style="display:none">x</div>', '<div role="navigation">x</div>', '<div role="menu">x</div>', '<div id="cookie-banner">x</div>', '<div class="gdpr-consent">x</div>', '<div class="onetrust">x</div>']) {
      expect(elementVerdict(el(html)), html).toBe('skip');
    }
  });
  it('enters article text, headlines and captions', () => {
    for (const html of ['<p>x</p>', '<h1>x</h1>', '<figcaption>x</figcaption>', '<div class="article-body">x</div>', '<div contenteditable="false">x</div>', '<span class="cookies-and-cream-recipe">x</span>']) {
      expect(elementVerdict(el(html)), html).toBe('enter');
    }
  });
  it('skips SVG and MathML content', () => {
    document.body.innerHTML = '<svg><text>Kim</text></svg><math><mi>x</mi></math>';
    expect(elementVerdict(document.querySelector('svg') as Element)).toBe('skip');
    expect(elementVerdict(document.querySelector('math') as Element)).toBe('skip');
    const foreign = document.createElementNS('http://www.w3.org/2000/svg', 'text');
    expect(elementVerdict(foreign)).toBe('skip');
  });
  it('finds skipped ancestors of nodes added later', () => {
    document.body.innerHTML = '<nav><ul><li id="x">Korea</li></ul></nav><p id="y">Korea</p>';
    expect(isInsideSkipped(document.getElementById('x')?.firstChild as Node, document.body)).toBe(true);
    expect(isInsideSkipped(document.getElementById('y')?.firstChild as Node, document.body)).toBe(false);
  });
});
