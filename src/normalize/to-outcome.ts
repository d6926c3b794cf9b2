import { AppError, isAppError } from '../errors.js'
import type { NormalizedDocument } from '../model/document.js'
import type { NormalizeOutcome } from './normalize-outcome.js'

/**
 * Runs the work for one document (a page, a record, a feed item) and turns a failure into an
 * error outcome, so one bad item never stops the others.
 */
export function toOutcome(subject: string, work: () => NormalizedDocument): NormalizeOutcome {
  try {
    return { ok: true, doc: work() }
  } catch (error) {
    return { ok: false, subject, error: asAppError(subject, error) }
  }
}

/** Any thrown value as a catalog error: ours as they are, anything else as INTERNAL with the cause. */
export function asAppError(subject: string, error: unknown): AppError {
  if (isAppError(error)) return error
  const reason = error instanceof Error ? error.message : String(error)
  return new AppError('INTERNAL', `unexpected failure while normalizing (${reason})`, {
    subject,
    cause: error,
  })
}
