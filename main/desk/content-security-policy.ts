/**
 * The Content-Security-Policy both shells send with the renderer (the Electron protocol handler and the browser
 * host's server): our own scripts and styles only, no eval, no plugins, no framing, and network access only back to
 * where the page came from.
 */
export const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');
