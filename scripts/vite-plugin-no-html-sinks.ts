/**
 * Removes the one HTML-parsing sink our dependencies ship: Preact's support for
 * dangerouslySetInnerHTML, which we never use. Its `.innerHTML=` writes become
 * `.textContent=`, so even a mistaken use would render inert text. The build fails if the
 * pattern ever stops matching, so a Preact upgrade cannot silently bring the sink back.
 */
import type { Plugin } from 'vite';

const PREACT = /[\\/]node_modules[\\/]preact[\\/]dist[\\/]preact\.module\.js$/;

export function noHtmlSinks(): Plugin {
  return {
    name: 'backstory-no-html-sinks',
    enforce: 'pre',
    transform(code, id) {
      if (!PREACT.test(id)) return undefined;
      const count = (code.match(/\.innerHTML=/g) ?? []).length;
      if (count === 0) this.error('preact no longer writes innerHTML where we expect: review scripts/vite-plugin-no-html-sinks.ts');
      return { code: code.replace(/\.innerHTML=/g, '.textContent='), map: null };
    },
  };
}
