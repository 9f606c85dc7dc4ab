/**
 * Compiles the knowledge base at build time into two virtual modules:
 * - `virtual:backstory/cards`: the card store the worker serves;
 * - `virtual:backstory/match-index`: the matcher's automaton, for the content script.
 * A knowledge-base error fails the build, naming the file, the entity and the field.
 */
import type { Plugin } from 'vite';
import { buildMatchIndex } from '../src/matcher';
import { compileFromDisk, KB_DIR } from './kb-files';

const CARDS = 'virtual:backstory/cards';
const INDEX = 'virtual:backstory/match-index';

/** One compile per build: the content-script build runs inside the main one and reuses it. */
let compiled: ReturnType<typeof compileFromDisk> | undefined;
const compile = (): ReturnType<typeof compileFromDisk> => (compiled ??= compileFromDisk());

/** `reuse`: take the knowledge base the enclosing build compiled instead of reading it again. */
export function backstoryKb(opts: { reuse?: boolean } = {}): Plugin {
  return {
    name: 'backstory-kb',
    resolveId(id) {
      return id === CARDS || id === INDEX ? '\0' + id : undefined;
    },
    buildStart() {
      if (!opts.reuse) compiled = undefined;
      this.addWatchFile(KB_DIR);
      const { errors } = compile();
      if (errors.length > 0) this.error(`knowledge base:\n${errors.join('\n')}`);
    },
    load(id) {
      if (id === '\0' + CARDS) {
        // JSON.parse of a string literal is faster to start than an object literal of the same size.
        return `export default JSON.parse(${JSON.stringify(JSON.stringify(compile().entities))});`;
      }
      if (id === '\0' + INDEX) {
        const { bytes, text } = buildMatchIndex(compile().entities);
        // JSON.stringify escapes what a JS string literal cannot hold raw (lone surrogates, line breaks, quotes).
        return `export default { base64: ${JSON.stringify(Buffer.from(bytes).toString('base64'))}, text: ${JSON.stringify(text)} };`;
      }
      return undefined;
    },
  };
}
