/**
 * @module
 * `securityHeaders()`: the headers every response carries (a strict CSP, no MIME sniffing, no
 * referrer, no framing).
 */
import type { MiddlewareHandler } from 'hono'

export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"

export interface SecurityHeadersOptions {
  readonly contentSecurityPolicy?: string
}

export const securityHeaders = ({
  contentSecurityPolicy = CONTENT_SECURITY_POLICY,
}: SecurityHeadersOptions = {}): MiddlewareHandler => {
  return async function securityHeaders(c, next) {
    await next()
    c.res.headers.set('Content-Security-Policy', contentSecurityPolicy)
    c.res.headers.set('X-Content-Type-Options', 'nosniff')
    c.res.headers.set('Referrer-Policy', 'no-referrer')
    c.res.headers.set('X-Frame-Options', 'DENY')
    c.res.headers.set('Cross-Origin-Opener-Policy', 'same-origin')
  }
}
