import type { Repeat, Span } from '../model/document.js'

/** Paragraphs shorter than this (after normalizing) are not worth flagging as repeats. */
const MIN_REPEAT_LENGTH = 40

/**
 * Paragraphs that repeat an earlier paragraph of the same text, compared with whitespace and case
 * normalized. `paragraphs` are spans into `text`; each repeat points at the first occurrence.
 */
export function findRepeats(text: string, paragraphs: readonly Span[]): Repeat[] {
  const first = new Map<string, Span>()
  const repeats: Repeat[] = []
  for (const span of paragraphs) {
    const key = text.slice(span.start, span.end).replace(/\s+/g, ' ').trim().toLowerCase()
    if (key.length < MIN_REPEAT_LENGTH) continue
    const earlier = first.get(key)
    if (earlier === undefined) first.set(key, span)
    else
      repeats.push({
        start: span.start,
        end: span.end,
        of: { start: earlier.start, end: earlier.end },
      })
  }
  return repeats
}
