/**
 * @module
 * `guardWrites()`: write requests (anything but GET/HEAD/OPTIONS) must come from the UI's own
 * origin (or no browser at all), and carry `Authorization: Bearer <token>` when a token is set.
 */
import type { MiddlewareHandler } from 'hono'
import { ApiError } from './api-error.js'
import { timingSafeEqual } from 'node:crypto'

export interface GuardWritesOptions {
  /** Required bearer token for writes; undefined: no token (loopback only). */
  readonly token?: string | undefined
}

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

export const guardWrites = ({ token }: GuardWritesOptions = {}): MiddlewareHandler => {
  return async function guardWrites(c, next) {
    if (READ_METHODS.has(c.req.method)) return next()
    // Cross-site form posts carry an Origin that is not ours: refuse them (CSRF).
    const origin = c.req.header('Origin')
    if (origin !== undefined && origin !== 'null') {
      const own = new URL(c.req.url)
      if (origin !== own.origin)
        throw new ApiError('FORBIDDEN', `cross-origin write from ${origin} refused`)
    }
    if (origin === 'null') throw new ApiError('FORBIDDEN', 'write from an opaque origin refused')
    if (token !== undefined) {
      const given = /^Bearer\s+(.+)$/i.exec(c.req.header('Authorization') ?? '')?.[1] ?? ''
      if (!sameSecret(given, token))
        throw new ApiError(
          'UNAUTHORIZED',
          'this server needs Authorization: Bearer <token> for writes',
        )
    }
    return next()
  }
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}
