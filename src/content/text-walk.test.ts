// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { SKIP_SELECTOR } from './dom-filter';
import { firstOutside, MAX_TEXT, TextCursor, textNodes, worthScanning } from './text-walk';

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

describe('TextCursor', () => {
  const handed = (root: Node): string[] => {
    const cursor = new TextCursor(document, root);
    const out: string[] = [];
    for (let t = cursor.next(); t; t = cursor.next()) {
      // What the cursor read is what the node holds.
      expect(cursor.text).toBe(t.data);
      out.push(cursor.allows(t) ? t.data : `(${t.data})`);
    }
    return out;
  };

  it('jumps past excluded subtrees: nested, empty, adjacent, and ones that hold only more of them', () => {
    document.body.innerHTML = `<p>One</p><a href="#"></a><a href="#"><span>Two</span><code>Three</code></a><button>Four</button>
      <p>Five <span role="article">Six</span> <span role="button">Seven</span></p><div hidden><nav>Eight</nav></div>
      <div style="color: red; display:none">Nine</div><div style="display: block">Ten</div><svg><text>Eleven</text></svg><p>Twelve</p>`;
    expect(handed(document.body)).toEqual(['One', 'Five ', 'Six', 'Ten', 'Twelve']);
  });

  it('steps over a lone text child in one move, and falls back to the full jump for everything else', () => {
    // Lone text children (the quick path), one that opens with text and holds more, one that
    // opens with a comment or an element, and one whose text is empty.
    document.body.innerHTML = `<p>Aa</p><a>Xx</a><a>Yy</a><p>Bb</p><a>Putin <b>in</b> <code>Moscow</code></a><p>Cc</p>
      <button><!-- icon -->Menu</button><p>Dd</p><a><span>Seoul</span></a><a></a><a>Zz</a><p>Ee</p><label></label><kbd>Ctrl</kbd><p>Ff</p>`;
    (document.querySelector('label') as Element).append('');
    expect(handed(document.body)).toEqual(['Aa', 'Bb', 'Cc', 'Dd', 'Ee', 'Ff']);
  });

  it('hands out text of page chrome the query does not list, which allows() then refuses', () => {
    document.body.innerHTML = '<div class="cookie-banner"><p>We use cookies</p></div><p>Seoul</p>';
    expect(handed(document.body)).toEqual(['(We use cookies)', 'Seoul']);
    expect(texts(document.body)).toEqual(['Seoul']);
  });

  it('keeps going when the page changes the tree between calls', () => {
    document.body.innerHTML = '<p id="a">Alpha</p><a id="l" href="#">Link</a><p id="b">Beta</p><code>Code</code><p>Gamma</p>';
    const cursor = new TextCursor(document, document.body);
    expect(cursor.next()?.data).toBe('Alpha');
    // The stop the cursor planned (the link's text) goes away, and a new link arrives.
    document.getElementById('l')?.remove();
    document.getElementById('b')?.insertAdjacentHTML('afterend', '<a href="#">New link</a>');
    const rest: string[] = [];
    for (let t = cursor.next(); t; t = cursor.next()) if (cursor.allows(t)) rest.push(t.data);
    expect(rest).toEqual(['Beta', 'Gamma']);
  });

  it('walks on when the page moves the text of its next stop out of the excluded element', () => {
    document.body.innerHTML = '<p>Alpha</p><a id="l" href="#">Link</a><p>Beta</p><code>Code</code><p>Gamma</p>';
    const cursor = new TextCursor(document, document.body);
    expect(cursor.next()?.data).toBe('Alpha');
    // The link's text, the cursor's next stop, is unwrapped into the body.
    const link = document.getElementById('l') as HTMLElement;
    link.replaceWith(...link.childNodes);
    const rest: string[] = [];
    for (let t = cursor.next(); t; t = cursor.next()) rest.push(cursor.allows(t) ? t.data : `(${t.data})`);
    expect(rest).toEqual(['Link', 'Beta', 'Gamma']);
  });
});

describe('worthScanning', () => {
  it('takes text with two visible characters in a row, by the quick test on its opening or by the expression', () => {
    // The quick test: two visible ASCII characters first.
    expect(['Kim', 'US', '"N', '2018 summit'].filter(worthScanning)).toEqual(['Kim', 'US', '"N', '2018 summit']);
    // The expression: openings with a space, a control, non-ASCII or one visible character.
    expect([' Kim', '\n\tUS', '\u00a0Seoul', 'Ésta', '北朝鮮', 'a Kim', '\u00adUN'].filter(worthScanning)).toEqual([' Kim', '\n\tUS', '\u00a0Seoul', 'Ésta', '北朝鮮', 'a Kim', '\u00adUN']);
    // Spaces of every kind, single characters between them, and too short.
    expect(['  ', '\n    \n', '\u00a0\u00a0', '\u3000\u2003', 'a b c', ' a ', 'x', ''].filter(worthScanning)).toEqual([]);
  });
  it('leaves a text node of more than MAX_TEXT characters alone, as a data dump', () => {
    const prose = 'Kim Jong Un met Donald Trump. '.repeat(Math.ceil(MAX_TEXT / 30)).slice(0, MAX_TEXT);
    expect(worthScanning(prose)).toBe(true);
    expect(worthScanning(`${prose}.`)).toBe(false);
    expect(MAX_TEXT).toBeLessThan(250_000);
  });
});

describe('firstOutside', () => {
  it('finds the first listed element past a container, for every split of the list', () => {
    for (let before = 0; before < 3; before++) {
      for (let inside = 0; inside < 40; inside++) {
        for (let after = 0; after < 3; after++) {
          document.body.innerHTML = `${'<i></i>'.repeat(before)}<nav>${'<b></b>'.repeat(inside)}</nav>${'<u></u>'.repeat(after)}`;
          const list = document.body.querySelectorAll('i,nav,b,u');
          const nav = document.querySelector('nav') as Element;
          // From just after the container: the elements inside it, then the ones after.
          expect(firstOutside(list, before + 1, nav)).toBe(before + 1 + inside);
          // Starting past the end, or at an element outside, stays put.
          expect(firstOutside(list, list.length, nav)).toBe(list.length);
          if (after > 0) expect(firstOutside(list, before + 1 + inside, nav)).toBe(before + 1 + inside);
        }
      }
    }
  });
});

describe('SKIP_SELECTOR', () => {
  it('lists the excluded elements that can hold text, and not images or inputs', () => {
    document.body.innerHTML = '<a>a</a><img alt="x"><input value="y"><nav>n</nav><select><option>o</option></select><p role="menu">m</p><picture><img></picture>';
    expect([...document.body.querySelectorAll(SKIP_SELECTOR)].map((e) => e.localName)).toEqual(['a', 'nav', 'select', 'p']);
  });

  it('still never hands out marks inside elements it leaves out, like text put into an image by script', () => {
    document.body.innerHTML = '<p>Seoul</p><img id="i"><p>Tokyo</p>';
    document.getElementById('i')?.append('Pyongyang');
    expect(texts(document.body)).toEqual(['Seoul', 'Tokyo']);
  });
});
