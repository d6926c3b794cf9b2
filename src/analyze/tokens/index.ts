/**
 * @module
 * The `tokens` stage: a single pass over each sentence into parallel typed arrays. Words keep
 * their inner hyphens ("well-known", "20-year-old"), numbers their separators ("1,200", "3.5",
 * "10:30", "2026-03-22"); clitics split off ("it|'s", "do|n't"); URLs, @handles and #hashtags,
 * dotted acronyms ("U.S.") and known abbreviations ("Mr.") are single tokens; every other
 * non-space character is punctuation (runs of "...", "--", "!!" stay together).
 */
import type { Sentence } from '../../model/analysis.js'
import type { NormalizedDocument } from '../../model/document.js'
import { Char, isDigit, isLetter, isSpace, isUpper, isWordChar } from '../chars.js'
import { readJson } from '../lexicon.js'
import { need, type Layers, type Stage, type Tokens } from '../stage.js'

const abbreviationTable = readJson<{ prefix: string[]; other: string[] }>('abbreviations.json')
/** Lowercase abbreviations whose period belongs to the token ("Mr.", "Gen.", "Jan."). */
const abbreviations: ReadonlySet<string> = new Set([
  ...abbreviationTable.prefix,
  ...abbreviationTable.other,
])

/** Clitics split off after an apostrophe: 's 're 've 'll 'd 'm (n't is handled apart). */
const clitics: ReadonlySet<string> = new Set(['s', 're', 've', 'll', 'd', 'm'])

function isApostrophe(code: number): boolean {
  return code === Char.Apostrophe || code === Char.RightSingle
}

/** Growable struct-of-arrays buffer. */
class TokenBuffer {
  count = 0
  starts: Uint32Array
  ends: Uint32Array
  sentence: Uint32Array

  constructor(capacity: number) {
    this.starts = new Uint32Array(capacity)
    this.ends = new Uint32Array(capacity)
    this.sentence = new Uint32Array(capacity)
  }

  push(start: number, end: number, sentence: number): void {
    if (this.count === this.starts.length) this.grow()
    this.starts[this.count] = start
    this.ends[this.count] = end
    this.sentence[this.count] = sentence
    this.count++
  }

  private grow(): void {
    const capacity = this.starts.length * 2 + 16
    const starts = new Uint32Array(capacity)
    const ends = new Uint32Array(capacity)
    const sentence = new Uint32Array(capacity)
    starts.set(this.starts)
    ends.set(this.ends)
    sentence.set(this.sentence)
    this.starts = starts
    this.ends = ends
    this.sentence = sentence
  }

  toTokens(): Tokens {
    return {
      count: this.count,
      starts: this.starts.slice(0, this.count),
      ends: this.ends.slice(0, this.count),
      sentence: this.sentence.slice(0, this.count),
    }
  }
}

/** End of a URL starting at `start` (without trailing punctuation), or `start` if none starts here. */
function urlEnd(text: string, start: number, end: number): number {
  const code = text.charCodeAt(start)
  if (code !== 104 /* h */ && code !== 72 && code !== 119 /* w */ && code !== 87) return start
  const head = text.slice(start, start + 8).toLowerCase()
  if (!head.startsWith('http://') && !head.startsWith('https://') && !head.startsWith('www.'))
    return start
  let i = start
  while (i < end && !isSpace(text.charCodeAt(i))) i++
  // Trailing sentence punctuation and closing quotes are not part of the URL.
  while (i > start) {
    const last = text.charCodeAt(i - 1)
    if (
      last === Char.Dot ||
      last === Char.Comma ||
      last === Char.Semicolon ||
      last === Char.Colon ||
      last === Char.Bang ||
      last === Char.Question ||
      last === Char.CloseParen ||
      last === Char.CloseBracket ||
      last === Char.Quote ||
      last === Char.Apostrophe ||
      last === Char.RightDouble ||
      last === Char.RightSingle
    ) {
      i--
    } else {
      break
    }
  }
  return i
}

/** End of an @handle or #hashtag at `start`, or `start`. */
function tagEnd(text: string, start: number, end: number): number {
  let i = start + 1
  while (i < end) {
    const code = text.charCodeAt(i)
    if (isWordChar(code) || code === Char.Underscore) i++
    else break
  }
  return i > start + 1 ? i : start
}

/**
 * End of the word or number at `start`. Joiners stay inside: a hyphen or soft joiner between word
 * characters, `. , : /` between digits. Stops before a clitic apostrophe.
 */
