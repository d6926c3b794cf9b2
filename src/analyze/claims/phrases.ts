/**
 * @module
 * Phrases around a cue, shared by the claim rules: the speaker zone and the cue's own words
 * (auxiliaries, extensions, colon), speaker phrases with appositives, clause openers, content
 * trimming. Span boundaries follow PolNeAR's conventions (see models/attribution/README.md).
 */
import type { Span } from '../../model/document.js'
import type { ClaimsLexicon } from './lexicon.js'
import { speakerAfter, speakerBefore } from './speaker.js'
import {
  BETWEEN_SPEAKER_AND_CUE,
  closedClass,
  DETERMINERS,
  NEGATIONS,
  NP_INNER,
  NP_STOPS,
  PRONOUNS,
  TIME_WORDS,
  type Word,
} from './words.js'

export const WH_WORDS: ReadonlySet<string> = closedClass('wh-words')
export const ADJUNCT_STARTS: ReadonlySet<string> = closedClass('adjunct-starts')
export const PASSIVE_AUX: ReadonlySet<string> = closedClass('passive-auxiliaries')
export const CLAUSE_OPENERS: ReadonlySet<string> = closedClass('clause-openers')
export const WEEKDAYS: ReadonlySet<string> = closedClass('weekdays')
export const TAIL_MARKS = new Set([',', '—', '–', '”', '"', '’'])
export const FINAL_MARKS = new Set(['.', '!', ',', ';', ':', '—', '–'])

export const isNegation = (w: Word): boolean => NEGATIONS.has(w.lower) || w.lower.endsWith("n't")
/** Nouns in -ly, which are no adverbs ("Scott's family has called on …"). */
const LY_NOUNS: ReadonlySet<string> = closedClass('ly-nouns')

export const isBetween = (w: Word): boolean =>
  BETWEEN_SPEAKER_AND_CUE.has(w.lower) ||
  w.lower.endsWith("n't") ||
  (!w.upper && w.isWord && w.lower.length > 4 && w.lower.endsWith('ly') && !LY_NOUNS.has(w.lower))

export const spanOf = (words: readonly Word[], first: number, last: number): Span => ({
  start: words[first]?.start ?? 0,
  end: words[last]?.end ?? 0,
})

export const overlapsAny = (spans: readonly Span[], s: Span): boolean => {
  for (const b of spans) if (b.start < s.end && s.start < b.end) return true
  return false
}

export interface LeftOfCue {
  /** Last word of the speaker zone (before auxiliaries, adverbs and time words), or -1. */
  readonly last: number
  /** First word of the cue (auxiliaries and adverbs next to the verb belong to it). */
  readonly cueFirst: number
  readonly negated: boolean
  readonly passive: boolean
}

export function leftOfCue(words: readonly Word[], verb: number, floor = 0): LeftOfCue {
  let j = verb - 1
  let cueFirst = verb
  let negated = false
  let passive = false
  let adjacent = true
  while (j >= floor) {
    const w = words[j] as Word
    if (isBetween(w) && w.lower !== "'s") {
      if (isNegation(w)) negated = true
      if (adjacent && PASSIVE_AUX.has(w.lower) && (words[verb]?.lower ?? '').endsWith('ed'))
        passive = true
      if (adjacent && w.lower !== 'to') cueFirst = j
      j--
      continue
    }
    if (w.lower === "'s" && j === verb - 1 && PRONOUNS.has(words[j - 1]?.lower ?? '')) {
      j--
      adjacent = false
      continue
    }
    // "who in 2010 said"
    if (/^\d{4}$/.test(w.lower) && words[j - 1]?.lower === 'in') {
      adjacent = false
      j -= 2
      continue
    }
    if (TIME_WORDS.has(w.lower) && !w.upper) {
      adjacent = false
      j--
      continue
    }
    if (TIME_WORDS.has(w.lower) && w.upper && words[j - 1]?.lower === 'on') {
      adjacent = false
      j -= 2
      continue
    }
    if (WEEKDAYS.has(w.lower) && w.upper && j > floor && (words[j - 1]?.isWord ?? false)) {
      // "Trump Tuesday said": a capitalised weekday after a name.
      adjacent = false
      j--
      continue
    }
    break
  }
  // "refused to comment": "to" joins the cue only with what precedes it.
  if (words[cueFirst]?.lower === 'to') cueFirst++
  return { last: j, cueFirst, negated, passive }
}

