/**
 * @module
 * The embedded driver: PGlite (Postgres compiled to WASM) in memory or in a directory (nodefs).
 *
 * Crash safety: PGlite runs Postgres single-user with `-F` (fsync off), and nodefs writes go
 * straight to the host files with `write()`, so a committed transaction's WAL is in the OS page
 * cache when `COMMIT` returns. A killed process (SIGKILL) therefore loses nothing committed and
 * Postgres replays the WAL on the next open (tested in `crash.test.ts`). An OS crash or power loss
 * can lose recent commits or worse, since nothing is fsynced. `relaxedDurability` only affects
 * the browser (IndexedDB) backend and is left at its default.
 */
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import type { PGlite, Transaction } from '@electric-sql/pglite'
import { AppError } from '../errors.js'
import { causeLine, queryError } from './db-error.js'
import { lockDirectory, type DirectoryLock } from './directory-lock.js'
import type { Driver, Queryable, SqlParam } from './driver.js'

/** Where an embedded database lives. */
export type EmbeddedLocation = { readonly kind: 'memory' } | { readonly kind: 'directory'; readonly path: string }

function queryableOf(db: PGlite | Transaction, location: string): Queryable {
  return {
    async query<R extends object>(sql: string, params?: readonly SqlParam[]): Promise<R[]> {
      try {
        const result = await db.query<R>(sql, params === undefined ? undefined : [...params])
        return result.rows
      } catch (error) {
        throw queryError(error, sql, params, location)
      }
    },
    async exec(sql: string): Promise<void> {
      try {
        await db.exec(sql)
      } catch (error) {
        throw queryError(error, sql, undefined, location)
      }
    },
  }
}

/** Opens PGlite; `DB_CONNECT` when the directory cannot be used. */
export async function openPgliteDriver(where: EmbeddedLocation): Promise<Driver> {
  const location = where.kind === 'memory' ? 'memory://' : where.path
  let lock: DirectoryLock | undefined
  if (where.kind === 'directory') {
    try {
      mkdirSync(dirname(where.path), { recursive: true })
    } catch (error) {
      throw new AppError('DB_CONNECT', `cannot create the database directory: ${causeLine(error)}`, {
        subject: location,
        cause: error,
      })
    }
    lock = lockDirectory(where.path)
  }
  let db: PGlite
  try {
    // Lazy: a server-only deployment never loads the WASM.
    const { PGlite } = await import('@electric-sql/pglite')
    db = where.kind === 'memory' ? await PGlite.create() : await PGlite.create(where.path)
  } catch (error) {
    lock?.release()
    throw new AppError(
      'DB_CONNECT',
      `cannot open the embedded database (${causeLine(error)}); is it a claimgraph database directory?`,
      { subject: location, cause: error },
    )
  }
  const self = queryableOf(db, location)
  let closed = false
  return {
    kind: 'pglite',
    location,
    query: self.query,
    exec: self.exec,
    async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      let failure: { readonly error: unknown } | undefined
      try {
        return await db.transaction(async (tx) => {
          try {
            return await fn(queryableOf(tx, location))
          } catch (error) {
            failure = { error }
            throw error
          }
        })
      } catch (error) {
        // The callback's own error as it was; otherwise BEGIN or COMMIT failed.
        if (failure !== undefined) throw failure.error
        throw queryError(error, 'BEGIN … COMMIT', undefined, location)
      }
    },
    async close(): Promise<void> {
      if (closed) return
      closed = true
      try {
        await db.close()
      } finally {
        lock?.release()
      }
    },
  }
}