function wordEnd(text: string, start: number, end: number): number {
  let i = start + 1
  while (i < end) {
    const code = text.charCodeAt(i)
    if (isWordChar(code)) {
      i++
      continue
    }
    if (i + 1 >= end) break
    const next = text.charCodeAt(i + 1)
    if (code === Char.Hyphen && isWordChar(next)) {
      i += 2
      continue
    }
    if (
      (code === Char.Dot || code === Char.Comma || code === Char.Colon || code === Char.Slash) &&
      isDigit(next) &&
      isDigit(text.charCodeAt(i - 1))
    ) {
      i += 2
      continue
    }
    if (isApostrophe(code) && isLetter(next)) {
      // Look at the letters after the apostrophe: a clitic splits off, a name (O'Brien) does not.
      let j = i + 1
      while (j < end && isLetter(text.charCodeAt(j))) j++
      if (j < end && isWordChar(text.charCodeAt(j))) break
      const suffix = text.slice(i + 1, j).toLowerCase()
      if (clitics.has(suffix)) return i
      if (suffix === 't' && i - 1 > start) {
        const before = text.charCodeAt(i - 1)
        if (before === 110 /* n */ || before === 78 /* N */) return i - 1
      }
      i = j
      continue
    }
    break
  }
  return i
}

/** "U.S.", "a.m.", "e.g.": single letters each followed by a period, at least two of them. */
function dottedAcronymEnd(text: string, start: number, end: number): number {
  let i = start
  let letters = 0
  while (i + 1 < end && isLetter(text.charCodeAt(i)) && text.charCodeAt(i + 1) === Char.Dot) {
    if (
      i + 2 < end &&
      isWordChar(text.charCodeAt(i + 2)) &&
      !(i + 3 >= end || text.charCodeAt(i + 3) === Char.Dot)
    )
      break
    letters++
    i += 2
  }
  return letters >= 2 ? i : start
}

/** Append the tokens of `[start, end)` (one sentence) to `out`. */
function tokenizeSpan(
  text: string,
  start: number,
  end: number,
  sentence: number,
  out: TokenBuffer,
): void {
  let i = start
  while (i < end) {
    const code = text.charCodeAt(i)
    if (isSpace(code)) {
      i++
      continue
    }
    let stop = i
    if (isWordChar(code)) {
      stop = urlEnd(text, i, end)
      if (stop === i) stop = dottedAcronymEnd(text, i, end)
      if (stop === i) {
        stop = wordEnd(text, i, end)
        // The period of a known abbreviation or an initial belongs to it, unless it ends the sentence.
        if (stop + 1 < end && text.charCodeAt(stop) === Char.Dot) {
          const length = stop - i
          if (
            length === 1
              ? isUpper(code)
              : length <= 8 && abbreviations.has(text.slice(i, stop).toLowerCase())
          ) {
            stop++
          }
        }
      }
    } else if (code === Char.At || code === Char.Hash) {
      stop = tagEnd(text, i, end)
      if (stop === i) stop = i + 1
    } else if (isApostrophe(code) && i + 1 < end && isLetter(text.charCodeAt(i + 1))) {
      // A clitic left by wordEnd ("'s", "'re"), or a quote opening a word.
      let j = i + 1
      while (j < end && isLetter(text.charCodeAt(j))) j++
      stop =
        i > start &&
        isWordChar(text.charCodeAt(i - 1)) &&
        clitics.has(text.slice(i + 1, j).toLowerCase())
          ? j
          : i + 1
    } else if (code >= 0xd800 && code <= 0xdbff) {
      // An astral symbol (emoji): the pair, plus joiners, variation selectors and skin tones.
      const low = i + 1 < end ? text.charCodeAt(i + 1) : 0
      stop = low >= 0xdc00 && low <= 0xdfff ? i + 2 : i + 1
      while (stop < end) {
        const next = text.charCodeAt(stop)
        if (next === 0xfe0f || next === 0x20e3) stop++
        else if (next === 0x200d && stop + 2 < end) stop += 3
        else if (
          next === 0xd83c &&
          stop + 1 < end &&
          text.charCodeAt(stop + 1) >= 0xdffb &&
          text.charCodeAt(stop + 1) <= 0xdfff
        )
          stop += 2
        else break
      }
      if (stop > end) stop = end
    } else {
      // Punctuation: runs of the same mark stay together ("...", "--", "!!", "??").
      stop = i + 1
      if (
        code === Char.Dot ||
        code === Char.Hyphen ||
        code === Char.Bang ||
        code === Char.Question
      ) {
        while (stop < end && text.charCodeAt(stop) === code) stop++
      }
    }
    out.push(i, stop, sentence)
    i = stop
  }
}

/** Tokens of all sentences, in text order. */
export function tokenize(text: string, sentences: readonly Sentence[]): Tokens {
  let length = 0
  for (const s of sentences) length += s.end - s.start
  const out = new TokenBuffer((length >> 2) + 16)
  for (let index = 0; index < sentences.length; index++) {
    const s = sentences[index]!
    tokenizeSpan(text, s.start, s.end, index, out)
  }
  return out.toTokens()
}

export const tokensStage = {
  name: 'tokens',
  needs: ['sentences'],
  provides: 'tokens',
  run(doc: NormalizedDocument, layers: Readonly<Partial<Layers>>): Tokens {
    return tokenize(doc.text, need(layers, 'sentences'))
  },
} satisfies Stage<'tokens'>
