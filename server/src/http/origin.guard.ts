/**
 * Cookies cannot be borrowed. A browser attaches the session cookie to requests that other sites' pages make
 * (SameSite does not help against another port of the same host, which is "same site"), so a state change
 * that only the cookie authenticates must prove it comes from one of our own pages. Browsers always send
 * `Origin` on a POST/PUT/PATCH/DELETE, and modern ones `Sec-Fetch-Site` too; a page elsewhere cannot forge
 * either, nor send `application/json` without a CORS preflight this server never grants.
 */

export const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface BrowserSignals {
  origin: string | undefined;
  fetchSite: string | undefined;
}

/** The origins our own pages have: the one the request was addressed to, and PUBLIC_URL behind a proxy. */
export function ownOrigins(requestUrl: string, publicUrl: string | null): string[] {
  const out: string[] = [];
  for (const u of [requestUrl, publicUrl]) {
    if (!u) continue;
    try {
      out.push(new URL(u).origin);
    } catch {
      /* a malformed PUBLIC_URL adds nothing */
    }
  }
  return out;
}

/** Positive proof of a same-origin request: the Origin is ours, or (without Origin) Sec-Fetch-Site says so. */
export function isSameOrigin(h: BrowserSignals, own: string[]): boolean {
  if (h.fetchSite !== undefined && h.fetchSite.toLowerCase() !== 'same-origin') return false;
  if (h.origin !== undefined) return own.includes(h.origin);
  return h.fetchSite !== undefined;
}

/**
 * A browser says this comes from another site's page. Programs (scripts, agents) send neither header and are
 * not browsers, so they are not cross-site; used where no cookie authenticates the request (login).
 */
export function isCrossSite(h: BrowserSignals, own: string[]): boolean {
  if (h.fetchSite !== undefined && h.fetchSite.toLowerCase() !== 'same-origin') return true;
  return h.origin !== undefined && !own.includes(h.origin);
}

/** `application/json`, with or without parameters: a type no cross-site form or simple request can send. */
export function isJsonContentType(value: string | undefined): boolean {
  return /^\s*application\/json\s*(;|$)/i.test(value ?? '');
}
