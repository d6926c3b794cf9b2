/**
 * @module
 * The time a figure refers to, when its sentence states it: a date after "as of", "as at" or "by"
 * in the figure's sentence, with at most a time of day and a few small words between
 * ("as of 11:00 on 14 March"); the words are in data/analyze/as-of.json. "143 dead as of Sunday"
 * refers to Sunday; a later report of a changing count is then told from a contradiction by this
 * time rather than by when the document was published.
 */
import type { DateMention, EventDate } from '../../model/analysis.js'
import { readJson } from '../lexicon.js'
import type { Tokens } from '../stage.js'
import { tokenAtOrAfter, tokenEndingBy } from '../token-search.js'

interface AsOfTable {
  readonly markers: readonly string[]
  readonly fillers: readonly string[]
  readonly maxGap: number
}
const table = readJson<AsOfTable>('as-of.json')
/** Each marker as its words, the longest first ("as of" before "by"). */
const markers: readonly (readonly string[])[] = table.markers
  .map((line) => line.toLowerCase().split(' '))
  .sort((a, b) => b.length - a.length)
const fillers: ReadonlySet<string> = new Set(table.fillers)
const TIME_OF_DAY = /^\d{1,2}(?:[:.]\d{2})?(?:am|pm|h)?$/

/** Possessive endings after a date: "by Friday's blast" names a cause, not a time. */
const POSSESSIVE = new Set(["'s", '’s', "'", '’'])

/** Does a marker end at token `end - 1`, all in `sentence`? */
function markerEndsAt(words: readonly string[], tokens: Tokens, end: number): boolean {
  const sentence = tokens.sentence[end - 1]
  return markers.some(
    (marker) =>
      end >= marker.length &&
      marker.every((word, k) => {
        const at = end - marker.length + k
        return words[at] === word && tokens.sentence[at] === sentence
      }),
  )
}

/** Is the date starting at token `first` introduced by a marker, across at most `maxGap` fillers? */
function markedAt(words: readonly string[], tokens: Tokens, first: number): boolean {
  const sentence = tokens.sentence[first]
  for (let end = first; end > 0 && first - end <= table.maxGap; end--) {
    if (markerEndsAt(words, tokens, end)) return true
    const word = words[end - 1]!
    if (tokens.sentence[end - 1] !== sentence) return false
    if (!fillers.has(word) && !TIME_OF_DAY.test(word)) return false
  }
  return false
}

/**
 * "by the Friday attack", "by the 14 March bombing": a date between "the" and a noun names an
 * event, not a time. (A date followed by a word without "the" before it still counts: "by Sunday
 * evening officials said …".)
 */
function attributive(
  words: readonly string[],
  tokens: Tokens,
  first: number,
  end: number,
): boolean {
  if (first === 0 || words[first - 1] !== 'the' || end >= tokens.count) return false
  if (tokens.sentence[end] !== tokens.sentence[first]) return false
  const next = words[end]!
  return /^\p{Ll}/u.test(next) && !fillers.has(next)
}

/**
 * The stated time of the figure whose first token is `figureToken`: the marked date of its
 * sentence nearest to it, or undefined when the sentence states none. A date after the figure
 * counts only with no other quantity between them ("12 killed, up from 9 by Sunday": Sunday is
 * 9's time, not 12's). `quantityTokens`:
 * the first token of every quantity of the document, in order.
 */
export function figureAsOf(
  dates: readonly DateMention[],
  tokens: Tokens,
  words: readonly string[],
  figureToken: number,
  quantityTokens: readonly number[],
): EventDate | undefined {
  const sentence = tokens.sentence[figureToken]
  let best: { date: DateMention; distance: number } | undefined
  for (const date of dates) {
    const first = tokenAtOrAfter(tokens, date.start)
    if (first >= tokens.count || tokens.sentence[first] !== sentence) continue
    if (!markedAt(words, tokens, first)) continue
    const end = tokenEndingBy(tokens, date.end)
    if (end < tokens.count && POSSESSIVE.has(words[end]!)) continue
    if (attributive(words, tokens, first, end)) continue
    // A date after its figure belongs to the nearest figure before it; a date before them ("As of
    // 11:00 on 14 March, 139 dead and 182 injured") sets the time of the figures that follow.
    if (first > figureToken && quantityTokens.some((t) => t > figureToken && t < first)) continue
    const distance = Math.abs(first - figureToken)
    if (best === undefined || distance < best.distance) best = { date, distance }
  }
  if (best === undefined) return undefined
  const { start, end, text, value, relative } = best.date
  return { start, end, text, value, relative }
}
