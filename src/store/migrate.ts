/**
 * @module
 * Numbered SQL migrations (`migrations/NNNN_name.sql` at the package root), each applied in its
 * own transaction and recorded in `schema_migrations` with a checksum. Every opener takes the
 * same advisory lock first, so concurrent openers of one server database never double-apply.
 */
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { AppError, isAppError } from '../errors.js'
import type { Driver } from './driver.js'

/** `migrations/` beside `src/` and `dist/` (both sit at the same depth). */
export const MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations/', import.meta.url))

/** Advisory lock key held while migrating ("claimgrf" as bytes: 0x636c61696d677266). */
const MIGRATION_LOCK_KEY = '7164208212674572902'

export interface Migration {
  readonly version: number
  readonly name: string
  readonly sql: string
  /** sha-256 of the file with line endings normalized. */
  readonly checksum: string
}

/** The migration files in order; `DB_MIGRATION` when numbering is broken. */
export function readMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  const files = readdirSync(dir)
    .filter((name) => /^\d{4}_[\w-]+\.sql$/.test(name))
    .sort()
  return files.map((name, index) => {
    const version = Number.parseInt(name.slice(0, 4), 10)
    if (version !== index + 1) {
      throw new AppError(
        'DB_MIGRATION',
        `migrations must be numbered 0001, 0002, … without gaps; found ${name}`,
        {
          subject: dir,
        },
      )
    }
    const sql = readFileSync(join(dir, name), 'utf8').replace(/\r\n/g, '\n')
    return { version, name, sql, checksum: createHash('sha256').update(sql).digest('hex') }
  })
}

const CREATE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS schema_migrations (
  version    integer PRIMARY KEY,
  name       text NOT NULL,
  checksum   text NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now()
)`

interface AppliedRow {
  readonly version: number
  readonly name: string
  readonly checksum: string
}

/** Applies the pending migrations; returns the names applied now (empty on a re-open). */
export async function migrate(
  driver: Driver,
  migrations: readonly Migration[] = readMigrations(),
): Promise<string[]> {
  const applied: string[] = []
  const latest = migrations.length
  for (const migration of migrations) {
    try {
      const done = await driver.transaction(async (tx) => {
        await tx.query('SELECT pg_advisory_xact_lock($1::bigint)', [MIGRATION_LOCK_KEY])
        await tx.exec(CREATE_MIGRATIONS_TABLE)
        const rows = await tx.query<AppliedRow>(
          'SELECT version, name, checksum FROM schema_migrations ORDER BY version',
        )
        const newest = rows.at(-1)
        if (newest !== undefined && newest.version > latest) {
          throw new AppError(
            'DB_MIGRATION',
            `the database has schema version ${newest.version} (${newest.name}) but this claimgraph knows up to ${latest}; upgrade claimgraph`,
            { subject: driver.location },
          )
        }
        const row = rows.find((r) => r.version === migration.version)
        if (row !== undefined) {
          if (row.checksum !== migration.checksum) {
            throw new AppError(
              'DB_MIGRATION',
              `migration ${migration.name} was changed after it was applied; add a new migration instead`,
              { subject: driver.location },
            )
          }
          return false
        }
        await tx.exec(migration.sql)
        await tx.query(
          'INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)',
          [migration.version, migration.name, migration.checksum],
        )
        return true
      })
      if (done) applied.push(migration.name)
    } catch (error) {
      if (isAppError(error) && (error.code === 'DB_MIGRATION' || error.code === 'DB_CONNECT'))
        throw error
      throw new AppError(
        'DB_MIGRATION',
        `migration ${migration.name} failed: ${error instanceof Error ? error.message : String(error)}`,
        {
          subject: driver.location,
          cause: error,
          ...(isAppError(error) && error.details !== undefined ? { details: error.details } : {}),
        },
      )
    }
  }
  return applied
}
