/**
 * @module
 * A small word scanner over a region of the text, used by the claim rules. Words keep their
 * offsets; punctuation marks are words of their own; "Mr." and initials keep their full stop.
 */

import { readFileSync } from 'node:fs'
import { dataPath } from '../../data-path.js'
import { AppError } from '../../errors.js'

/** Closed-class word sets of the claim rules, from data/claims/closed-class.tsv (read once). */
const CLOSED_CLASS = ((): Map<string, Set<string>> => {
  const sets = new Map<string, Set<string>>()
  for (const line of readFileSync(dataPath('claims/closed-class.tsv'), 'utf8').split('\n')) {
    if (line.trim() === '' || line.startsWith('#')) continue
    const [name, word] = line.split('\t')
    if (name === undefined || word === undefined || word === '') continue
    let set = sets.get(name)
    if (set === undefined) sets.set(name, (set = new Set()))
    set.add(word)
  }
  return sets
})()

/** One closed-class set by name; a name missing from the data file is an error at load. */
export function closedClass(name: string): ReadonlySet<string> {
  const set = CLOSED_CLASS.get(name)
  if (set === undefined)
    throw new AppError('INTERNAL', `data/claims/closed-class.tsv has no set "${name}"`)
  return set
}

export interface Word {
  readonly start: number
  readonly end: number
  /** Lowercased text, with ’ folded to '. */
  readonly lower: string
  /** The first character is an upper-case letter. */
  readonly upper: boolean
  /** A letter or digit word (not punctuation). */
  readonly isWord: boolean
}

const ABBREVIATIONS: ReadonlySet<string> = closedClass('abbreviations')
const NON_ASCII_WORD = /[\p{L}\p{N}]/u

/** Letter or digit (ASCII fast path). */
function isWordCode(code: number): boolean {
  if (code < 128)
    return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57)
  return NON_ASCII_WORD.test(String.fromCharCode(code))
}

const isSpaceCode = (code: number): boolean =>
  code === 32 ||
  (code >= 9 && code <= 13) ||
  code === 160 ||
  (code >= 0x2000 && code <= 0x200b) ||
  code === 0x3000

/** Words of `text.slice(start, end)`, with absolute offsets. A plain character loop: hot path. */
export function scanWords(text: string, start: number, end: number): Word[] {
  const words: Word[] = []
  let i = start
  while (i < end) {
    const code = text.charCodeAt(i)
    if (isSpaceCode(code)) {
      i++
      continue
    }
    if (
      (code === 39 || code === 0x2019) &&
      i + 1 < end &&
      (text.charCodeAt(i + 1) | 32) === 115 &&
      !isWordCode(text.charCodeAt(i + 2)) &&
      i > start &&
      isWordCode(text.charCodeAt(i - 1))
    ) {
      pushWord(words, text, i, i + 2, true, false)
      i += 2
      continue
    }
    if (!isWordCode(code)) {
      // "’s" / "'s" after a space-less possessive are handled inside words; here a mark is a word.
      pushWord(words, text, i, i + 1, false, code < 128)
      i++
      continue
    }
    // Whether the word needs lowering or folding (an upper-case or non-ASCII letter, a ’): most
    // words need neither, and their text is their lower form.
    let plain = (code >= 97 && code <= 122) || (code >= 48 && code <= 57)
    let j = i + 1
    let dotted = false
    while (j < end) {
      const c = text.charCodeAt(j)
      if (c >= 97 && c <= 122) {
        j++
        continue
      }
      if (isWordCode(c)) {
        if (c >= 128 || (c >= 65 && c <= 90)) plain = false
        j++
        continue
      }
      // The clitic "'s" is a word of its own ("He's said", "the country's president").
      if (
        (c === 39 || c === 0x2019) &&
        (text.charCodeAt(j + 1) | 32) === 115 &&
        !isWordCode(text.charCodeAt(j + 2))
      ) {
        break
      }
      // Inner hyphen, apostrophe or full stop joins when a letter or digit follows ("U.S", "don't").
      if (
        (c === 45 || c === 39 || c === 0x2019 || c === 46) &&
        j + 1 < end &&
        isWordCode(text.charCodeAt(j + 1))
      ) {
        if (c === 46) dotted = true
        if (c === 0x2019) plain = false
        const d = text.charCodeAt(j + 1)
        if (d >= 128 || (d >= 65 && d <= 90)) plain = false
        j += 2
        continue
      }
      break
    }
    // A trailing full stop belongs to abbreviations and initials ("Mr.", "U.S.", "J.").
    if (j < end && text.charCodeAt(j) === 46) {
      if (dotted || j - i === 1 || ABBREVIATIONS.has(text.slice(i, j).toLowerCase())) j++
    }
    pushWord(words, text, i, j, true, plain)
    i = j
  }
  return words
}

/** `plain`: the text is already lower-case ASCII without ’ (no lowering needed). */
function pushWord(
  words: Word[],
  text: string,
  start: number,
  end: number,
  isWord: boolean,
  plain: boolean,
): void {
  const code = text.charCodeAt(start)
  if (plain) {
    words.push({ start, end, lower: text.slice(start, end), upper: false, isWord })
    return
  }
  const raw = text.slice(start, end)
  let lower = raw.toLowerCase()
  if (lower.includes('’')) lower = lower.replace(/’/g, "'")
  words.push({
    start,
    end,
    lower,
    // (A clitic "’s" counts as capitalised here, its ’ being folded: the trained models read
    // it so.)
    upper: isWord && (code < 128 ? code >= 65 && code <= 90 : raw[0] !== lower[0]),
    isWord,
  })
}

/** Auxiliaries, adverbs and negation that may stand between a speaker and the cue. */
export const BETWEEN_SPEAKER_AND_CUE: ReadonlySet<string> = closedClass('between-speaker-and-cue')

/** Time words that may stand between a speaker and the cue ("Wells Fargo this month said"). */
export const TIME_WORDS: ReadonlySet<string> = closedClass('time-words')

export const NEGATIONS: ReadonlySet<string> = closedClass('negations')

export const DETERMINERS: ReadonlySet<string> = closedClass('determiners')

export const PRONOUNS: ReadonlySet<string> = closedClass('pronouns')

/** Determiners a speaker phrase may open with before its cue ("all three said"). */
export const PREDETERMINERS: ReadonlySet<string> = closedClass('predeterminers')

/** Words that end a speaker noun phrase when walking backwards from the cue. */
export const NP_STOPS: ReadonlySet<string> = closedClass('np-stops')

/** Prepositions a speaker phrase may contain ("the head of the service", "officials in Moscow"). */
export const NP_INNER: ReadonlySet<string> = closedClass('np-inner')

const FINITE_VERBS: ReadonlySet<string> = closedClass('finite-verbs')

/** A lower-case auxiliary or irregular past ("was", "came"): never inside a speaker's name. */
export const isFiniteVerb = (w: Word): boolean => w.isWord && !w.upper && FINITE_VERBS.has(w.lower)

/** A lower-case word that looks like a finite verb: an -ed form, an irregular past, an auxiliary. */
export const isVerbLike = (w: Word): boolean =>
  w.isWord &&
  !w.upper &&
  (FINITE_VERBS.has(w.lower) || (w.lower.length > 4 && w.lower.endsWith('ed')))