/** Last word of the cue: fixed extensions ("said in a statement", "called for") and a colon. */
export function cueLast(words: readonly Word[], verb: number, lexicon: ClaimsLexicon): number {
  let last = verb
  const extensions = lexicon.extensions.get(words[verb]?.lower ?? '')
  if (extensions !== undefined) {
    for (const ext of extensions) {
      if (ext.every((x, k) => words[verb + 1 + k]?.lower === x)) {
        last = verb + ext.length
        break
      }
    }
  }
  // "continued to insist", "tried to blame", "went on to discuss": PolNeAR's cue runs to the
  // second verb (in train 17 of 17 after "continued", 14 of 14 after "tried").
  if (last === verb && CHAIN_HEADS.has(words[verb]?.lower ?? '')) {
    let to = verb + 1
    if (words[verb]?.lower === 'went' && words[to]?.lower === 'on') to++
    const second = words[to + 1]
    if (
      words[to]?.lower === 'to' &&
      second !== undefined &&
      second.isWord &&
      !second.upper &&
      !DETERMINERS.has(second.lower) &&
      !PRONOUNS.has(second.lower) &&
      (words[verb]?.lower !== 'went' || to === verb + 2)
    ) {
      last = to + 1
      const more = lexicon.extensions.get(second.lower)
      for (const ext of more ?? []) {
        if (ext.every((x, k) => words[last + 1 + k]?.lower === x)) {
          last += ext.length
          break
        }
      }
    }
  }
  // PolNeAR keeps a following manner adverb in the cue ("said sarcastically": 79 % in train).
  const next = words[last + 1]
  if (
    next !== undefined &&
    next.isWord &&
    !next.upper &&
    next.lower.length > 4 &&
    (next.lower.endsWith('ly') || next.lower === 'recently') &&
    !NOT_MANNER.has(next.lower) &&
    CUE_TAIL_FOLLOWERS.has(words[last + 2]?.lower ?? '.')
  )
    last++
  // "…, the senator said Friday.": PolNeAR keeps a closing weekday in the cue (26 of 39 in train;
  // before "that" or a content it is a coin toss, and left out).
  if (
    WEEKDAYS.has(words[last + 1]?.lower ?? '') &&
    ['.', '!', '?', undefined].includes(words[last + 2]?.lower)
  )
    last++
  const colon = words[last + 1]
  if (colon?.lower === ':' && colon.start === words[last]?.end) last++
  return last
}

const CHAIN_HEADS = new Set([
  'continued',
  'continues',
  'continue',
  'continuing',
  'tried',
  'trying',
  'tries',
  'try',
  'likely',
  'quick',
  'went',
])

const NOT_MANNER: ReadonlySet<string> = closedClass('not-manner-ly')
/** What may follow a cue's trailing adverb: the content or the end of the attribution. */
const CUE_TAIL_FOLLOWERS = new Set(['that', ',', '.', ':', '“', '"', '‘', 'to', 'the', '—'])

/**
 * The speaker phrase ending at word `last`: a plain phrase, "NAME (D-N.C.)", or a name with its
 * appositive "Jan Roe, a professor at the university," (PolNeAR keeps the comma).
 */
/**
 * The speaker phrase ending at word `last`, as [first, last]: a plain phrase, "NAME (D-N.C.)",
 * or a name with its appositive "Jan Roe, a professor at the university," (PolNeAR keeps the
 * comma). An adjunct between commas ("Clinton, at Monday's debate, said") is left out.
 * `first` is -1 when there is no speaker phrase.
 */
