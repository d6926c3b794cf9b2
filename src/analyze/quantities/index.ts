/**
 * @module
 * The `quantities` stage: numbers in digits and words with their qualifier ("at least 139",
 * "nearly 1,200", "two dozen", "dozens" = 24..99, "between 10 and 12"). Years, dates, times,
 * ordinals, identifiers ("Flight 370") and phone-like numbers are not quantities.
 */
import type { Qualifier, Quantity } from '../../model/analysis.js'
import type { NormalizedDocument } from '../../model/document.js'
import { isAsciiDigit, isUpper } from '../chars.js'
import { readJson } from '../lexicon.js'
import { need, type Layers, type Stage, type Tokens } from '../stage.js'
import { lowerWords } from '../words.js'
import { parseNumber, readDigits, type ParsedNumber } from './parse-number.js'

const STAGE = 'quantities'

interface Calendar {
  readonly months: Readonly<Record<string, number>>
  readonly yearPrepositions: readonly string[]
  readonly timeWords: readonly string[]
}
interface Exclusions {
  readonly identifiers: readonly string[]
  readonly countNouns: readonly string[]
  readonly oneBefore: readonly string[]
  readonly oneAfter: readonly string[]
}

const calendar = readJson<Calendar>('calendar.json')
const months: ReadonlySet<string> = new Set(Object.keys(calendar.months))
const yearPrepositions: ReadonlySet<string> = new Set(calendar.yearPrepositions)
const timeWords: ReadonlySet<string> = new Set(calendar.timeWords)
const exclusions = readJson<Exclusions>('quantity-exclusions.json')
const identifiers: ReadonlySet<string> = new Set(exclusions.identifiers)
const countNouns: ReadonlySet<string> = new Set(exclusions.countNouns)
const oneBefore: ReadonlySet<string> = new Set(exclusions.oneBefore)
const oneAfter: ReadonlySet<string> = new Set(exclusions.oneAfter)

/** Qualifier phrases by their token count, longest first. */
const qualifierTable = readJson<Record<string, string>>('qualifiers.json')
const qualifiers = new Map<string, Qualifier>()
let longestQualifier = 1
for (const [phrase, qualifier] of Object.entries(qualifierTable)) {
  if (phrase.startsWith('$')) continue
  qualifiers.set(phrase, qualifier as Qualifier)
  longestQualifier = Math.max(longestQualifier, phrase.split(' ').length)
}

/** Words after a year that show it is a count ("2000 people", "1500 troops"). */
const NOT_PLURAL: ReadonlySet<string> = new Set([
  'was',
  'has',
  'is',
  'as',
  'this',
  'its',
  'his',
  'plus',
  'thus',
  'always',
  'perhaps',
  'across',
  'unless',
  'whereas',
  'less',
  'elections',
  'census',
  'olympics',
  'games',
  'campaigns',
])

function looksPlural(word: string | undefined): boolean {
  if (word === undefined) return false
  return countNouns.has(word) || (word.length > 3 && word.endsWith('s') && !NOT_PLURAL.has(word))
}

/** Why the number at `[i, end)` is not a quantity, or null when it is one. */
function excludedBecause(
  text: string,
  words: readonly string[],
  tokens: Tokens,
  i: number,
  parsed: ParsedNumber,
  limitStart: number,
  limitEnd: number,
): string | null {
  const first = words[i]!
  const before = i > limitStart ? words[i - 1] : undefined
  const after = parsed.end < limitEnd ? words[parsed.end] : undefined
  const isDigits = isAsciiDigit(first.charCodeAt(0))
  if (isDigits && parsed.rule === 'digits' && parsed.end === i + 1) {
    const digits = readDigits(first)
    const plain =
      digits.value === Math.floor(digits.value) &&
      first.indexOf(',') === -1 &&
      first.indexOf('.') === -1
    // Years: four digits 1800..2099 after "in", "since" … or not followed by a counted noun.
    if (plain && first.length === 4 && digits.value >= 1800 && digits.value <= 2099) {
      if (
        (before !== undefined && (yearPrepositions.has(before) || months.has(before))) ||
        !looksPlural(after)
      )
        return 'year'
    }
    // Phone-like and long codes: seven or more digits without separators.
    if (plain && digits.digits >= 7) return 'phone-like'
    // Days of months: "March 22", "22 March", "22 of March".
    if (plain && digits.value >= 1 && digits.value <= 31) {
      if (
        (before !== undefined && months.has(before)) ||
        (after !== undefined && months.has(after))
      )
        return 'date'
      if (after === 'of' && parsed.end + 1 < limitEnd && months.has(words[parsed.end + 1]!))
        return 'date'
    }
  }
  if (isDigits && parsed.rule === 'digit-range' && first.length === 10) return 'date'
  if (after !== undefined && timeWords.has(after)) return 'time'
  // "Lina Orsk, 27, said": an age in apposition to a name.
  if (
    isDigits &&
    before === ',' &&
    after === ',' &&
    i >= 2 &&
    isUpper(text.charCodeAt(tokens.starts[i - 2]!)) &&
    parsed.end === i + 1
  ) {
    return 'age'
  }
  if (before !== undefined && identifiers.has(before)) return 'identifier'
  // "$5" is money, not an identifier, but "#2" is a rank.
  if (before === '#' && tokens.ends[i - 1] === tokens.starts[i]) return 'identifier'
  if (
    parsed.bareOne &&
    ((before !== undefined && oneBefore.has(before)) ||
      (after !== undefined && oneAfter.has(after)) ||
      after === undefined)
  ) {
    return 'pronoun-one'
  }
  return null
}

