import { AppError, isAppError } from '../errors.js'
import type { SqlParam } from './driver.js'

/** Long parameters (documents as JSON) are cut in error details: enough to recognise, not a dump. */
const PARAM_PREVIEW = 500

/** Postgres error fields worth keeping (both drivers' errors carry them). */
interface PgErrorFields {
  readonly message?: unknown
  readonly code?: unknown
  readonly detail?: unknown
  readonly constraint?: unknown
  readonly table?: unknown
}

function field(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined
}

function preview(param: SqlParam): SqlParam {
  if (typeof param !== 'string' || param.length <= PARAM_PREVIEW) return param
  return `${param.slice(0, PARAM_PREVIEW)}… (${param.length} chars)`
}

/**
 * A failed query as `DB_QUERY`, carrying the query, its parameters and the Postgres error fields
 * in `details` (like PGlite's `makePGliteError`). Catalog errors pass through unchanged.
 */
export function queryError(
  error: unknown,
  sql: string,
  params: readonly SqlParam[] | undefined,
  location: string,
): AppError {
  if (isAppError(error)) return error
  const fields: PgErrorFields = typeof error === 'object' && error !== null ? error : {}
  const message = field(fields.message) ?? String(error)
  const detail = field(fields.detail)
  const sqlstate = field(fields.code)
  return new AppError('DB_QUERY', detail === undefined ? message : `${message} (${detail})`, {
    subject: location,
    cause: error,
    details: {
      query: sql,
      params: (params ?? []).map(preview),
      ...(sqlstate === undefined ? {} : { sqlstate }),
      ...(field(fields.constraint) === undefined ? {} : { constraint: field(fields.constraint) }),
      ...(field(fields.table) === undefined ? {} : { table: field(fields.table) }),
    },
  })
}

/** The message of any thrown value, on one line. */
export function causeLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  return message.replace(/\s*\n\s*/g, ' ')
}