export function speakerLeftSpan(
  words: readonly Word[],
  last: number,
  lexicon: ClaimsLexicon,
): [number, number] {
  const end = words[last]
  if (end === undefined) return [-1, last]
  if (end.lower === ',' || end.lower === '—' || end.lower === '–' || end.lower === '-') {
    for (let c = last - 2; c >= 0 && last - c <= 40; c--) {
      const w = words[c] as Word
      if (w.lower === '“' || w.lower === '"' || w.lower === ';') return [-1, last]
      if (w.lower !== end.lower) continue
      // "Rep. Jan Roe (D-N.Y.), chairman of …, said"
      let nameEnd = c - 1
      if (words[nameEnd]?.lower === ')') {
        const open = words.findLastIndex(
          (x, k) => k < nameEnd && k >= nameEnd - 8 && x.lower === '(',
        )
        if (open > 0) nameEnd = open - 1
      }
      const first = speakerBefore(words, nameEnd, lexicon.cues)
      // "Jan Roe, a guard," or "the campaign's chairman, Jan Roe,": one side is a name.
      if (first < 0 || !((words[nameEnd]?.upper ?? false) || (words[c + 1]?.upper ?? false)))
        return [-1, last]
      if (!opensClause(words, first)) return [-1, last]
      const inner = words[c + 1]
      const adjunct =
        inner !== undefined &&
        (ADJUNCT_STARTS.has(inner.lower) || (!inner.upper && inner.lower.endsWith('ing')))
      return [first, adjunct ? c - 1 : last]
    }
    return [-1, last]
  }
  if (end.lower === ')') {
    for (let p = last - 1; p >= 0 && last - p <= 8; p--) {
      if (words[p]?.lower === '(') {
        return [
          p > 0 ? nameRun(words, speakerBefore(words, p - 1, lexicon.cues), p - 1, lexicon) : -1,
          last,
        ]
      }
    }
    return [-1, last]
  }
  return [nameRun(words, speakerBefore(words, last, lexicon.cues), last, lexicon), last]
}

/**
 * "The ad uses footage of Hillary Clinton saying": a phrase that ends in a name after ordinary
 * lower-case words is cut to the name.
 */
export function nameRun(
  words: readonly Word[],
  first: number,
  last: number,
  lexicon?: ClaimsLexicon,
): number {
  if (first < 0 || !(words[last]?.upper ?? false)) return first
  // "longtime Democratic pollster Pat Caddell": a title before the name keeps the whole phrase.
  if (lexicon !== undefined) {
    for (let t = first; t < last; t++) {
      const w = words[t] as Word
      if (!w.upper && lexicon.speakerNouns.has(w.lower)) return first
    }
  }
  const head = words[first] as Word
  if (DETERMINERS.has(head.lower) || PRONOUNS.has(head.lower)) return first
  let k = last
  while (k > first) {
    const w = words[k - 1] as Word
    const joins = NP_INNER.has(w.lower) || w.lower === 'and' || w.lower === ','
    if (w.upper || (joins && (words[k - 2]?.upper ?? false))) k--
    else break
  }
  if (k === first) return first
  for (let t = first; t < k; t++) {
    const w = words[t] as Word
    if (
      w.isWord &&
      !w.upper &&
      !NP_INNER.has(w.lower) &&
      !DETERMINERS.has(w.lower) &&
      w.lower !== 'and'
    )
      return k
  }
  return first
}

/** A speaker phrase must open its clause ("…, the minister said"; not "the report the minister said"). */
export function opensClause(words: readonly Word[], first: number): boolean {
  if (first === 0) return true
  const opener = words[first - 1] as Word
  const head = words[first] as Word
  return (
    CLAUSE_OPENERS.has(opener.lower) ||
    !opener.isWord ||
    // "Even Kestria, an ally, said": a capitalised function word opening the sentence.
    (first === 1 && NP_STOPS.has(opener.lower)) ||
    DETERMINERS.has(head.lower) ||
    PRONOUNS.has(head.lower) ||
    head.lower === 'who' ||
    head.lower === 'which' ||
    (head.upper && !opener.upper)
  )
}

/** Drop leading and trailing punctuation of a content; keep "that" (PolNeAR convention). */
export function trimContent(words: readonly Word[], first: number, last: number): [number, number] {
  while (first <= last && FINAL_MARKS.has(words[first]?.lower ?? '')) first++
  while (last >= first && FINAL_MARKS.has(words[last]?.lower ?? '')) last--
  return [first, last]
}