/** The qualifier phrase ending right before token `i`: [qualifier, first token index]. */
function qualifierBefore(
  words: readonly string[],
  i: number,
  limitStart: number,
): [Qualifier, number] | null {
  for (let n = Math.min(longestQualifier, i - limitStart); n >= 1; n--) {
    let phrase = words[i - n]!
    for (let k = i - n + 1; k < i; k++) phrase += ' ' + words[k]!
    const qualifier = qualifiers.get(phrase)
    if (qualifier !== undefined) return [qualifier, i - n]
  }
  return null
}

/** Find all quantities in one document's tokens. */
export function findQuantities(text: string, tokens: Tokens): Quantity[] {
  const words = lowerWords(text, tokens)
  const quantities: Quantity[] = []
  let sentenceStart = 0
  for (let i = 0; i < tokens.count;) {
    // Limits of the current sentence in token indices.
    const sentence = tokens.sentence[i]!
    if (i === 0 || tokens.sentence[i - 1] !== sentence) sentenceStart = i
    let sentenceEnd = i + 1
    while (sentenceEnd < tokens.count && tokens.sentence[sentenceEnd] === sentence) sentenceEnd++
    i = scanSentence(text, tokens, words, sentenceStart, sentenceEnd, quantities)
  }
  return quantities
}

function scanSentence(
  text: string,
  tokens: Tokens,
  words: readonly string[],
  start: number,
  end: number,
  out: Quantity[],
): number {
  let i = start
  while (i < end) {
    const parsed = parseNumber(words, i, end)
    if (parsed === null) {
      i++
      continue
    }
    if (excludedBecause(text, words, tokens, i, parsed, start, end) !== null) {
      i = parsed.end
      continue
    }
    const value = parsed.value
    let valueMax = parsed.valueMax
    let rule = parsed.rule
    let last = parsed.end
    let first = i
    let qualifier: Qualifier =
      parsed.valueMax !== undefined && parsed.rule === 'vague-plural' ? 'approx' : 'exact'
    // "between 10 and 12", "10 to 12", "two or three".
    const joiner = last < end ? words[last] : undefined
    const between = i > start && words[i - 1] === 'between'
    if (
      joiner !== undefined &&
      (joiner === 'to' ||
        joiner === 'or' ||
        joiner === '-' ||
        joiner === '–' ||
        (between && joiner === 'and'))
    ) {
      const second = last + 1 < end ? parseNumber(words, last + 1, end) : null
      if (
        second !== null &&
        second.value > value &&
        excludedBecause(text, words, tokens, last + 1, second, start, end) === null
      ) {
        valueMax = second.valueMax ?? second.value
        last = second.end
        rule = 'range'
        if (joiner === 'or') qualifier = 'approx'
        if (between) first = i - 1
      }
    }
    const found = qualifierBefore(words, first, start)
    if (found !== null) {
      qualifier = found[0]
      first = found[1]
    } else if (last < end && words[last] === 'or' && last + 1 < end && words[last + 1] === 'so') {
      qualifier = 'approx'
      last += 2
    }
    const spanStart = tokens.starts[first]!
    const spanEnd = tokens.ends[last - 1]!
    const quantity: Quantity =
      valueMax !== undefined && valueMax !== value
        ? {
            start: spanStart,
            end: spanEnd,
            text: text.slice(spanStart, spanEnd),
            value,
            valueMax,
            qualifier,
            provenance: { stage: STAGE, rule },
          }
        : {
            start: spanStart,
            end: spanEnd,
            text: text.slice(spanStart, spanEnd),
            value,
            qualifier,
            provenance: { stage: STAGE, rule },
          }
    out.push(quantity)
    i = last
  }
  return end
}

export const quantitiesStage = {
  name: STAGE,
  needs: ['sentences', 'tokens'],
  provides: 'quantities',
  run(doc: NormalizedDocument, layers: Readonly<Partial<Layers>>): Quantity[] {
    return findQuantities(doc.text, need(layers, 'tokens'))
  },
} satisfies Stage<'quantities'>
