import { AppError } from '../errors.js'
import { buildDocument } from './build-document.js'
import type { NormalizeOutcome } from './normalize-outcome.js'
import { recordToDraft } from './record-to-draft.js'
import { toOutcome } from './to-outcome.js'

/**
 * A JSON document: one record, or an array of records (each `source#n`, n from 1).
 * Throws `INPUT_MALFORMED` when the JSON does not parse.
 */
export function jsonToOutcomes(text: string, source: string): NormalizeOutcome[] {
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause)
    throw new AppError('INPUT_MALFORMED', `not valid JSON (${reason})`, { subject: source, cause })
  }
  if (Array.isArray(parsed) && parsed.length === 0)
    throw new AppError('INPUT_EMPTY', 'the JSON array has no records', { subject: source })
  if (!Array.isArray(parsed))
    return [toOutcome(source, () => buildDocument(recordToDraft(parsed, source), source))]
  return parsed.map((record, index) => {
    const subject = `${source}#${index + 1}`
    return toOutcome(subject, () => buildDocument(recordToDraft(record, subject), subject))
  })
}
