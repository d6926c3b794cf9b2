/**
 * @module
 * HTTP-only failures that have no place in the domain catalog (`src/errors.ts`): missing token,
 * cross-origin write, wrong Host, body too large, too many ingest jobs in line. `toErrorBody` turns any thrown value into the
 * one error shape of the API: `{ error: { code, message } }`.
 */
import { isAppError } from '../errors.js'

export const API_ERROR_CODES = {
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  MISDIRECTED: 421,
  PAYLOAD_TOO_LARGE: 413,
  BAD_REQUEST: 400,
  NOT_FOUND: 404,
  TOO_MANY_JOBS: 429,
} as const

export type ApiErrorCode = keyof typeof API_ERROR_CODES

export class ApiError extends Error {
  override readonly name = 'ApiError'
  readonly code: ApiErrorCode

  constructor(code: ApiErrorCode, message: string) {
    super(message)
    this.code = code
  }

  get status(): number {
    return API_ERROR_CODES[this.code]
  }
}

export interface ErrorBody {
  readonly error: { readonly code: string; readonly message: string }
}

/** Status and body for any thrown value; unknown errors become a 500 without internals. */
export function toErrorBody(error: unknown): { status: number; body: ErrorBody } {
  if (error instanceof ApiError)
    return { status: error.status, body: { error: { code: error.code, message: error.message } } }
  if (isAppError(error))
    return { status: error.status, body: { error: { code: error.code, message: error.toLine() } } }
  return { status: 500, body: { error: { code: 'INTERNAL', message: 'internal error' } } }
}
