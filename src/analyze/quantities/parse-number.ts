import { isAsciiDigit } from '../chars.js'
import { readJson } from '../lexicon.js'

interface NumberWords {
  readonly values: Readonly<Record<string, number>>
  readonly multipliers: Readonly<Record<string, number>>
  readonly vague: Readonly<Record<string, readonly [number, number]>>
  readonly vagueBases: Readonly<Record<string, number>>
  readonly vagueNeedsBase: readonly string[]
  readonly articles: readonly string[]
}

const table = readJson<NumberWords>('number-words.json')
const values = new Map(Object.entries(table.values))
const multipliers = new Map(Object.entries(table.multipliers))
const vague = new Map(Object.entries(table.vague))
const vagueBases = new Map(Object.entries(table.vagueBases))
const vagueNeedsBase: ReadonlySet<string> = new Set(table.vagueNeedsBase)
const articles: ReadonlySet<string> = new Set(table.articles)

/** What a number phrase starting at a token reads as. */
export interface ParsedNumber {
  readonly value: number
  readonly valueMax?: number
  /** Index after the phrase's last token. */
  readonly end: number
  /** 'digits' | 'number-words' | 'vague-plural' | 'digit-range'. */
  readonly rule: string
  /** The phrase is exactly the word "one" (often a pronoun). */
  readonly bareOne: boolean
}

/** Why a digit token is not a number we count (time, fraction, date, identifier-like). */
export type DigitShape = 'number' | 'range' | 'other'

/**
 * Read a digit token: plain ("139", "1,200", "3.5") → value; "10-12" → range; anything with
 * letters, colons, slashes or more hyphens ("3rd", "10:30", "9/11", "2026-03-22") → 'other'.
 */
export function readDigits(word: string): {
  shape: DigitShape
  value: number
  valueMax: number
  digits: number
} {
  let value = 0
  let digits = 0
  let fraction = 0
  let inFraction = false
  let hyphen = -1
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i)
    if (isAsciiDigit(code)) {
      digits++
      if (inFraction) {
        fraction /= 10
        value += (code - 48) * fraction
      } else {
        value = value * 10 + (code - 48)
      }
    } else if (code === 44 /* , */ && !inFraction && hyphen === -1) {
      // Thousands separator: exactly three digits must follow.
      if (!threeDigitsAt(word, i + 1)) {
        return { shape: 'other', value: 0, valueMax: 0, digits }
      }
    } else if (code === 46 /* . */ && !inFraction && hyphen === -1) {
      inFraction = true
      fraction = 1
    } else if (code === 45 /* - */ && hyphen === -1 && !inFraction) {
      hyphen = i
      break
    } else {
      return { shape: 'other', value: 0, valueMax: 0, digits }
    }
  }
  if (hyphen === -1) return { shape: 'number', value, valueMax: value, digits }
  // "10-12": both sides plain integers up to four digits, increasing.
  let max = 0
  let maxDigits = 0
  for (let i = hyphen + 1; i < word.length; i++) {
    const code = word.charCodeAt(i)
    if (!isAsciiDigit(code)) return { shape: 'other', value: 0, valueMax: 0, digits }
    max = max * 10 + (code - 48)
    maxDigits++
  }
  if (digits > 4 || maxDigits === 0 || maxDigits > 4 || max <= value || maxDigits < digits) {
    return { shape: 'other', value: 0, valueMax: 0, digits }
  }
  return { shape: 'range', value, valueMax: max, digits: digits + maxDigits }
}

function threeDigitsAt(word: string, at: number): boolean {
  if (at + 3 > word.length) return false
  for (let i = at; i < at + 3; i++) if (!isAsciiDigit(word.charCodeAt(i))) return false
  return at + 3 === word.length || !isAsciiDigit(word.charCodeAt(at + 3))
}

/** Value of a single number word, including hyphenated "thirty-five"; undefined if none. */
function wordValue(word: string): number | undefined {
  const direct = values.get(word)
  if (direct !== undefined) return direct
  const hyphen = word.indexOf('-')
  if (hyphen <= 0) return undefined
  const tens = values.get(word.slice(0, hyphen))
  const units = values.get(word.slice(hyphen + 1))
  if (
    tens === undefined ||
    units === undefined ||
    tens < 20 ||
    tens % 10 !== 0 ||
    units < 1 ||
    units > 9
  )
    return undefined
  return tens + units
}

