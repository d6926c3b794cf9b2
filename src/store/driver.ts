/**
 * @module
 * The one narrow interface both database drivers implement (PGlite embedded, `pg` for a server).
 * Everything else in the store is free functions over it, so the same SQL runs on both.
 */

/** A query parameter. Structured values are sent as JSON text and cast in SQL (`$1::jsonb`). */
export type SqlParam = string | number | boolean | null

/** Something SQL can be sent to: the driver itself or an open transaction. */
export interface Queryable {
  /** One statement with `$n` parameters; returns the rows. Failures throw `DB_QUERY`. */
  query<R extends object>(sql: string, params?: readonly SqlParam[]): Promise<R[]>
  /** A script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>
}

export const DRIVER_KINDS = ['pglite', 'postgres'] as const
export type DriverKind = (typeof DRIVER_KINDS)[number]

export interface Driver extends Queryable {
  readonly kind: DriverKind
  /** Where the database is, safe to print (no password). */
  readonly location: string
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>
  /** Closes the database; further calls fail. Calling it twice is harmless. */
  close(): Promise<void>
}
