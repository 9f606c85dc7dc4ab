/** Where the browser tests find Chromium: Debian's package, or BACKSTORY_CHROMIUM. */
export const CHROMIUM = process.env.BACKSTORY_CHROMIUM ?? '/usr/bin/chromium';