/**
 * Parse the number phrase starting at token `i` ("139", "1.5 million", "two hundred and five",
 * "a dozen", "dozens", "tens of thousands"), or null. `words` are the lowercased tokens.
 */
export function parseNumber(
  words: readonly string[],
  i: number,
  limit: number,
): ParsedNumber | null {
  const first = words[i]!
  if (first.length === 0) return null
  if (isAsciiDigit(first.charCodeAt(0))) {
    const digits = readDigits(first)
    if (digits.shape === 'other') return null
    if (digits.shape === 'range') {
      return {
        value: digits.value,
        valueMax: digits.valueMax,
        end: i + 1,
        rule: 'digit-range',
        bareOne: false,
      }
    }
    // "1.5 million", "5 thousand", "3 dozen".
    let value = digits.value
    let end = i + 1
    while (end < limit) {
      const multiplier = multipliers.get(words[end]!)
      if (multiplier === undefined) break
      value *= multiplier
      end++
    }
    return { value: round(value), end, rule: 'digits', bareOne: false }
  }
  const range = vague.get(first)
  if (range !== undefined) return parseVague(words, i, limit, first, range)
  return parseWords(words, i, limit)
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6
}

function parseVague(
  words: readonly string[],
  i: number,
  limit: number,
  first: string,
  range: readonly [number, number],
): ParsedNumber | null {
  // "tens of thousands", "hundreds of thousands", "dozens of millions".
  if (i + 2 < limit && words[i + 1] === 'of') {
    const base = vagueBases.get(words[i + 2]!)
    if (base !== undefined) {
      return {
        value: range[0] * base,
        valueMax: (range[1] + 1) * base - 1,
        end: i + 3,
        rule: 'vague-plural',
        bareOne: false,
      }
    }
  }
  if (vagueNeedsBase.has(first)) return null
  return { value: range[0], valueMax: range[1], end: i + 1, rule: 'vague-plural', bareOne: false }
}

function parseWords(words: readonly string[], i: number, limit: number): ParsedNumber | null {
  let total = 0
  let current = 0
  let seen = false
  let end = i
  let j = i
  // "half a million": one half of the multiplier that follows.
  let scale = 1
  if (
    words[j] === 'half' &&
    j + 2 < limit &&
    articles.has(words[j + 1]!) &&
    multipliers.has(words[j + 2]!)
  ) {
    scale = 0.5
    j++
  }
  // "a hundred", "an estimated"? Only an article directly before a multiplier counts as one.
  if (articles.has(words[j]!)) {
    if (j + 1 >= limit || !multipliers.has(words[j + 1]!)) return null
    current = 1
    j++
  }
  for (; j < limit; j++) {
    const word = words[j]!
    const value = wordValue(word)
    if (value !== undefined) {
      // "two three" is not one number: a value may follow only a multiplier or a tens word.
      if (seen && current % 100 !== 0 && !(current % 10 === 0 && current < 100 && value < 10)) break
      current += value
      seen = true
      end = j + 1
      continue
    }
    const multiplier = multipliers.get(word)
    if (multiplier !== undefined) {
      if (multiplier === 100 || multiplier === 12) {
        current = (current === 0 ? 1 : current) * multiplier
      } else {
        total += (current === 0 ? 1 : current) * multiplier
        current = 0
      }
      seen = true
      end = j + 1
      continue
    }
    // "two hundred and five": "and" only between a multiplier and a further number word.
    if (
      word === 'and' &&
      seen &&
      j + 1 < limit &&
      wordValue(words[j + 1]!) !== undefined &&
      (current >= 100 || total > 0)
    ) {
      continue
    }
    break
  }
  if (!seen) return null
  const value = (total + current) * scale
  return { value, end, rule: 'number-words', bareOne: end === i + 1 && words[i] === 'one' }
}
