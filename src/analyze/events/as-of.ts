/**
 * @module
 * The time a figure refers to, when its sentence states it: a date right after "as of", "as at",
 * "by", "until" (data/analyze/as-of-markers.txt) in the figure's sentence. "143 dead as of
 * Sunday" refers to Sunday; a later report of a changing count is then told from a contradiction
 * by this time rather than by when the document was published.
 */
import type { DateMention, EventDate } from '../../model/analysis.js'
import { readWordList } from '../lexicon.js'
import type { Tokens } from '../stage.js'
import { tokenAtOrAfter, tokenEndingBy } from '../token-search.js'

/** Each marker as its words, the longest first ("as of" before "by"). */
const markers: readonly (readonly string[])[] = readWordList('as-of-markers.txt')
  .map((line) => line.toLowerCase().split(' '))
  .sort((a, b) => b.length - a.length)

/** Possessive endings after a date: "by Friday's blast" names a cause, not a time. */
const POSSESSIVE = new Set(["'s", '’s', "'", '’'])

function markedAt(words: readonly string[], tokens: Tokens, first: number): boolean {
  const sentence = tokens.sentence[first]
  return markers.some(
    (marker) =>
      first >= marker.length &&
      marker.every((word, k) => {
        const at = first - marker.length + k
        return words[at] === word && tokens.sentence[at] === sentence
      }),
  )
}

/**
 * The stated time of the figure whose first token is `figureToken`: the marked date of its
 * sentence nearest to it, or undefined when the sentence states none.
 */
export function figureAsOf(
  dates: readonly DateMention[],
  tokens: Tokens,
  words: readonly string[],
  figureToken: number,
): EventDate | undefined {
  const sentence = tokens.sentence[figureToken]
  let best: { date: DateMention; distance: number } | undefined
  for (const date of dates) {
    const first = tokenAtOrAfter(tokens, date.start)
    if (first >= tokens.count || tokens.sentence[first] !== sentence) continue
    if (!markedAt(words, tokens, first)) continue
    const end = tokenEndingBy(tokens, date.end)
    if (end < tokens.count && POSSESSIVE.has(words[end]!)) continue
    const distance = Math.abs(first - figureToken)
    if (best === undefined || distance < best.distance) best = { date, distance }
  }
  if (best === undefined) return undefined
  const { start, end, text, value, relative } = best.date
  return { start, end, text, value, relative }
}
