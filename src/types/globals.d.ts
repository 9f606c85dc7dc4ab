declare module 'virtual:backstory/cards' {
  import type { Entity } from '../kb/schema';
  const entities: Entity[];
  export default entities;
}
declare module 'virtual:backstory/match-index' {
  /** The matcher's compiled automaton, base64-encoded. */
  const index: string;
  export default index;
}
/** 'chrome' | 'firefox' | 'e2e', set by vite.config.ts. */
declare const __BACKSTORY_TARGET__: string;
