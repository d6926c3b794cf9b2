/**
 * @module
 * Rule 2b: a block quotation introduced by its speaker and cue at the end of the paragraph before
 * it ("President Dravic said in her address:" + a paragraph). HTML `<blockquote>` and Markdown
 * `>` lose their marks in normalization, so the quoted paragraph carries no quotation marks: it
 * is the content of a direct claim. A paragraph that opens with a quotation mark is left to the
 * direct-quote rule; only one paragraph is taken (where a block quote ends is not known).
 */
import type { Span } from '../../../model/document.js'
import type { Draft, ExtractInput } from '../extract.js'
import { isVerbLike, scanWords, TIME_WORDS, type Word } from '../words.js'
import {
  ADJUNCT_STARTS,
  cueLast,
  leftOfCue,
  opensClause,
  overlapsAny,
  paragraphEnd,
  spanOf,
  speakerLeftSpan,
} from '../phrases.js'

/** Words at most between a cue and its colon ("said in her address on Sunday:"). */
const MAX_TAIL = 8

const OPENING_MARKS = /^["“‘'«‹„]/

export function blockQuotes(input: ExtractInput, drafts: Draft[], blocked: Span[]): void {
  const { text } = input
  for (const sentence of input.sentences) {
    const colon = lastNonSpaceAt(text, sentence.end)
    if (colon < sentence.start || text[colon] !== ':') continue
    // The colon ends its paragraph, and a paragraph follows.
    const next = nextParagraphStart(text, colon + 1)
    if (next < 0 || OPENING_MARKS.test(text.slice(next, next + 1))) continue
    const words = scanWords(text, sentence.start, colon + 1)
    const cue = introducingCue(input, words)
    if (cue === null) continue
    const end = lastNonSpaceAt(text, paragraphEnd(text, next)) + 1
    // A paragraph of marks only ("…", ":") quotes nothing.
    if (!/[\p{L}\p{N}]/u.test(text.slice(next, end))) continue
    const content = { start: next, end }
    const speaker = spanOf(words, cue.speakerFirst, cue.speakerLast)
    const cueSpan = spanOf(words, cue.first, cue.last)
    if ([speaker, cueSpan, content].some((s) => overlapsAny(blocked, s))) continue
    drafts.push({
      speaker,
      cue: cueSpan,
      content,
      kind: 'direct',
      rule: 'block-quote-after-colon',
      cueEntry: input.lexicon.cues.get(words[cue.verb]?.lower ?? '') ?? null,
      stance: null,
      targetSpan: cue.addressee,
      negated: cue.negated,
      passive: false,
    })
    blocked.push(speaker, cueSpan, content)
  }
}

interface IntroducingCue {
  readonly speakerFirst: number
  readonly speakerLast: number
  /** First and last word of the cue (auxiliaries and extension included), and its verb. */
  readonly first: number
  readonly last: number
  readonly verb: number
  /** Whom a tell/ask cue addresses ("told reporters"): its targets. */
  readonly addressee: Span | null
  readonly negated: boolean
}

/**
 * The cue of words ending with a colon ("X said in a statement:"): a lower-case lexicon cue with
 * only its extension, adjuncts or time words between it and the colon, and a speaker before it
 * that opens a clause.
 */
function introducingCue(input: ExtractInput, words: readonly Word[]): IntroducingCue | null {
  const { lexicon } = input
  const colonAt = words.length - 1
  for (let k = colonAt - 1; k >= 0 && colonAt - k <= MAX_TAIL + 1; k--) {
    const w = words[k] as Word
    const entry = lexicon.cues.get(w.lower)
    if (w.upper || entry === undefined) continue
    const cueEnd = cueLast(words, k, lexicon)
    // "told reporters on Sunday:", "asked the minister:": the addressee first.
    const addresseeEnd =
      entry.frame === 'tell' || entry.frame === 'ask'
        ? afterAddressee(words, cueEnd + 1, colonAt)
        : cueEnd + 1
    if (!tailIsAdjunct(words, addresseeEnd, colonAt)) return null
    const left = leftOfCue(words, k)
    const [speakerFirst, speakerLast] = speakerLeftSpan(words, left.last, lexicon)
    if (speakerFirst < 0 || !opensClause(words, speakerFirst)) return null
    return {
      speakerFirst,
      speakerLast,
      first: left.cueFirst,
      // PolNeAR's cue keeps a colon right after it ("said:").
      last: cueEnd + 1 === colonAt ? colonAt : cueEnd,
      verb: k,
      addressee: addresseeEnd > cueEnd + 1 ? spanOf(words, cueEnd + 1, addresseeEnd - 1) : null,
      negated: left.negated,
    }
  }
  return null
}

/** Where an addressee of at most four words after a tell/ask cue ends (the adjunct or the colon). */
function afterAddressee(words: readonly Word[], from: number, to: number): number {
  let k = from
  while (
    k < to &&
    k - from < 4 &&
    (words[k]?.isWord ?? false) &&
    !ADJUNCT_STARTS.has(words[k]?.lower ?? '')
  )
    k++
  return k
}

/**
 * Words [from, to) are empty, or an adjunct ("in her address", "on Sunday") or time words, with
 * no verb of a clause of their own ("said on Monday the hall had three doors:" is no lead-in).
 */
function tailIsAdjunct(words: readonly Word[], from: number, to: number): boolean {
  if (from >= to) return true
  const first = words[from] as Word
  const opens = ADJUNCT_STARTS.has(first.lower) || (TIME_WORDS.has(first.lower) && !first.upper)
  return opens && !words.slice(from, to).some((w) => isVerbLike(w) || w.lower === 'that')
}

/** Index of the last character before `end` that is no space, or -1. */
function lastNonSpaceAt(text: string, end: number): number {
  let i = end - 1
  while (i >= 0 && /\s/.test(text[i] ?? '')) i--
  return i
}

/** Start of the paragraph after the line break that follows `from` (only spaces between), or -1. */
function nextParagraphStart(text: string, from: number): number {
  let i = from
  let breaks = 0
  while (i < text.length && /\s/.test(text[i] ?? '')) {
    if (text[i] === '\n') breaks++
    i++
  }
  return breaks > 0 && i < text.length ? i : -1
}
