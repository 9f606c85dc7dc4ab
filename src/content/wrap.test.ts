// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { takePiecesAfter, unwrapMentions, wrapSpans } from './wrap';

function setup(html: string) {
  document.body.innerHTML = html;
  const p = document.querySelector('p') as HTMLParagraphElement;
  return { p, text: p.firstChild as Text };
}

describe('wrapSpans / unwrapMentions', () => {
  it('wraps exactly the matched text and restores the very same text node', () => {
    const { p, text } = setup('<p>Trump met Kim Jong Un in Hanoi.</p>');
    const before = p.innerHTML;
    const els = wrapSpans(document, text, [
      { start: 0, end: 5, entityId: 'donald-trump', type: 'person' },
      { start: 10, end: 21, entityId: 'kim-jong-un', type: 'person' },
      { start: 25, end: 30, entityId: 'hanoi', type: 'place' },
    ]);
    expect(els.map((e) => e.textContent)).toEqual(['Trump', 'Kim Jong Un', 'Hanoi']);
    expect(els.map((e) => e.getAttribute('data-entity'))).toEqual(['donald-trump', 'kim-jong-un', 'hanoi']);
    expect(p.textContent).toBe('Trump met Kim Jong Un in Hanoi.');
    unwrapMentions(els);
    expect(p.innerHTML).toBe(before);
    expect(p.childNodes.length).toBe(1);
    expect(p.firstChild).toBe(text);
  });

  it('restores in any order and keeps adjacent page text nodes apart', () => {
    const { p, text } = setup('<p>North Korea and Russia</p>');
    p.append(document.createTextNode(' signed a pact'));
    const els = wrapSpans(document, text, [
      { start: 0, end: 11, entityId: 'north-korea', type: 'country' },
      { start: 16, end: 22, entityId: 'russia', type: 'country' },
    ]);
    unwrapMentions([...els].reverse());
    expect(p.childNodes.length).toBe(2);
    expect(p.firstChild).toBe(text);
    expect(text.data).toBe('North Korea and Russia');
    expect(p.lastChild?.textContent).toBe(' signed a pact');
  });

  it('leaves the page alone when it changed our element meanwhile', () => {
    const { p, text } = setup('<p>Seoul said</p>');
    const [el] = wrapSpans(document, text, [{ start: 0, end: 5, entityId: 'seoul', type: 'place' }]);
    el?.append(document.createElement('b'));
    unwrapMentions(el ? [el] : []);
    expect(p.querySelector('backstory-mention')).toBeNull();
    expect(p.textContent).toBe('Seoul said');
    unwrapMentions(el ? [el] : []);
  });

  it('ignores spans outside the text', () => {
    const { text } = setup('<p>short</p>');
    expect(wrapSpans(document, text, [{ start: 3, end: 99, entityId: 'x', type: 'place' }])).toEqual([]);
  });

  it("keeps the page's text node in its parent, even when a mark starts at 0", () => {
    const { p, text } = setup('<p>Seoul said</p>');
    const [el] = wrapSpans(document, text, [{ start: 0, end: 5, entityId: 'seoul', type: 'place' }]);
    // A framework removes its node through the parent it remembers: that must still work.
    expect(text.parentNode).toBe(p);
    expect(p.firstChild).toBe(text);
    expect(text.data).toBe('');
    expect(el?.textContent).toBe('Seoul');
    expect(p.textContent).toBe('Seoul said');
  });

  it('drops the stale pieces when the page rewrites its node in place', () => {
    const { p, text } = setup('<p>Frame 1: Kim Jong Un met Donald Trump.</p>');
    const els = wrapSpans(document, text, [
      { start: 9, end: 20, entityId: 'kim-jong-un', type: 'person' },
      { start: 25, end: 37, entityId: 'donald-trump', type: 'person' },
    ]);
    text.nodeValue = 'Frame 2: Kim Jong Un met Donald Trump.';
    expect(takePiecesAfter(text, text.nextSibling, false)).toEqual(els);
    expect(p.childNodes.length).toBe(1);
    expect(p.textContent).toBe('Frame 2: Kim Jong Un met Donald Trump.');
  });

  it("leaves another node's pieces alone when the page rewrites a node it put among them", () => {
    const { p, text } = setup('<p>Seoul said</p>');
    wrapSpans(document, text, [{ start: 0, end: 5, entityId: 'seoul', type: 'place' }]);
    const other = document.createTextNode('Today ');
    text.after(other);
    other.data = 'Tonight ';
    expect(takePiecesAfter(other, other.nextSibling, false)).toEqual([]);
    expect(p.textContent).toBe('Tonight Seoul said');
  });

  it('merges the pieces back into a node the page removes, so it leaves whole', () => {
    const { p, text } = setup('<p>Kim Jong Un met Donald Trump.</p>');
    p.append(document.createElement('br'));
    wrapSpans(document, text, [{ start: 0, end: 11, entityId: 'kim-jong-un', type: 'person' }]);
    const next = text.nextSibling;
    p.removeChild(text);
    takePiecesAfter(text, next, true);
    expect(text.data).toBe('Kim Jong Un met Donald Trump.');
    expect(p.innerHTML).toBe('<br>');
  });

  it('unwraps many marks in one node back into that node', () => {
    const { p, text } = setup(`<p>${'Seoul and Moscow. '.repeat(500)}</p>`);
    const before = text.data;
    const spans = [];
    for (let i = 0; i < 500; i++) spans.push({ start: i * 18, end: i * 18 + 5, entityId: 'seoul', type: 'place' }, { start: i * 18 + 10, end: i * 18 + 16, entityId: 'moscow', type: 'place' });
    const els = wrapSpans(document, text, spans);
    expect(els.length).toBe(1000);
    expect(p.textContent).toBe(before);
    unwrapMentions(els.filter((_, i) => i % 2 === 1));
    expect(p.querySelectorAll('backstory-mention').length).toBe(500);
    expect(p.textContent).toBe(before);
    unwrapMentions(els);
    expect(p.childNodes.length).toBe(1);
    expect(p.firstChild).toBe(text);
    expect(text.data).toBe(before);
  });
});
