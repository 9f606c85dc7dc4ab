/**
 * The curated news sites Backstory runs on from install. The manifest's static
 * content-script matches are the single source; this derives the hostnames from them.
 */
import manifest from '../../manifest.json';

const PATTERN = /^\*:\/\/\*\.([^/]+)\/\*$/;

export const DEFAULT_SITES: readonly string[] = (manifest.content_scripts[0]?.matches ?? [])
  .map((m) => PATTERN.exec(m)?.[1])
  .filter((h): h is string => h !== undefined);

/** Local hosts the e2e build also runs on, so browser tests can serve pages. */
export const E2E_SITES: readonly string[] = ['localhost', '127.0.0.1'];

export function builtInSites(target: string = typeof __BACKSTORY_TARGET__ === 'string' ? __BACKSTORY_TARGET__ : 'chrome'): readonly string[] {
  return target === 'e2e' ? [...DEFAULT_SITES, ...E2E_SITES] : DEFAULT_SITES;
}
