import { describe, expect, it } from 'vitest';
import en from '../../public/_locales/en/messages.json';
import fr from '../../public/_locales/fr/messages.json';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

describe('locales', () => {
  it('French has every English message, and no extra ones', () => {
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
  });
  it('placeholders agree between languages and are declared where used', () => {
    for (const [key, msg] of Object.entries(en as Messages)) {
      const other = (fr as Messages)[key];
      expect(other?.message.includes('$ARG$'), key).toBe(msg.message.includes('$ARG$'));
      if (msg.message.includes('$ARG$')) {
        expect(msg.placeholders?.arg?.content, key).toBe('$1');
        expect(other?.placeholders?.arg?.content, key).toBe('$1');
      }
    }
  });
  it('keeps messages as plain text', () => {
    for (const msg of [...Object.values(en as Messages), ...Object.values(fr as Messages)]) expect(msg.message).not.toMatch(/[<>]/);
  });
});
