/**
 * Security settings of the desktop app, in one place so tests and the harness share them:
 * the Content-Security-Policy (no remote content, no eval, no inline scripts) and the origin
 * the renderer is served from.
 */

/** Origin of the packaged renderer, served by the `app://` protocol handler. */
export const APP_ORIGIN = 'app://qiyue';

/**
 * The renderer's Content-Security-Policy. `'self'` only; `blob:` for pdf.js's worker and
 * images; styles from the bundle's own stylesheet only (React and pdf.js set styles through the
 * CSSOM, which a CSP does not govern, so no `'unsafe-inline'`); nothing remote, no eval.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self' blob:",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
