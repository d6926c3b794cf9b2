/**
 * @module
 * The one error catalog. Every error claimgraph throws on purpose is an `AppError` with a code
 * from `ERROR_CODES`; the CLI prints `message` on one line and the HTTP layer maps `status`.
 * Stages never throw on messy text: they return fewer annotations and diagnostics instead.
 */

export const ERROR_CODES = {
  // Input (read / normalize): one input fails, the others go on.
  INPUT_NOT_FOUND: { status: 404, summary: 'input does not exist' },
  INPUT_UNREADABLE: { status: 422, summary: 'input cannot be read' },
  INPUT_EMPTY: { status: 422, summary: 'input has no text' },
  INPUT_BINARY: { status: 415, summary: 'input is binary, not text' },
  INPUT_TOO_LARGE: { status: 413, summary: 'input exceeds the size cap' },
  INPUT_ENCODING: { status: 422, summary: 'input encoding could not be decoded' },
  INPUT_MALFORMED: { status: 422, summary: 'input is malformed' },
  INPUT_UNSUPPORTED: { status: 415, summary: 'input format is not supported' },
  URL_INVALID: { status: 400, summary: 'URL is not a valid http(s) URL' },
  URL_FORBIDDEN: { status: 403, summary: 'URL points at a private or loopback address' },
  URL_UNREACHABLE: { status: 502, summary: 'URL could not be fetched' },
  URL_TIMEOUT: { status: 504, summary: 'URL fetch timed out' },
  URL_TOO_MANY_REDIRECTS: { status: 508, summary: 'URL redirected too many times' },
  URL_HTTP_STATUS: { status: 502, summary: 'URL answered with an error status' },
  // Storage.
  DB_URL_INVALID: { status: 400, summary: 'database URL is not understood' },
  DB_CONNECT: { status: 503, summary: 'database cannot be reached' },
  DB_QUERY: { status: 500, summary: 'database query failed' },
  DB_MIGRATION: { status: 500, summary: 'database migration failed' },
  DB_DATA_INVALID: { status: 422, summary: 'analysis cannot be stored as it is' },
  // Lookups and usage.
  NOT_FOUND: { status: 404, summary: 'no such item' },
  USAGE: { status: 400, summary: 'invalid usage' },
  CONFIG: { status: 500, summary: 'invalid configuration' },
  INTERNAL: { status: 500, summary: 'internal error' },
} as const satisfies Record<string, { status: number; summary: string }>

export type ErrorCode = keyof typeof ERROR_CODES

export interface AppErrorOptions {
  /** The input, URL or item the error is about: printed first so the user knows which one failed. */
  readonly subject?: string
  readonly cause?: unknown
  /** Extra machine-readable context (query, params, limits). */
  readonly details?: Readonly<Record<string, unknown>>
}

/** An error from the catalog. `message` is one actionable line. */
export class AppError extends Error {
  override readonly name = 'AppError'
  readonly code: ErrorCode
  readonly subject: string | undefined
  readonly details: Readonly<Record<string, unknown>> | undefined

  constructor(code: ErrorCode, message: string, options: AppErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    this.code = code
    this.subject = options.subject
    this.details = options.details
  }

  /** HTTP status for this error. */
  get status(): number {
    return ERROR_CODES[this.code].status
  }

  /** `subject: message` on one line, as the CLI prints it. */
  toLine(): string {
    const line = this.subject === undefined ? this.message : `${this.subject}: ${this.message}`
    return line.replace(/\s*\n\s*/g, ' ')
  }
}

/** Type guard for catalog errors. */
export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError
}

/** One line for any thrown value: catalog errors as they are, others with their message. */
export function errorLine(error: unknown, subject?: string): string {
  if (isAppError(error)) return error.toLine()
  const message = error instanceof Error ? error.message : String(error)
  const line = subject === undefined ? message : `${subject}: ${message}`
  return line.replace(/\s*\n\s*/g, ' ')
}
