import type { Figure, Quantity } from '../../model/analysis.js'
import { readJson } from '../lexicon.js'
import type { Tokens } from '../stage.js'
import { tokenAtOrAfter, tokenEndingBy } from '../token-search.js'

interface MeasureTable {
  readonly after: Readonly<Record<string, string>>
  readonly before: Readonly<Record<string, string>>
  readonly fillers: readonly string[]
  readonly beforeFillers: readonly string[]
  readonly tollVerbs: readonly string[]
  readonly tollNouns: readonly string[]
  readonly subsetStops: readonly string[]
  readonly countedNouns: readonly string[]
}

const table = readJson<MeasureTable>('event-measures.json')
const after = new Map(Object.entries(table.after))
const before = new Map(Object.entries(table.before))
const fillers: ReadonlySet<string> = new Set(table.fillers)
const beforeFillers: ReadonlySet<string> = new Set(table.beforeFillers)
const tollVerbs: ReadonlySet<string> = new Set(table.tollVerbs)
const tollNouns: ReadonlySet<string> = new Set(table.tollNouns)
const subsetStops: ReadonlySet<string> = new Set(table.subsetStops)
/** Fillers that name what is counted ("people", "civilians"), as opposed to verbs and adverbs. */
const countedNouns: ReadonlySet<string> = new Set(table.countedNouns)

/** How far back from "rose to" a "toll" or "number of … killed" may be. */
const TOLL_REACH = 16

/**
 * "The death toll from Friday's attack … rose to 143", "the number of people killed … has reached
 * 139": from the verb at `verb`, look back in the sentence for a toll noun; the measure is "killed"
 * for a toll, else the measure word between the noun and the verb. Returns [measure, first token].
 */
function measureOfToll(
  words: readonly string[],
  tokens: Tokens,
  verb: number,
): [string, number] | null {
  const sentence = tokens.sentence[verb]!
  for (let j = verb - 1; j >= 0 && j >= verb - TOLL_REACH && tokens.sentence[j] === sentence; j--) {
    const word = words[j]!
    if (!tollNouns.has(word)) continue
    if (word === 'toll')
      return [
        'killed',
        j > 0 && words[j - 1] === 'death' && tokens.sentence[j - 1] === sentence ? j - 1 : j,
      ]
    for (let k = j + 1; k < verb; k++) {
      const measure = after.get(words[k]!)
      if (measure !== undefined) return [measure, j]
    }
    return null
  }
  return null
}

/** Tokens allowed between a number and its measure. */
const MAX_GAP = 4

/** A figure before it is attached to an event: the quantity, its measure and evidence span. */
export interface MeasuredQuantity {
  readonly figure: Figure
  /** Token index of the quantity's first token (for ordering). */
  readonly token: number
}

/**
 * Give each quantity a measure when a measure word sits next to it in its sentence:
 * after it ("139 people were killed", "four gunmen") or before it ("killing 139", "the death toll
 * rose to 140"). Quantities with no measure are not figures.
 */
export function measureQuantities(
  text: string,
  tokens: Tokens,
  words: readonly string[],
  quantities: readonly Quantity[],
): MeasuredQuantity[] {
  const out: MeasuredQuantity[] = []
  for (const quantity of quantities) {
    const first = tokenAtOrAfter(tokens, quantity.start)
    const end = tokenEndingBy(tokens, quantity.end)
    if (first >= end || end > tokens.count) continue
    const sentence = tokens.sentence[first]!
    // Percentages and money are not head counts.
    if (
      end < tokens.count &&
      (words[end] === '%' || words[end] === 'percent' || words[end] === 'per')
    )
      continue
    if (first > 0 && words[first - 1] === '$') continue
    let measure: string | undefined
    let rule = ''
    let spanStart = quantity.start
    let spanEnd = quantity.end
    // After: skip fillers, then a measure word.
    for (
      let j = end;
      j < tokens.count && j <= end + MAX_GAP && tokens.sentence[j] === sentence;
      j++
    ) {
      const word = words[j]!
      const found = after.get(word)
      if (found !== undefined) {
        measure = found
        rule = 'measure-after'
        spanEnd = tokens.ends[j]!
        break
      }
      if (!fillers.has(word)) break
      // "four of the wounded died": a subset of another count, not a count of its own.
      if (word === 'of' && j + 1 < tokens.count && subsetStops.has(words[j + 1]!)) break
    }
    if (measure === undefined) {
      for (
        let j = first - 1;
        j >= 0 && j >= first - 1 - MAX_GAP && tokens.sentence[j] === sentence;
        j--
      ) {
        const word = words[j]!
        const found = before.get(word)
        // "dead" before a number only as "the dead … 140"? Too loose: require it to be adjacent.
        if (found !== undefined && !(word === 'dead' && j !== first - 1)) {
          measure = found
          rule = 'measure-before'
          // "arrested 11 people": the counted noun right after the number belongs to the evidence.
          if (
            end < tokens.count &&
            tokens.sentence[end] === sentence &&
            countedNouns.has(words[end]!)
          ) {
            spanEnd = tokens.ends[end]!
          }
          // "death toll": include "death" in the evidence.
          const from =
            word === 'toll' &&
            j > 0 &&
            words[j - 1] === 'death' &&
            tokens.sentence[j - 1] === sentence
              ? j - 1
              : j
          spanStart = tokens.starts[from]!
          break
        }
        if (tollVerbs.has(word)) {
          const toll = measureOfToll(words, tokens, j)
          if (toll !== null) {
            measure = toll[0]
            rule = 'measure-toll'
            spanStart = tokens.starts[toll[1]]!
            break
          }
        }
        if (!beforeFillers.has(word)) break
      }
    }
    if (measure === undefined) continue
    const figure: Figure =
      quantity.valueMax !== undefined
        ? {
            measure,
            value: quantity.value,
            valueMax: quantity.valueMax,
            qualifier: quantity.qualifier,
            span: { start: spanStart, end: spanEnd, text: text.slice(spanStart, spanEnd) },
            sentence,
            provenance: { stage: 'events', rule },
          }
        : {
            measure,
            value: quantity.value,
            qualifier: quantity.qualifier,
            span: { start: spanStart, end: spanEnd, text: text.slice(spanStart, spanEnd) },
            sentence,
            provenance: { stage: 'events', rule },
          }
    out.push({ figure, token: first })
  }
  return out
}
