/**
 * @module
 * The server driver: a `pg` Pool on a `postgres://` URL. Each transaction holds one pooled client.
 */
import type { Pool, PoolClient } from 'pg'
import { AppError } from '../errors.js'
import { causeLine, queryError } from './db-error.js'
import type { Driver, Queryable, SqlParam } from './driver.js'

/** Connections per store: ingest is one writer; reads may overlap it. */
const POOL_SIZE = 4
const CONNECT_TIMEOUT_MS = 10_000

/** The URL without its password, for messages. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url)
    if (parsed.password !== '') parsed.password = '***'
    return parsed.toString()
  } catch {
    return url.replace(/\/\/([^:/@]*):[^@]*@/, '//$1:***@')
  }
}

function queryableOf(client: Pool | PoolClient, location: string): Queryable {
  return {
    async query<R extends object>(sql: string, params?: readonly SqlParam[]): Promise<R[]> {
      try {
        const result = await client.query<R>(sql, params === undefined ? undefined : [...params])
        return result.rows
      } catch (error) {
        throw queryError(error, sql, params, location)
      }
    },
    async exec(sql: string): Promise<void> {
      try {
        // Without parameters pg uses the simple protocol, which runs several statements.
        await client.query(sql)
      } catch (error) {
        throw queryError(error, sql, undefined, location)
      }
    },
  }
}

/** Connects a pool and checks the connection; `DB_CONNECT` with what to check when it fails. */
export async function openPgDriver(url: string): Promise<Driver> {
  const location = redactUrl(url)
  // Lazy: an embedded-only run never loads pg.
  const { default: pg } = await import('pg')
  const pool = new pg.Pool({
    connectionString: url,
    max: POOL_SIZE,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
  })
  // An idle client losing its connection must not crash the process; the next query reports it.
  pool.on('error', () => undefined)
  try {
    await pool.query('SELECT 1')
  } catch (error) {
    await pool.end().catch(() => undefined)
    const code = (error as { code?: unknown }).code
    throw new AppError(
      'DB_CONNECT',
      `cannot connect to PostgreSQL (${typeof code === 'string' ? `${code}: ` : ''}${causeLine(error)}); is the server running and the URL (--db, CLAIMGRAPH_DB or DATABASE_URL) right?`,
      { subject: location, cause: error },
    )
  }
  const self = queryableOf(pool, location)
  let closed = false
  return {
    kind: 'postgres',
    location,
    query: self.query,
    exec: self.exec,
    async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      let client: PoolClient
      try {
        client = await pool.connect()
      } catch (error) {
        throw new AppError('DB_CONNECT', `lost the connection to PostgreSQL: ${causeLine(error)}`, {
          subject: location,
          cause: error,
        })
      }
      const tx = queryableOf(client, location)
      let broken: unknown
      try {
        await tx.exec('BEGIN')
        const result = await fn(tx)
        await tx.exec('COMMIT')
        return result
      } catch (error) {
        try {
          await client.query('ROLLBACK')
        } catch (rollbackError) {
          // The connection is gone; do not return it to the pool.
          broken = rollbackError
        }
        throw error
      } finally {
        client.release(broken instanceof Error ? broken : undefined)
      }
    },
    async close(): Promise<void> {
      if (closed) return
      closed = true
      await pool.end()
    },
  }
}
