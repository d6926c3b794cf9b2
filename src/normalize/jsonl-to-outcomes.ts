import { AppError } from '../errors.js'
import { buildDocument } from './build-document.js'
import type { NormalizeOutcome } from './normalize-outcome.js'
import { recordToDraft } from './record-to-draft.js'
import { toOutcome } from './to-outcome.js'

/**
 * JSON Lines: one record per non-blank line, each `source#line`; a broken line fails alone.
 * Throws `INPUT_EMPTY` when there is no line at all.
 */
export function jsonlToOutcomes(text: string, source: string): NormalizeOutcome[] {
  const outcomes: NormalizeOutcome[] = []
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return
    const subject = `${source}#${index + 1}`
    outcomes.push(
      toOutcome(subject, () => {
        let record: unknown
        try {
          record = JSON.parse(line)
        } catch (cause) {
          const reason = cause instanceof Error ? cause.message : String(cause)
          throw new AppError('INPUT_MALFORMED', `line ${index + 1} is not valid JSON (${reason})`, {
            subject,
            cause,
          })
        }
        return buildDocument(recordToDraft(record, subject), subject)
      }),
    )
  })
  if (outcomes.length === 0)
    throw new AppError('INPUT_EMPTY', 'the file has no JSON lines', { subject: source })
  return outcomes
}
