// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { unwrapMentions, wrapSpans } from './wrap';

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
});
