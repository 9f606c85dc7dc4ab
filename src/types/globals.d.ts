declare module 'virtual:backstory/cards' {
  import type { Entity } from '../kb/schema';
  const entities: Entity[];
  export default entities;
}
declare module 'virtual:backstory/match-index' {
  /** The match index (see src/matcher/index-format): its bytes in base64, and its text. */
  const index: { base64: string; text: string };
  export default index;
}
/** 'chrome' | 'firefox' | 'e2e', set by vite.config.ts. */
declare const __BACKSTORY_TARGET__: string;
