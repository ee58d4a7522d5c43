// The app:// origin the renderer is served from, and the pure rules behind it (no `electron`
// import, so tests/build can exercise them in plain Node).
import path from 'node:path';

export const APP_SCHEME = 'app';
export const APP_HOST = 'aruga';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** True when `url` is a page or resource of our own origin (app://aruga/…). */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

/**
 * Maps an app:// request URL to a file path inside `root`, or null when the URL is not ours or
 * would escape `root` (`..`, encoded separators, absolute or drive paths, NUL bytes).
 * Extension-less paths fall back to index.html so client-side routes survive a reload.
 */
export function resolveRendererPath(root: string, requestUrl: string): string | null {
  if (!isAppUrl(requestUrl)) return null;
  const { pathname } = new URL(requestUrl);
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  // Encoded separators and NULs never name a real asset; refuse them outright.
  if (decoded.includes('\0') || decoded.includes('\\') || /%2f|%5c/i.test(pathname)) return null;
  const segments = decoded.split('/').filter((segment) => segment.length > 0);
  if (segments.some((segment) => segment === '..' || segment.includes(':'))) return null;
  const relative = segments.length === 0 ? 'index.html' : segments.join('/');
  const base = path.resolve(root);
  const target = path.extname(relative) === '' ? 'index.html' : relative;
  const resolved = path.resolve(base, target);
  const inside = path.relative(base, resolved);
  if (inside === '' || inside.startsWith('..') || path.isAbsolute(inside)) return null;
  return resolved;
}

/**
 * Headers sent with every app:// response. The CSP is written as one string literal on the
 * assignment so electronegativity's CSP checks can read and grade it.
 */
export function securityHeaders(): Record<string, string> {
  const headers: Record<string, string> = {
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
  };
  // Suppressed: electronegativity notes that script-src 'self' "can be problematic if you host
  // JSONP, Angular or user uploaded files". app://aruga serves only our own bundled build output.
  // prettier-ignore
  headers['content-security-policy'] = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"; /* eng-disable CSP_GLOBAL_CHECK */
  return headers;
}
