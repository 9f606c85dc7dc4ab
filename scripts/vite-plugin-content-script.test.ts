import { describe, expect, it } from 'vitest';
import { escapeNoncharacters, isNoncharacter } from './vite-plugin-content-script';

describe('escapeNoncharacters', () => {
  it('writes noncharacters in string literals as escapes that mean the same', () => {
    const value = 'a\uFFFFb\uFDD0\uFDEF\u{1FFFE}\u{10FFFF}c\uFFFD\u{1F600}';
    const code = `const s = ${JSON.stringify(value)}; const t = \`${value}\`;`;
    const escaped = escapeNoncharacters(code);
    expect([...escaped].filter((ch) => isNoncharacter(ch.codePointAt(0)!))).toEqual([]);
    // Characters that are not noncharacters stay as they were.
    expect(escaped).toContain('\uFFFD\u{1F600}');
    expect(new Function(`${escaped}; return [s, t];`)()).toEqual([value, value]);
  });
});