export function paragraphEnd(text: string, from: number): number {
  const at = text.indexOf('\n', from)
  return at < 0 ? text.length : at
}

export function paragraphStart(text: string, from: number): number {
  return text.lastIndexOf('\n', from - 1) + 1
}

/** Function words that may open an appositive after a speaker's name (", who …", ", then …"). */
const APPOSITIVE_STARTS: ReadonlySet<string> = closedClass('appositive-starts')

/** A function word that opens no appositive: ", but …", ", in a statement", ", he …". */
function notAppositive(w: string): boolean {
  return (
    NP_STOPS.has(w) || PRONOUNS.has(w) || (ADJUNCT_STARTS.has(w) && w !== 'this' && w !== 'last')
  )
}

const RELATIVE_WORDS: ReadonlySet<string> = closedClass('relative-pronouns')

/** Whether a comma before `next` ends an appositive (", in a statement", ", citing …"). */
function closesAppositive(next: Word | undefined): boolean {
  if (next === undefined || next.upper || !next.isWord || RELATIVE_WORDS.has(next.lower))
    return false
  return next.lower.endsWith('ing') || notAppositive(next.lower)
}

/** A speaker after an inverted cue, with its appositive up to the end of the clause. */
export function speakerAfterWithAppositive(
  words: readonly Word[],
  first: number,
  /** End the appositive at a comma before a function word or a participle (see below). */
  cutAtAdjunct = true,
): number {
  let last = speakerAfter(words, first)
  // "Rep. Jan Roe (D-N.Y.), chair of …": the party and state belong to the name.
  if (last >= 0 && words[last + 1]?.lower === '(') {
    const close = words.findIndex((w, k) => k > last + 1 && k <= last + 8 && w.lower === ')')
    if (close > 0) last = close
  }
  if (last < 0 || words[last + 1]?.lower !== ',') return last
  // ", speaking of …" is a new attribution, not an appositive.
  const next = words[last + 2]
  if (next === undefined || (!next.upper && next.lower.endsWith('ing'))) return last
  // ", on his first day …", ", he …": no appositive starts with a function word (PolNeAR train:
  // none of 30 with "he", "it", "with", "though", "about", "in", …) but those of
  // APPOSITIVE_STARTS ("who": 80 of 122).
  if (!next.upper && !APPOSITIVE_STARTS.has(next.lower) && notAppositive(next.lower)) return last
  let k = last + 2
  while (
    k < words.length &&
    !['.', '!', '?', ';', '“', '"', '—'].includes(words[k]?.lower ?? '') &&
    k - last < 40
  ) {
    // "Jan Roe, head of the union, in a statement", "…, citing …": the appositive ends at a comma
    // before a function word or a participle, and keeps that comma (PolNeAR). Not inside a
    // relative clause ("Jan Roe, who led the union from 1995 to 1997, during …, said").
    if (
      cutAtAdjunct &&
      words[k]?.lower === ',' &&
      k > last + 2 &&
      !RELATIVE_WORDS.has(next.lower) &&
      closesAppositive(words[k + 1])
    )
      return k
    k++
  }
  while (k - 1 > last + 1 && FINAL_MARKS.has(words[k - 1]?.lower ?? '')) k--
  return k - 1 > last + 1 ? k - 1 : last
}

/**
 * The source after "according to", which runs on through "by" ("according to an analysis by
 * Jan Roe": 32 of 32 such sources in PolNeAR train keep it).
 */
export function accordingToSource(
  words: readonly Word[],
  first: number,
  appositive = false,
): number {
  const last = speakerAfter(words, first)
  if (last >= 0 && words[last + 1]?.lower === 'by') {
    const agent = appositive
      ? speakerAfterWithAppositive(words, last + 2, false)
      : speakerAfter(words, last + 2)
    if (agent >= 0) return agent
  }
  // After "according to", a cut appositive leaves a tail that no rule reads as a short adjunct.
  return appositive ? speakerAfterWithAppositive(words, first, false) : last
}
