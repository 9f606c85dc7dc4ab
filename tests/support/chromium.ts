/** Where the browser tests find Chromium: Debian's package, or BACKSTORY_CHROMIUM. */
export const CHROMIUM = process.env.BACKSTORY_CHROMIUM ?? '/usr/bin/chromium';

/**
 * The flags every launch needs here (DEVELOPERS.md): no sandbox as root, and no background
 * networking, whose connections the closed network would refuse many at a time.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The flags that load one unpacked extension, and only it. */
export function extensionArgs(dist: string): string[] {
  return [`--disable-extensions-except=${dist}`, `--load-extension=${dist}`, ...CHROMIUM_ARGS];
}
