import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { AppError } from '../errors.js'

/** Where the store lives when nothing says otherwise (relative to the working directory). */
export const DEFAULT_STORE_PATH = './.claimgraph/db'

/** A database location, parsed from a URL or path. */
export type StoreLocation =
  | { readonly kind: 'memory' }
  | { readonly kind: 'directory'; readonly path: string }
  | { readonly kind: 'server'; readonly url: string }

const SUPPORTED =
  'use memory://, file://<dir>, a directory path, or postgres://user@host:port/database'

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim()
}

/**
 * The URL to use: the argument, else `CLAIMGRAPH_DB`, else `DATABASE_URL`, else the default
 * embedded directory.
 */
export function storeUrlFrom(url?: string, env: NodeJS.ProcessEnv = process.env): string {
  if (url !== undefined) return url
  return nonEmpty(env['CLAIMGRAPH_DB']) ?? nonEmpty(env['DATABASE_URL']) ?? DEFAULT_STORE_PATH
}

/** Parses a store URL or path; `DB_URL_INVALID` when it names nothing claimgraph can open. */
export function parseStoreUrl(url: string): StoreLocation {
  const trimmed = url.trim()
  if (trimmed === '') throw new AppError('DB_URL_INVALID', `empty database URL: ${SUPPORTED}`)
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(trimmed)?.[1]?.toLowerCase()
  if (scheme === undefined) return { kind: 'directory', path: resolve(trimmed) }
  switch (scheme) {
    case 'memory':
      return { kind: 'memory' }
    case 'file': {
      // file:///abs/path is a proper file URL; file://rel/path is accepted as a relative path.
      const path = trimmed.startsWith('file:///')
        ? fileURLToPath(trimmed)
        : trimmed.slice('file://'.length)
      if (path === '')
        throw new AppError('DB_URL_INVALID', `file:// needs a directory: ${SUPPORTED}`, {
          subject: url,
        })
      return { kind: 'directory', path: resolve(path) }
    }
    case 'postgres':
    case 'postgresql': {
      let parsed: URL
      try {
        parsed = new URL(trimmed)
      } catch (error) {
        throw new AppError('DB_URL_INVALID', `not a valid PostgreSQL URL: ${SUPPORTED}`, {
          subject: url.replace(/\/\/([^:/@]*):[^@]*@/, '//$1:***@'),
          cause: error,
        })
      }
      if (parsed.hostname === '' && !parsed.searchParams.has('host')) {
        throw new AppError('DB_URL_INVALID', `the PostgreSQL URL has no host: ${SUPPORTED}`, {
          subject: url,
        })
      }
      return { kind: 'server', url: trimmed }
    }
    default:
      throw new AppError('DB_URL_INVALID', `unsupported scheme ${scheme}://: ${SUPPORTED}`, {
        subject: url,
      })
  }
}
