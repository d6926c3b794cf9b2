import {
  Char,
  isCloser,
  isLetter,
  isLower,
  isSpace,
  isTerminal,
  isUpper,
  isWordChar,
} from '../../chars.js'
import { readJson, readWordSet } from '../../lexicon.js'

interface AbbreviationTable {
  readonly prefix: readonly string[]
  readonly other: readonly string[]
}

const abbreviations = readJson<AbbreviationTable>('abbreviations.json')
/** Abbreviations always followed by more of the sentence ("Mr.", "Gen.", "No."). */
const prefixAbbreviations: ReadonlySet<string> = new Set(abbreviations.prefix)
/** Abbreviations that may end a sentence ("Inc.", "Jan.", "etc."). */
const otherAbbreviations: ReadonlySet<string> = new Set(abbreviations.other)
const sentenceStarters = readWordSet('sentence-starters.txt')
const speechVerbs = readWordSet('speech-verbs.txt')

/** Longest word we look up in the tables (longer words are never abbreviations). */
const MAX_ABBREVIATION = 8

/**
 * Split a segment (no paragraph or hard line break inside) at sentence-final punctuation.
 * A candidate is a run of `. ! ? …`, then closing quotes or brackets, then white space; it ends the
 * sentence unless `isBoundary` says otherwise.
 */
export function splitAtTerminals(
  text: string,
  start: number,
  end: number,
  onSentence: (start: number, end: number) => void,
): void {
  let sentenceStart = start
  let i = start
  while (i < end) {
    const code = text.charCodeAt(i)
    if (!isTerminal(code)) {
      i++
      continue
    }
    let runEnd = i + 1
    while (runEnd < end && isTerminal(text.charCodeAt(runEnd))) runEnd++
    let closeEnd = runEnd
    while (closeEnd < end && isCloser(text.charCodeAt(closeEnd))) closeEnd++
    if (closeEnd >= end) break
    if (!isSpace(text.charCodeAt(closeEnd))) {
      // "U.S.-led", "3.5", "example.com", "Yahoo!'s": no white space, no boundary.
      i = closeEnd
      continue
    }
    let next = closeEnd + 1
    while (next < end && isSpace(text.charCodeAt(next))) next++
    if (next >= end) break
    if (isBoundary(text, sentenceStart, i, runEnd, closeEnd, next, end)) {
      onSentence(sentenceStart, closeEnd)
      sentenceStart = next
      i = next
    } else {
      i = closeEnd
    }
  }
  onSentence(sentenceStart, end)
}

/** The word that ends at `end` (letters, digits, inner periods and apostrophes), as `[start, end)`. */
function wordStartBefore(text: string, limit: number, end: number): number {
  let i = end
  while (i > limit) {
    const code = text.charCodeAt(i - 1)
    if (isWordChar(code)) i--
    else if (code === Char.Dot && i - 1 > limit && isWordChar(text.charCodeAt(i - 2))) i--
    else break
  }
  return i
}

function wordEndAt(text: string, start: number, end: number): number {
  let i = start
  while (i < end && isWordChar(text.charCodeAt(i))) i++
  return i
}

/** "U.S", "a.m", "e.g": single word characters separated by periods (the last period excluded). */
function isDottedAcronym(text: string, start: number, end: number): boolean {
  if (end - start < 3) return false
  for (let i = start; i < end; i++) {
    const even = (i - start) % 2 === 0
    const code = text.charCodeAt(i)
    if (even ? !isLetter(code) : code !== Char.Dot) return false
  }
  return (end - start) % 2 === 1
}

/** A capitalized word at `at` that commonly starts sentences ("The", "Police", "He"). */
function startsWithSentenceStarter(text: string, at: number, end: number): boolean {
  if (!isUpper(text.charCodeAt(at))) return false
  const wordEnd = wordEndAt(text, at, end)
  if (wordEnd === at || wordEnd - at > 12) return false
  // A single capital followed by a period is an initial ("J. R. Smith"), not "A" or "I".
  if (wordEnd - at === 1 && wordEnd < end && text.charCodeAt(wordEnd) === Char.Dot) return false
  return sentenceStarters.has(text.slice(at, wordEnd).toLowerCase())
}

/** `“Is it over?” Smith asked.`: one to three capitalized words, then a speech verb. */
function startsSpeakerAndVerb(text: string, at: number, end: number): boolean {
  let i = at
  for (let words = 0; words < 4 && i < end; words++) {
    const wordEnd = wordEndAt(text, i, end)
    if (wordEnd === i) return false
    if (words > 0 && isLower(text.charCodeAt(i))) return speechVerbs.has(text.slice(i, wordEnd))
    if (!isUpper(text.charCodeAt(i))) return false
    i = wordEnd
    if (i < end && text.charCodeAt(i) === Char.Space) i++
    else return false
  }
  return false
}

function isBoundary(
  text: string,
  sentenceStart: number,
  runStart: number,
  runEnd: number,
  closeEnd: number,
  next: number,
  end: number,
): boolean {
  const nextCode = text.charCodeAt(next)
  // ", ; :" or a closing bracket after the space: the sentence goes on ("Yahoo! , …").
  if (
    nextCode === Char.Comma ||
    nextCode === Char.Semicolon ||
    nextCode === Char.Colon ||
    nextCode === Char.CloseParen
  ) {
    return false
  }
  const quoted = closeEnd > runEnd
  const single = runEnd - runStart === 1
  const terminal = text.charCodeAt(runStart)
  const ellipsis = terminal === Char.Ellipsis || (terminal === Char.Dot && !single)
  if (single && terminal === Char.Dot && !quoted) {
    const wordStart = wordStartBefore(text, sentenceStart, runStart)
    const length = runStart - wordStart
    if (length > 0 && length <= MAX_ABBREVIATION) {
      const word = text.slice(wordStart, runStart).toLowerCase()
      if (prefixAbbreviations.has(word)) return false
      const initial = length === 1 && isUpper(text.charCodeAt(wordStart))
      if (initial || otherAbbreviations.has(word) || isDottedAcronym(text, wordStart, runStart)) {
        return startsWithSentenceStarter(text, next, end)
      }
    }
  }
  // After a quotation: “… ?” she asked. / “… !” Smith said.
  if (quoted && !ellipsis && (isLower(nextCode) || startsSpeakerAndVerb(text, next, end)))
    return false
  // A trailing-off ellipsis ("and then … nothing"), or "Yahoo! reported": the sentence goes on.
  // An emphatic run ("omg!!! just", "dead?? my") still ends one, as in social posts.
  if (isLower(nextCode) && (ellipsis || (terminal !== Char.Dot && single))) return false
  // Anything else ends the sentence, digits included ("… in 2015. 139 people …").
  return true
}
