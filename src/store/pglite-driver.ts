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
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import type { PGlite, Transaction } from '@electric-sql/pglite'
import { AppError, isAppError } from '../errors.js'
import { causeLine, queryError } from './db-error.js'
import { lockDirectory, type DirectoryLock } from './directory-lock.js'
import type { Driver, Queryable, SqlParam } from './driver.js'

/** Where an embedded database lives. */
export type EmbeddedLocation =
  { readonly kind: 'memory' } | { readonly kind: 'directory'; readonly path: string }

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

/**
 * Creates a new database directory atomically: initdb runs in a sibling directory that is renamed
 * into place when complete, so a process killed during initdb leaves no half-made database
 * (PGlite hangs or aborts on one). Data directories are relocatable.
 */
async function initDirectory(pglite: typeof PGlite, path: string): Promise<void> {
  const staging = join(dirname(path), `.${basename(path)}.init-${process.pid}`)
  rmSync(staging, { recursive: true, force: true })
  const db = await pglite.create(staging)
  await db.close()
  // Only an empty directory can be here (assertDataDirectory refused anything else).
  rmSync(path, { recursive: true, force: true })
  renameSync(staging, path)
}

function hasDatabase(path: string): boolean {
  return existsSync(join(path, 'PG_VERSION'))
}

/** `DB_CONNECT` unless `path` is absent, empty or a Postgres data directory: never write into other files. */
function assertDataDirectory(path: string): void {
  if (!existsSync(path)) return
  const problem = !statSync(path).isDirectory()
    ? 'it is a file, not a directory'
    : readdirSync(path).length > 0 && !existsSync(join(path, 'PG_VERSION'))
      ? 'the directory holds other files, not a database'
      : undefined
  if (problem !== undefined) {
    throw new AppError(
      'DB_CONNECT',
      `cannot use this path as the embedded database: ${problem}; choose another --db`,
      {
        subject: path,
      },
    )
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
      throw new AppError(
        'DB_CONNECT',
        `cannot create the database directory: ${causeLine(error)}`,
        {
          subject: location,
          cause: error,
        },
      )
    }
    assertDataDirectory(where.path)
    lock = lockDirectory(where.path)
  }
  let db: PGlite
  try {
    // Lazy: a server-only deployment never loads the WASM.
    const { PGlite } = await import('@electric-sql/pglite')
    if (where.kind === 'directory' && !hasDatabase(where.path))
      await initDirectory(PGlite, where.path)
    db = where.kind === 'memory' ? await PGlite.create() : await PGlite.create(where.path)
  } catch (error) {
    if (isAppError(error)) {
      lock?.release()
      throw error
    }
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
