/**
 * Loads saved pages so that only their HTML arrives: every subresource (scripts, styles,
 * images, frames, beacons) is aborted, nothing reaches the network, and the page's own
 * scripts are switched off by a Content-Security-Policy header on the document, so inline
 * scripts cannot make one load differ from the next. Extension content scripts are exempt
 * from the page's CSP, and page.evaluate is too.
 */
import type { Page, Route } from 'playwright-core';

/** No page script runs; styles are left alone (they are aborted anyway when external). */
export const NO_SCRIPTS_CSP = "script-src 'none'";

export interface OfflineOptions {
  /** Replaces NO_SCRIPTS_CSP, e.g. "script-src 'self'" to allow files served from `files`. */
  csp?: string;
  /** More headers for the document (e.g. cross-origin isolation for finer timers). */
  headers?: Record<string, string>;
  /** Absolute URLs answered with these bodies instead of being aborted. */
  files?: Record<string, { contentType: string; body: string | Buffer }>;
}

export async function routeOffline(page: Page, origin: string, opts: OfflineOptions = {}): Promise<void> {
  await page.route('**/*', async (route: Route) => {
    const req = route.request();
    const url = req.url();
    const file = opts.files?.[url];
    try {
      if (file) {
        await route.fulfill({ status: 200, contentType: file.contentType, body: file.body });
      } else if (req.isNavigationRequest() && req.frame() === page.mainFrame() && url.startsWith(origin + '/')) {
        const response = await route.fetch();
        await route.fulfill({
          response,
          headers: { ...response.headers(), 'content-security-policy': opts.csp ?? NO_SCRIPTS_CSP, ...opts.headers },
        });
      } else if (!/^https?:/.test(url)) {
        await route.continue();
      } else {
        await route.abort();
      }
    } catch {
      // The page navigated or closed while the request was in flight.
    }
  });
}
