/**
 * @module
 * Rule 4: indirect speech per sentence: a trailing attribution ("…, officials said."), then
 * left to right "X said (that) …", "according to X, …", "X accused Y of …", "asked Y whether …",
 * passives ("Y was accused of …", "reported by X"), continued attributions (", adding …").
 */
import type { ClaimKind, Sentence } from '../../../model/analysis.js'
import type { Span } from '../../../model/document.js'
import type { ClaimsLexicon, CueEntry } from '../lexicon.js'
import type { Quote } from '../quotes.js'
import type { Draft, ExtractInput } from '../extract.js'
import { cueScore, mayBeCue, type CueModel } from '../cue-model.js'
import { cueCandidate, isCueShaped } from '../cue-candidate.js'
import { contentEnd } from '../content-model.js'
import { sourceStart } from '../source-model.js'
import {
  AUTHOR_PRONOUNS,
  clauseSubject,
  closingAccordingEnd,
  contractionToCue,
  isLoneQuantifier,
  possessiveStart,
  relativeSubject,
  speakerAfter,
  speakerBefore,
} from '../speaker.js'
import {
  closedClass,
  DETERMINERS,
  isFiniteVerb,
  isVerbLike,
  NP_INNER,
  NP_STOPS,
  PREDETERMINERS,
  PRONOUNS,
  scanWords,
  TIME_WORDS,
  type Word,
} from '../words.js'
import {
  accordingToSource,
  isBetween,
  isNegation,
  ADJUNCT_STARTS,
  CLAUSE_OPENERS,
  TAIL_MARKS,
  WEEKDAYS,
  WH_WORDS,
  cueLast,
  leftOfCue,
  opensClause,
  overlapsAny,
  spanOf,
  speakerAfterWithAppositive,
  speakerLeftSpan,
  trimContent,
} from '../phrases.js'

interface SentenceScope {
  readonly input: ExtractInput
  readonly words: readonly Word[]
  readonly blocked: Span[]
  readonly drafts: Draft[]
  /** A headline in title case ("Obama Says Museum Will Open"): capitals do not mark names. */
  readonly titleCase: boolean
  /** The cue tagger's cues of the sentence, by head word index. */
  readonly tagged: ReadonlyMap<number, TaggedCue>
  /** Where the claims of earlier passes stand (`earlierSpeaker`). */
  readonly earlier: EarlierDrafts | null
}

/**
 * The drafts that can speak for a later cue of a sentence (`earlierSpeaker`): those the passes
 * before the sentences' (quotations, transcripts) made, with a speaker and a cue, sorted by where
 * their cue starts; and the index of the first draft made for the current sentence. Without it,
 * every draft is read, which grows with the document.
 */
export interface EarlierDrafts {
  readonly byCue: readonly Draft[]
  /** Drafts [0, before) are those `byCue` holds (and those without speaker or cue). */
  readonly before: number
  readonly sentenceFirst: number
}

/** The drafts `EarlierDrafts.byCue` holds: with speaker and cue, by cue start (a stable sort). */
export function draftsByCue(drafts: readonly Draft[]): Draft[] {
  return drafts
    .filter((d) => d.speaker !== null && d.cue !== null)
    .sort((a, b) => (a.cue?.start ?? 0) - (b.cue?.start ?? 0))
}

/** A cue the tagger found: its words [first, last] and its head (the word the rules read as the cue). */
export interface TaggedCue {
  readonly first: number
  readonly last: number
  readonly head: number
}

/** The head of a tagged cue: its first word that is not an auxiliary, adverb, negation or "to". */
export function taggedCue(words: readonly Word[], first: number, last: number): TaggedCue {
  let head = first
  while (head < last && (isBetween(words[head] as Word) || words[head]?.lower === 'to')) head++
  return { first, last, head }
}

const NO_TAGS: ReadonlyMap<number, TaggedCue> = new Map()

const TAGGED_CUE: CueEntry = { stance: 'assert', frame: 'say', origin: 'model' }

/** The entry of a word the tagger takes for a cue head that the lexicon does not know. */
function taggedEntry(scope: SentenceScope, i: number): CueEntry | undefined {
  return scope.tagged.has(i) ? TAGGED_CUE : undefined
}

/**
 * The words of the cue whose head is words[head], as [first, last]: the tagger's span where it
 * tagged that head (never reaching left of `floor`, the speaker's end), else the rules'.
 */
function cueWords(
  scope: SentenceScope,
  head: number,
  floor: number,
  first: number,
  last: number,
): [number, number] {
  const tag = scope.tagged.get(head)
  if (tag === undefined) return [first, last]
  // A lexicon cue keeps the rules' span, unless the tagger ends it earlier ("said | Friday that"):
  // on dev that gains 0.2 cue F1; the tagger's span in every case cost 0.3, a longer end or
  // another start 0.1 to 0.3 of cue or content F1.
  if (scope.input.lexicon.cues.has((scope.words[head] as Word).lower))
    return tag.first === first && tag.last < last ? [first, tag.last] : [first, last]
  return [Math.max(tag.first, floor), tag.last]
}

function isTitleCase(words: readonly Word[]): boolean {
  let letters = 0
  let upper = 0
  for (const w of words) {
    if (!w.isWord || w.lower.length < 4) continue
    letters++
    if (w.upper) upper++
  }
  return letters >= 3 && upper / letters >= 0.8
}

function isFree(scope: SentenceScope, w: Word): boolean {
  return !overlapsAny(scope.blocked, w) && !insideQuote(scope.input.quotes, w)
}

/** Index of the last word a content starting at `from` may use (it stops before used text). */
function contentLimit(scope: SentenceScope, from: number, clauses = true): number {
  const { words, blocked } = scope
  // No word ending before the first used span that reaches past the content's start can touch
  // one: only words after it are tested (a sentence of thousands of clauses stays linear).
  const startAt = words[from]?.start ?? 0
  let firstBlocked = Number.POSITIVE_INFINITY
  for (const b of blocked) if (b.end > startAt && b.start < firstBlocked) firstBlocked = b.start
  for (let t = from; t < words.length; t++) {
    const w = words[t] as Word
    if (w.end > firstBlocked && overlapsAny(blocked, w)) return t - 1
    if (clauses && t > from && w.lower === ';' && !insideQuote(scope.input.quotes, w)) return t - 1
    // '… even for him.” She says …': a quotation closed by a full stop ends the sentence when a
    // capitalised word follows (the sentence splitter keeps them together).
    if (
      t > from &&
      ['.', '!', '?'].includes(words[t - 1]?.lower ?? '') &&
      (words[t + 1]?.upper ?? false) &&
      scope.input.quotes.some((q) => q.end === w.end)
    )
      return t
    // "…, adding that …" / "… and said …" starts an attribution of its own.
    if (
      clauses &&
      t > from &&
      contentStopsAt(words, t, scope.input.lexicon, from) &&
      !insideQuote(scope.input.quotes, w)
    )
      return t - 1
  }
  return words.length - 1
}

const NOT_PARTICIPLES = new Set([
  'including',
  'according',
  'during',
  'following',
  'regarding',
  'concerning',
  'nothing',
  'something',
  'anything',
  'everything',
])
/**
 * Passive forms of these are not reports ("104 people were admitted", "was told to leave").
 * "Is expected to" and "was asked" are (PolNeAR train: 65 of 75 and 29 of 34 are cues).
 */
const NOT_PASSIVE_CUES = new Set(['admitted', 'told', 'called', 'confirmed', 'estimated'])
const RELATIVES = new Set(['who', 'which'])
const CONTENT_OPENERS: ReadonlySet<string> = closedClass('content-openers')
const NOUN_FOLLOWERS = new Set([
  'could',
  'would',
  'will',
  'have',
  'has',
  'are',
  'were',
  'is',
  'was',
  'can',
  'may',
  'might',
  'should',
  'of',
])
const INFINITIVE_CUE_HOSTS = new Set([
  'refused',
  'declined',
  'failed',
  'went',
  'continued',
  'continues',
  'wants',
  'want',
  'wanted',
  'tried',
  'seemed',
  'seems',
  'appeared',
  'appears',
  'began',
  'decided',
  'plans',
  'planned',
  'expected',
  'likely',
  'unlikely',
])
/** Cues after "to" that PolNeAR counts even as a purpose (train: "to discuss" 16 of 36 …). */
const PURPOSE_CUES: ReadonlySet<string> = closedClass('purpose-cues')
const CLAUSE_CONJUNCTIONS = closedClass('clause-conjunctions')
const RAISING_VERBS = closedClass('raising-verbs')
const PASSIVE_CUTS = closedClass('passive-cuts')
const RAISING_ADJECTIVES = closedClass('raising-adjectives')
const RAISING_AS_WORDS = closedClass('raising-as-words')
const SPEAKER_RELATIVES = closedClass('speaker-relatives')
const RAISING_OR_INTRANSITIVE = closedClass('raising-or-intransitive')

/** Whether words[k] opens the complement of a raising verb: "to", "that", "as if", "likely". */
function raisingComplement(words: readonly Word[], k: number): boolean {
  const w = words[k]?.lower ?? ''
  if (w === 'to' || w === 'that' || RAISING_ADJECTIVES.has(w)) return true
  return w === 'as' && RAISING_AS_WORDS.has(words[k + 1]?.lower ?? '')
}

/** Whether two spans share some text while neither holds the other. */
function partlyOverlap(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end && !isInside(a, b) && !isInside(b, a)
}

/** Whether span x lies within span y (module-level: no closure per call). */
function isInside(x: Span, y: Span): boolean {
  return x.start >= y.start && x.end <= y.end
}

/** A lower-case -ing form that opens a participle clause ("citing …"; not "including"). */
function isParticiple(w: Word | undefined): boolean {
  return (
    w !== undefined &&
    w.isWord &&
    !w.upper &&
    w.lower.length > 4 &&
    w.lower.endsWith('ing') &&
    !NOT_PARTICIPLES.has(w.lower)
  )
}

/**
 * Whether a content starting at words[from] must end before words[t]: ", saying …", "and said
 * …", ", focusing on …" (a participle clause), ", though she acknowledged …" (a clause with a cue
 * of its own).
 */
export function contentStopsAt(
  words: readonly Word[],
  t: number,
  lexicon: ClaimsLexicon,
  from: number,
): boolean {
  if (continuesWithCue(words, t, lexicon)) return true
  const w = words[t] as Word
  // "… — and he noted that …", "… and she says it …", "…,” but he said …": a clause with a
  // speaker and a cue.
  if (CLAUSE_CONJUNCTIONS.has(w.lower) && PRONOUNS.has(words[t + 1]?.lower ?? '')) {
    const cw = words[t + 2]
    const entry = cw === undefined ? undefined : lexicon.cues.get(cw.lower)
    return entry !== undefined && (entry.origin === 'data' || (entry.precision ?? 0) >= 0.4)
  }
  // "… and Democrats accused …", "… while 73 percent said …": a conjunction before a name or a
  // number and its cue ("… and the public to think …" goes on).
  const conjunction = CLAUSE_CONJUNCTIONS.has(w.lower)
  if (w.lower !== ',' && w.lower !== '—' && !conjunction) return false
  const next = words[t + 1]
  if (next === undefined) return false
  if (conjunction && !next.upper && !/^\d/.test(next.lower)) return false
  // "said the ministry and Tessaly officials confirmed …": a noun phrase so far (no verb yet) is
  // coordinated, not a clause that ends.
  if (conjunction && !words.slice(from, t).some(isVerbLike)) return false
  if (!conjunction && isParticiple(next)) return true
  let k = t + 1
  if (!conjunction && CLAUSE_CONJUNCTIONS.has(next.lower)) k++
  for (let c = k + 1; c < words.length && c - k <= 5; c++) {
    const cw = words[c] as Word
    if (!cw.isWord) return false
    const entry = lexicon.cues.get(cw.lower)
    if (entry === undefined || entry.origin !== 'data' || cw.upper) continue
    const left = leftOfCue(words, c, k)
    return left.last >= k && speakerBefore(words, left.last, lexicon.cues) === k
  }
  return false
}

/** Whether words[t] is the "," of ", saying …" or the "and" of "and said …". */
function continuesWithCue(words: readonly Word[], t: number, lexicon: ClaimsLexicon): boolean {
  const w = words[t] as Word
  const next = words[t + 1]
  if (next === undefined || next.upper || !lexicon.cues.has(next.lower)) return false
  if (w.lower === ',' || w.lower === '—') return next.lower.endsWith('ing')
  if (w.lower === 'and' || w.lower === 'but') {
    const entry = lexicon.cues.get(next.lower)
    return (
      !next.lower.endsWith('ing') &&
      entry !== undefined &&
      (entry.origin === 'data' || (entry.precision ?? 0) >= MIN_AND_PRECISION)
    )
  }
  // "began by saying …", "was criticised for saying …": the subject speaks.
  if (GERUND_PREPOSITIONS.has(w.lower))
    return next.lower.endsWith('ing') && lexicon.cues.get(next.lower)?.origin === 'data'
  return false
}

function hasSpeechCue(
  words: readonly Word[],
  from: number,
  to: number,
  lexicon: ClaimsLexicon,
): boolean {
  for (let k = from; k <= to; k++) {
    const x = words[k] as Word
    if (
      !x.upper &&
      RELATIVES.has(words[k - 1]?.lower ?? '') &&
      lexicon.cues.get(x.lower)?.origin === 'data'
    )
      return true
  }
  return false
}

const BARE_OBJECTS = new Set(['it', 'this', 'that', 'them', 'him', 'her', 'so', 'one'])

/** A learned cue after "and" starts a new attribution from this precision in train. */
const MIN_AND_PRECISION = 0.4

const GERUND_PREPOSITIONS = new Set([
  'by',
  'for',
  'from',
  'after',
  'before',
  'while',
  'without',
  'when',
])

function insideQuote(quotes: readonly Quote[], w: Word): boolean {
  for (const q of quotes) if (q.start < w.start && w.end < q.end) return true
  return false
}

/**
 * An unquoted content cut where the content perceptron says it ends ("X said A, but B": A only).
 * A content that opens with a quotation keeps its end.
 */
function cutContent(
  scope: SentenceScope,
  first: number,
  last: number,
  cueEnd: number,
): [number, number] {
  const model = scope.input.contentModel
  const head = scope.words[first]
  if (model == null || head === undefined || OPENING_QUOTES.has(head.lower)) return [first, last]
  last = subordinateClauseEnd(scope, first, last)
  if (scope.words[cueEnd]?.lower === 'of') last = secondAccusationEnd(scope.words, first, last)
  const cue = scope.words[cueEnd]?.lower ?? ''
  return [
    first,
    contentEnd(model, scope.words, first, last, cue, (w) => insideQuote(scope.input.quotes, w)),
  ]
}

/**
 * "accused Orlen of planning it and Tessaly and Varn of paying for it": after a cue that ends in
 * "of", names after "and"/"or" and then "of" are accused of a deed of their own, with the cue
 * left out (gapping); the content stops before them. The last word a content from `first` may
 * keep (`last` when no such names follow).
 */
function secondAccusationEnd(words: readonly Word[], first: number, last: number): number {
  for (let k = first + 1; k < last; k++) {
    const w = words[k] as Word
    if ((w.lower !== 'and' && w.lower !== 'or') || !(words[k + 1]?.upper ?? false)) continue
    let j = k + 1
    while (j <= last && j - k <= 6 && ((words[j] as Word).upper || words[j]?.lower === 'and')) j++
    if (words[j]?.lower === 'of') return words[k - 1]?.lower === ',' ? k - 2 : k - 1
  }
  return last
}

const OPENING_QUOTES = new Set(['“', '"', '‘', "'", '«'])
const FRONTED_SUBORDINATORS = closedClass('fronted-subordinators')

/**
 * "If Varga believes the plan will fail, she …": a content inside a subordinate clause that opens
 * the sentence ends before the comma that closes the clause (outside quotations). The last word
 * a content from `first` may keep (`last` when the sentence opens otherwise or a comma stands
 * before the content already).
 */
function subordinateClauseEnd(scope: SentenceScope, first: number, last: number): number {
  const { words } = scope
  if (!FRONTED_SUBORDINATORS.has(words[0]?.lower ?? '')) return last
  const isComma = (k: number): boolean =>
    words[k]?.lower === ',' && !insideQuote(scope.input.quotes, words[k] as Word)
  for (let k = 1; k < first; k++) if (isComma(k)) return last
  for (let k = first + 1; k <= last; k++) if (isComma(k)) return k - 1
  return last
}

/** Adds a draft and blocks its spans; a draft with an empty or reversed span is dropped. */
function push(scope: SentenceScope, draft: Draft): void {
  const moved =
    draft.speaker && draft.cue && contractionToCue(scope.input.text, draft.speaker, draft.cue)
  const d = moved ? { ...draft, speaker: moved[0], cue: moved[1] } : draft
  if ([d.speaker, d.cue, d.content].some((x) => x !== null && x.end <= x.start)) return
  scope.drafts.push(d)
  if (d.speaker) scope.blocked.push(d.speaker)
  if (d.cue) scope.blocked.push(d.cue)
  scope.blocked.push(d.content)
}

/**
 * "The head of the service, Lena Varga, said the attackers came from Kestria": what follows the cue
 * holds a verb before any comma, so it is the content, not a speaker after an inverted cue.
 */
function headHasVerb(words: readonly Word[], from: number, to: number): boolean {
  for (let k = from + 1; k <= to; k++) {
    const w = words[k] as Word
    if (w.lower === ',') return false
    if (isFiniteVerb(w) || w.lower.endsWith("n't")) return true
  }
  return false
}

/**
 * "a record fine imposed by the board", "a view echoed by everyone": a lower-case -ed cue right
 * after a noun (no auxiliary before it) and right before "by" and its agent is a passive
 * participle.
 */
function isReducedPassive(
  words: readonly Word[],
  head: number,
  cueFirst: number,
  cueEnd: number,
): boolean {
  const w = words[head] as Word
  const before = words[cueFirst - 1]
  return (
    cueFirst === head &&
    cueEnd === head &&
    words[cueEnd + 1]?.lower === 'by' &&
    // "The campaign responded by attacking …": an active verb and its manner.
    !(words[cueEnd + 2]?.lower ?? 'ing').endsWith('ing') &&
    !w.upper &&
    w.lower.endsWith('ed') &&
    before !== undefined &&
    before.isWord &&
    !isVerbLike(before) &&
    !PRONOUNS.has(before.lower)
  )
}

const CURRENCY_SIGNS = new Set(['$', '£', '€'])

/**
 * "a record $100 million penalty imposed by the board": the speaker phrase before a passive cue
 * stops at a currency sign, but the subject that is the content runs on over it, back to its
 * determiner when one stands within three plain words. Otherwise `first`.
 */
function amountStart(words: readonly Word[], first: number): number {
  if (!CURRENCY_SIGNS.has(words[first - 1]?.lower ?? '')) return first
  const sign = first - 1
  for (let k = sign - 1; k >= 0 && sign - k <= 3; k--) {
    const w = words[k] as Word
    if (DETERMINERS.has(w.lower)) return k
    if (!w.isWord || w.upper || isVerbLike(w) || ADJUNCT_STARTS.has(w.lower)) break
  }
  return sign
}

/**
 * "Mira Kovan, the mayor's eldest daughter, noted the rule …": the words before the cue are
 * the sentence's subject, a name with its appositive, so the cue is not inverted.
 */
function isAppositiveSubject(
  words: readonly Word[],
  last: number,
  lexicon: ClaimsLexicon,
): boolean {
  return words[last]?.lower === ',' && speakerLeftSpan(words, last, lexicon)[0] === 0
}

/**
 * The last word of a relative clause resumed at words[from] that runs at most to words[to]: the
 * word before a comma that a verb of the main clause follows (", will close"), or `to`.
 */
function relativeClauseEnd(words: readonly Word[], from: number, to: number): number {
  for (let k = from + 1; k < to; k++)
    if (words[k]?.lower === ',' && isVerbLike(words[k + 1] as Word)) return k - 1
  return to
}

/** Whether words[from..to] is empty or a short adjunct ("on Monday", "in a statement"). */
/** The word after the addressee of a cue of telling that starts at words[t], or t when none. */
function afterAddressee(words: readonly Word[], t: number): number {
  if (!(words[t]?.isWord ?? false) || ADJUNCT_STARTS.has(words[t]?.lower ?? '')) return t
  const last = speakerAfter(words, t)
  return last < 0 ? t : last + 1
}

function isShortTail(words: readonly Word[], from: number, to: number): boolean {
  const rest = words.slice(from, to + 1).filter((w) => w.isWord)
  return rest.length === 0 || (rest.length <= 6 && ADJUNCT_STARTS.has(rest[0]?.lower ?? ''))
}

export function indirectSpeech(
  input: ExtractInput,
  sentence: Sentence,
  drafts: Draft[],
  blocked: Span[],
  scanned?: readonly Word[],
  /** Only a learned cue can be there: the lexicon-cue passes are skipped. */
  learnedOnly = false,
  /** The cue tagger's cues in `scanned`. */
  taggedCues: readonly TaggedCue[] = [],
  earlier: EarlierDrafts | null = null,
): void {
  const words = scanned ?? scanWords(input.text, sentence.start, sentence.end)
  if (words.length < 3) return
  const scope: SentenceScope = {
    input,
    words,
    blocked,
    drafts,
    titleCase: isTitleCase(words),
    tagged: taggedCues.length === 0 ? NO_TAGS : new Map(taggedCues.map((c) => [c.head, c])),
    earlier,
  }
  if (!learnedOnly && trailingAttribution(scope)) return
  leftToRight(scope)
  if (!learnedOnly && scope.input.lexicon.nounCues.size > 0) possessiveNouns(scope)
  for (const tag of taggedCues) taggedClaim(scope, tag)
}

/**
 * A claim around a tagged cue that no rule read ("The campaign did not immediately respond to
 * …", "…, even suggesting he may have been sabotaged"): the words after the cue (or where a
 * lexicon cue's frame puts them) are its content. Its speaker is the clause's whole subject or a
 * speaker phrase opening a clause (`taggedSpeaker`; any phrase before the cue cost dev source F1
 * 0.3), or the agent of a passive (`taggedPassive`); else none.
 */
function taggedClaim(scope: SentenceScope, tag: TaggedCue): void {
  const { words, input } = scope
  const cue = spanOf(words, tag.first, tag.last)
  if (overlapsAny(scope.blocked, cue)) return
  // "softer language calling for …": a tagged noun is no cue.
  const head = words[tag.head] as Word
  if (!isVerbLike(head) && !/(?:ing|s)$/.test(head.lower) && !input.lexicon.cues.has(head.lower))
    return
  // "softer language calling for …": an -ing form right after a noun modifies it.
  const before = words[tag.first - 1]
  if (
    head.lower.endsWith('ing') &&
    before !== undefined &&
    before.isWord &&
    !before.upper &&
    !isBetween(before) &&
    !CLAUSE_CONJUNCTIONS.has(before.lower) &&
    before.lower !== 'and'
  )
    return
  // A lexicon cue's frame places its content, its targets and the cue's end ("told the forum he
  // …", "asked whether …", "accused Orlen of …"), as for the cues the rules read.
  const entry = input.lexicon.cues.get(head.lower)
  const complement = entry === undefined ? null : complementOf(words, tag.last, entry)
  const cueEnd = Math.max(tag.last, complement?.cueEnd ?? tag.last)
  const from = complement?.t ?? tag.last + 1
  let [first, last] = trimContent(words, from, contentLimit(scope, from))
  if (last - first < 1) return
  ;[first, last] = cutContent(scope, first, reducedRelativeEnd(scope, tag, first, last), cueEnd)
  // "They hired a guard who said …": the guard speaks, not "hired".
  if (hasSpeechCue(words, first, Math.min(words.length - 1, first + 10), input.lexicon)) return
  const passive = taggedPassive(scope, tag)
  if (passive !== null) {
    push(scope, {
      ...passive,
      cue,
      kind: 'indirect',
      rule: 'tagged-cue-passive',
      cueEntry: TAGGED_CUE,
      stance: null,
      targetSpan: null,
      negated: words.slice(tag.first, tag.last + 1).some(isNegation),
      passive: true,
    })
    return
  }
  const content = spanOf(words, first, last)
  const speaker = taggedSpeaker(scope, tag)
  push(scope, {
    speaker,
    cue: spanOf(words, tag.first, cueEnd),
    content,
    kind: quotedKind(input.quotes, content),
    rule: speaker ? 'tagged-cue-speaker' : 'tagged-cue',
    cueEntry: entry ?? TAGGED_CUE,
    stance: null,
    targetSpan: complement?.targetSpan ?? null,
    negated: words.slice(tag.first, tag.last + 1).some(isNegation),
    passive: false,
  })
}

/**
 * "The program, called Northwind, allows …": a past participle without a subject right after a
 * comma that follows a word opens a phrase set off by commas; its content [first, last] ends at the next comma
 * (outside quotations). The content's new last word.
 */
function reducedRelativeEnd(
  scope: SentenceScope,
  tag: TaggedCue,
  first: number,
  last: number,
): number {
  const { words } = scope
  const head = words[tag.first] as Word
  if (
    tag.first !== tag.head ||
    words[tag.first - 1]?.lower !== ',' ||
    !(words[tag.first - 2]?.isWord ?? false) ||
    head.upper ||
    !head.lower.endsWith('ed') ||
    // "The poll, released on Monday, showed that …": a verb with a subject is no such phrase.
    taggedSpeaker(scope, tag) !== null
  )
    return last
  for (let k = first + 1; k <= last; k++) {
    const w = words[k] as Word
    if (w.lower === ',' && !insideQuote(scope.input.quotes, w)) return k - 1
  }
  return last
}

/**
 * The speaker of a tagged cue no rule read: the main clause's whole subject when it runs from
 * the clause's start to the cue ("Surety firms that had insured the mine agreed to …"), else a
 * speaker phrase that opens a clause right before it ("In May, Kovan officially endorsed …").
 * None for an infinitive ("was able to tout"), a raising verb ("Nothing seems credible") or a
 * passive. On dev: 15 sources right, 7 wrong (source F1 +0.4).
 */
function taggedSpeaker(scope: SentenceScope, tag: TaggedCue): Span | null {
  const { words, input } = scope
  const head = words[tag.head] as Word
  if (words[tag.head - 1]?.lower === 'to' || RAISING_VERBS.has(head.lower)) return null
  const left = leftOfCue(words, tag.head)
  // "Citing new figures, Kovan …", "After saying …, Kovan …": the subject after the comma.
  const opening =
    left.last < 0 ||
    (left.last === 0 && OPENING_PREPOSITIONS.has(words[0]?.lower ?? '')) ||
    (left.last === 0 && ADJUNCT_STARTS.has(words[0]?.lower ?? ''))
  if (opening && head.lower.endsWith('ing') && head.lower !== 'according' && tag.first <= 1)
    return openingParticipleSpeaker(scope, tag)
  if (left.last < 0 || left.passive) return null
  let found = clauseSubject(words, left.last, input.lexicon.cues)
  if (found === null) {
    const [first, last] = speakerLeftSpan(words, left.last, input.lexicon)
    if (first >= 0 && opensClause(words, first) && !AUTHOR_PRONOUNS.has(words[first]?.lower ?? ''))
      found = [first, last]
  }
  // "…, many of whom say …": a quantifier over the relative pronoun speaks.
  if (found === null && ['whom', 'which'].includes(words[left.last]?.lower ?? '')) {
    const quantifier = words[left.last - 2]
    if (
      words[left.last - 1]?.lower === 'of' &&
      quantifier !== undefined &&
      !quantifier.upper &&
      (DETERMINERS.has(quantifier.lower) || NONE_WORDS.has(quantifier.lower))
    )
      found = [left.last - 2, left.last]
  }
  if (found === null && TAIL_MARKS.has(words[left.last]?.lower ?? '') && isParticiple(head))
    return participleSpeaker(scope, tag.first)
  if (found === null) return null
  const relativeEnd = SPEAKER_RELATIVES.has(words[found[1]]?.lower ?? '')
  if (!relativeEnd && nounAfterModifier(words, found[0], found[1], tag.first)) return null
  const span = spanOf(words, found[0], found[1])
  return overlapsAny(scope.blocked, span) ? null : span
}

const NONE_WORDS: ReadonlySet<string> = closedClass('none-quantifiers')

/**
 * "Citing new figures, Kovan said …": a participle clause that opens the sentence speaks for the
 * subject after its comma.
 */
function openingParticipleSpeaker(scope: SentenceScope, tag: TaggedCue): Span | null {
  const { words, input } = scope
  let comma = -1
  for (let k = tag.last + 1; k < words.length && k - tag.last <= 25; k++) {
    const w = words[k] as Word
    if (w.lower === ',') {
      comma = k
      break
    }
    if (!w.isWord && w.lower !== '-' && w.lower !== "'s") return null
  }
  if (comma < 0) return null
  // The subject already speaks in a claim of its own ("…, Kovan accused …"): the same span.
  const at = words[comma + 1]?.start ?? -1
  for (const d of scope.drafts) if (d.speaker?.start === at) return d.speaker
  const last = subjectEndFrom(words, comma + 1, input.lexicon)
  if (last < 0 || AUTHOR_PRONOUNS.has(words[comma + 1]?.lower ?? '')) return null
  const span = spanOf(words, comma + 1, last)
  return overlapsAny(scope.blocked, span) ? null : span
}

/**
 * "Kovan praised the treaty, calling it …": a participle after a comma speaks for the speaker
 * of the sentence's claim before it, or else for the sentence's subject, as a continued cue does.
 */
function participleSpeaker(scope: SentenceScope, cueFirst: number): Span | null {
  const { words, input } = scope
  const at = words[cueFirst]?.start ?? 0
  const earlier = earlierSpeaker(scope, scope.drafts.length, at)
  if (earlier !== null) return earlier
  const last = subjectEnd(words, input.lexicon)
  if (last < 0 || last >= cueFirst - 1) return null
  const first = subjectStart(words, last)
  if (AUTHOR_PRONOUNS.has(words[first]?.lower ?? '')) return null
  const span = spanOf(words, first, last)
  return overlapsAny(scope.blocked, span) ? null : span
}

/**
 * A passive tagged cue with its agent: "The calls were rejected by the council in 2015", "Kovan
 * has been called a fraud by fellow doctors", "Funds, first authorized by court rulings, …". The
 * agent speaks; the subject before the cue is the content (PolNeAR, as for the rules' passives
 * with an agent): from the sentence's start (after an opening adjunct), relative clauses included
 * ("Calls …, which hit the coast hard, were rejected by …"), or before the comma of a participle
 * clause without an auxiliary ("Super PACs, first authorized by …"). Null without an agent.
 */
function taggedPassive(
  scope: SentenceScope,
  tag: TaggedCue,
): { speaker: Span; content: Span } | null {
  const { words } = scope
  const speaker = passiveAgent(words, tag)
  if (speaker === null) return null
  let first = openingEnd(words)
  let last = tag.first - 1
  if (tag.first === tag.head && words[last]?.lower === ',') {
    const comma = words.findIndex((w, k) => k >= first && k < last && w.lower === ',')
    if (comma > first) last = comma - 1
  }
  ;[first, last] = trimContent(words, first, last)
  if (last < first) return null
  const content = spanOf(words, first, last)
  return overlapsAny(scope.blocked, speaker) || overlapsAny(scope.blocked, content)
    ? null
    : { speaker, content }
}

/** First word after a sentence's opening adjunct ("For instance, …"), or 0. */
function openingEnd(words: readonly Word[]): number {
  const head = words[0]?.lower ?? ''
  if (!NP_STOPS_OPENING.has(head) && !CONTENT_OPENERS.has(head)) return 0
  const comma = words.findIndex((w, k) => k <= 4 && w.lower === ',')
  return comma > 0 ? comma + 1 : CONTENT_OPENERS.has(head) ? 1 : 0
}

/** The phrase after a "by" within four words after a passive tagged cue, or null. */
function passiveAgent(words: readonly Word[], tag: TaggedCue): Span | null {
  const head = words[tag.head] as Word
  if (!/(?:ed|en|wn)$/.test(head.lower) || head.upper) return null
  for (let k = tag.last + 1; k < words.length && k - tag.last <= 5; k++) {
    const w = words[k] as Word
    if (!w.isWord) return null
    if (w.lower !== 'by') continue
    let last = speakerAfter(words, k + 1)
    // "by fellow doctors for promoting …": the reason is no part of the agent.
    const reason = words.findIndex((x, j) => j > k + 1 && j <= last && x.lower === 'for')
    if (reason > 0) last = reason - 1
    return last < 0 ? null : spanOf(words, k + 1, last)
  }
  return null
}

const PLURALS_WITHOUT_S = closedClass('plural-without-s')
const OBJECT_PRONOUNS = closedClass('object-pronouns')
const POST_HEAD_PREPOSITIONS = closedClass('post-head-prepositions')

/**
 * "a harsh critic of …", "A passionate defender …", "The video footage was …": a bare word (no
 * -s, -ed or -ing) right after a phrase whose last word is a lower-case singular is no verb of
 * that phrase (a singular subject takes "says", "said"), so the phrase is no speaker and the word
 * no cue, but the phrase's own noun. Not after a plural ("Political observers in Orlen say"), a
 * noun without -s that is plural ("people", "police"), a pronoun or a quantifier ("some say").
 */
function nounAfterModifier(
  words: readonly Word[],
  first: number,
  last: number,
  cueAt: number,
): boolean {
  if (last !== cueAt - 1) return false
  const end = words[last] as Word
  const cue = words[cueAt] as Word
  if (!end.isWord || end.upper || end.lower.endsWith('s')) return false
  if (PRONOUNS.has(end.lower) || OBJECT_PRONOUNS.has(end.lower) || DETERMINERS.has(end.lower))
    return false
  if (RELATIVES.has(end.lower) || end.lower === 'that' || PLURALS_WITHOUT_S.has(end.lower))
    return false
  if (/(?:s|ed|ing|n't)$/.test(cue.lower) || isFiniteVerb(cue)) return false
  // "leaked documents from his tax return show": a plural head before a preposition.
  for (let k = Math.max(1, first - 1); k < last; k++)
    if (POST_HEAD_PREPOSITIONS.has(words[k]?.lower ?? '') && /s$/.test(words[k - 1]?.lower ?? ''))
      return false
  return true
}

const POSSESSIVES = new Set(['his', 'her', 'their', 'its'])

/**
 * "X's claim that …", "the chief's earlier insistence that …": the possessor
 * speaks, the noun (with its modifiers) is the cue, the that- or to-clause is the content.
 */
function possessiveNouns(scope: SentenceScope): void {
  const { words, input } = scope
  for (let i = 1; i < words.length - 2; i++) {
    const w = words[i] as Word
    const complement = input.lexicon.nounCues.get(w.lower)
    if (complement === undefined || w.upper || !isFree(scope, w)) continue
    const next = words[i + 1]?.lower ?? ''
    // To-clauses ("his plans to visit …") are listed but not taken: on dev they cost more
    // precision than they bring.
    if (next !== 'that' || complement === 'to') continue
    const j = possessorAt(words, i)
    if (j < 0) continue
    const owner = words[j] as Word
    let first = -1
    if (POSSESSIVES.has(owner.lower)) first = j
    else if (owner.lower === "'s" && j > 0) first = possessorStart(words, j - 1)
    if (first < 0 || !isFree(scope, words[first] as Word)) continue
    const speaker = spanOf(words, first, j)
    if (overlapsAny(scope.blocked, speaker)) continue
    const [cFirst, cLast] = cutContent(
      scope,
      ...trimContent(words, i + 1, contentLimit(scope, i + 1)),
      i,
    )
    if (cLast - cFirst < 2) continue
    push(scope, {
      speaker,
      cue: spanOf(words, j + 1, i),
      content: spanOf(words, cFirst, cLast),
      kind: 'indirect',
      rule: 'possessive-noun',
      cueEntry: null,
      stance: null,
      targetSpan: null,
      negated: false,
      passive: false,
    })
    i = cLast
  }
}

/** The possessive word ("his", "'s") before noun i and up to two modifiers, or -1. */
function possessorAt(words: readonly Word[], i: number): number {
  let j = i - 1
  while (j > 0 && i - j <= 2 && isModifier(words[j] as Word)) j--
  const owner = words[j]
  return owner !== undefined && (POSSESSIVES.has(owner.lower) || owner.lower === "'s") ? j : -1
}

/**
 * First word of the possessor ending at `last`: a run of capitalised words ("Tulsa Police
 * Chief Jordan", "the Front"), or a determiner and one or two words ("the company"); -1 if none.
 */
function possessorStart(words: readonly Word[], last: number): number {
  let k = last
  if (words[k]?.upper ?? false) {
    while (k > 0 && (words[k - 1]?.upper ?? false)) k--
    if (k > 0 && words[k - 1]?.lower === 'the') k--
    return k
  }
  for (let d = last - 1; d >= 0 && last - d <= 2; d--) {
    const w = words[d] as Word
    if (DETERMINERS.has(w.lower)) return d
    if (!w.isWord || w.upper) break
  }
  return -1
}

function isModifier(w: Word): boolean {
  return (
    w.isWord && !w.upper && !DETERMINERS.has(w.lower) && !PRONOUNS.has(w.lower) && w.lower !== "'s"
  )
}

/** "CONTENT, the minister said (on Monday)." / "CONTENT, said Jan Roe, a guard." */
function trailingAttribution(scope: SentenceScope): boolean {
  const { words, input } = scope
  const { lexicon } = input
  let end = words.length - 1
  while (end >= 0 && ['.', '!', '?'].includes(words[end]?.lower ?? '')) end--
  for (let k = end; k >= 2 && end - k <= 30; k--) {
    const w = words[k] as Word
    if (!w.isWord || (w.upper && !scope.titleCase)) continue
    // Only a cue word or "according" can end here (cheap tests before the spans are looked up).
    if (w.lower !== 'according' && !lexicon.cues.has(w.lower) && !scope.tagged.has(k)) continue
    if (!isFree(scope, w)) continue
    let speaker: Span | null = null
    let cue: Span | null = null
    let contentLast = -1
    let entry: CueEntry | undefined
    let kind: ClaimKind = 'indirect'
    let rule = ''
    /** Where the content resumes after a parenthetical attribution ("A, X said, B"), or -1. */
    let resumeFrom = -1
    if (
      w.lower === 'according' &&
      words[k + 1]?.lower === 'to' &&
      TAIL_MARKS.has(words[k - 1]?.lower ?? '')
    ) {
      const last = accordingToSource(words, k + 2, true)
      if (last < 0 || !isShortTail(words, last + 1, end)) continue
      speaker = spanOf(
        words,
        k + 2,
        closingAccordingEnd(words, k + 2, last, end, lexicon.speakerNouns),
      )
      cue = spanOf(words, k, k + 1)
      contentLast = k - 1
      kind = 'according_to'
      rule = 'according-to-after'
    } else {
      entry = lexicon.cues.get(w.lower) ?? taggedEntry(scope, k)
      if (entry === undefined) continue
      const cueEnd = cueLast(words, k, lexicon)
      const after =
        TAIL_MARKS.has(words[k - 1]?.lower ?? '') && lexicon.inverted.has(w.lower)
          ? speakerAfterWithAppositive(words, cueEnd + 1)
          : -1
      if (
        after >= 0 &&
        isShortTail(words, after + 1, end) &&
        !headHasVerb(words, cueEnd + 1, after) &&
        !isAppositiveSubject(words, k - 1, lexicon)
      ) {
        // CONTENT, said X.
        speaker = spanOf(words, cueEnd + 1, after)
        cue = spanOf(words, k, cueEnd)
        contentLast = k - 1
        rule = 'indirect-content-cue-speaker'
      } else {
        // CONTENT, X said. / CONTENT, officials said, in the deadliest attack in years. /
        // CONTENT, lawmakers said Friday afternoon, as they …
        let tail = cueEnd + 1
        while (TIME_WORDS.has(words[tail]?.lower ?? '')) tail++
        // "CONTENT, Varga told reporters on Friday.": the one told belongs to no span.
        if (entry.frame === 'tell') tail = afterAddressee(words, tail)
        if (!isShortTail(words, tail, end) && words[tail]?.lower !== ',') continue
        const left = leftOfCue(words, k)
        if (left.last < 1 || left.passive) continue
        const [first, sLast] = speakerLeftSpan(words, left.last, lexicon)
        if (first < 2 || !TAIL_MARKS.has(words[first - 1]?.lower ?? '')) continue
        speaker = spanOf(words, first, sLast)
        cue = spanOf(words, ...cueWords(scope, k, left.last + 1, left.cueFirst, cueEnd))
        contentLast = first - 1
        rule = 'indirect-content-speaker-cue'
        // "Lenox thrived, Roe said, until it went bankrupt": the content goes on after the cue;
        // not into a speech participle of the speaker's ("…, Roe said, citing the floods").
        if (
          words[cueEnd + 1]?.lower === ',' &&
          !isShortTail(words, cueEnd + 2, end) &&
          !(isParticiple(words[cueEnd + 2]) && lexicon.cues.has(words[cueEnd + 2]?.lower ?? ''))
        )
          resumeFrom = cueEnd + 2
      }
    }
    const limit = contentLimit(scope, 0, false)
    if (limit < contentLast) {
      // Used text inside: the content starts after it.
      continue
    }
    // "But the plan failed, officials said": PolNeAR leaves a sentence's opening conjunction out
    // of the content before the cue (45 of 60 in train).
    const opener = CONTENT_OPENERS.has(words[0]?.lower ?? '') ? 1 : 0
    const [opened, last] = trimContent(words, opener, contentLast)
    // "…, the stadium, which, Roe said, is full on game days": the relative alone opens it.
    const relativeOpens =
      resumeFrom >= 0 &&
      RELATIVE_LEADS.has(words[last]?.lower ?? '') &&
      words[last - 1]?.lower === ','
    const first = relativeOpens ? last : opened
    if (
      (last - first < 1 && resumeFrom < 0) ||
      overlapsAny(scope.blocked, spanOf(words, first, last))
    )
      continue
    let resumed =
      resumeFrom < 0 ? -1 : trimContent(words, resumeFrom, contentLimit(scope, resumeFrom))[1]
    // "The stadium, which, Roe said, is full on game days, will close": the relative's content
    // ends at the comma that closes the relative.
    if (relativeOpens && resumed > resumeFrom)
      resumed = relativeClauseEnd(words, resumeFrom, resumed)
    // "And, Varga said, no.": a resumed part of one word (resumed === resumeFrom) counts too.
    const content = spanOf(words, first, resumeFrom >= 0 && resumed >= resumeFrom ? resumed : last)
    push(scope, {
      speaker,
      cue,
      content,
      kind: kind === 'according_to' ? kind : quotedKind(input.quotes, content),
      rule,
      cueEntry: entry ?? null,
      stance: null,
      targetSpan: null,
      negated: false,
      passive: false,
    })
    return true
  }
  return false
}

function leftToRight(scope: SentenceScope): void {
  const { words, input } = scope
  const { lexicon, quotes } = input
  let lastSpeaker: Span | null = null
  const pushed = scope.drafts.length
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as Word
    if (!w.isWord) continue
    // Only a cue word, "according" or a word the cue perceptron may take can start a claim
    // (cheap tests before the spans are looked up).
    if (
      w.lower !== 'according' &&
      !lexicon.cues.has(w.lower) &&
      !scope.tagged.has(i) &&
      (input.cueModel == null || !mayBeCue(input.cueModel, w.lower))
    )
      continue
    if (!isFree(scope, w)) continue
    // "The spokesman on accusations by …": after "on" a cue word is a noun, and the speaker rules
    // would skip "on" as a time word ("Kovan on Sunday said"). In the rule, not in leftOfCue:
    // the training reads leftOfCue, and retraining moved dev F1 by -0.2 to -0.4.
    if (words[i - 1]?.lower === 'on') continue

    // "Asked whether the hall was safe, Varga said …": what was asked, without a speaker
    // (PolNeAR train: 37 of 43 such sentences).
    if (i === 0 && w.lower === 'asked' && w.upper) {
      const last = askedOpeningEnd(scope, i + 1)
      if (last > i + 1) {
        push(scope, {
          speaker: null,
          cue: spanOf(words, i, i),
          content: spanOf(words, i + 1, last),
          kind: 'indirect',
          rule: 'asked-opening',
          cueEntry: lexicon.cues.get('asked') ?? null,
          stance: null,
          targetSpan: null,
          negated: false,
          passive: false,
        })
        i = last
        continue
      }
    }

    // according to X, CONTENT  /  CONTENT according to X
    if (w.lower === 'according' && words[i + 1]?.lower === 'to') {
      let last = accordingToSource(words, i + 2)
      if (last < 0) continue
      // "According to a complaint filed by the agency and a suit by Orlen, …": opening the
      // clause, the source runs to the comma.
      if (
        words[last + 1]?.lower !== ',' &&
        (i === 0 || CLAUSE_OPENERS.has(words[i - 1]?.lower ?? ''))
      )
        last = commaBefore(words, last + 1, i + 32) ?? last
      const opening = i === 0 || CLAUSE_OPENERS.has(words[i - 1]?.lower ?? '')
      // "According to police the suspect fled …": without a comma, the clause's subject starts
      // at a determiner after the source's noun.
      const subject = opening ? clauseAfterSource(words, i + 2, last) : -1
      if (subject > 0) last = subject - 1
      let first = 0
      let end = -1
      if (subject > 0) {
        ;[first, end] = trimContent(words, subject, contentLimit(scope, subject, false))
      } else if (words[last + 1]?.lower === ',' && opening) {
        ;[first, end] = trimContent(words, last + 2, contentLimit(scope, last + 2, false))
      } else {
        ;[first, end] = trimContent(words, 0, i - 1)
      }
      if (end - first < 1 || overlapsAny(scope.blocked, spanOf(words, first, end))) continue
      push(scope, {
        speaker: spanOf(words, i + 2, last),
        cue: spanOf(words, i, i + 1),
        content: spanOf(words, first, end),
        kind: 'according_to',
        rule: 'according-to',
        cueEntry: null,
        stance: null,
        targetSpan: null,
        negated: false,
        passive: false,
      })
      i = Math.max(i + 1, last, end)
      continue
    }

    const entry =
      lexicon.cues.get(w.lower) ??
      taggedEntry(scope, i) ??
      learnedCue(words, i, input.cueModel, lexicon)
    if (entry === undefined) continue
    // "Varga's repeated claim that …": a noun with its possessor (see possessiveNouns).
    if (
      lexicon.nounCues.has(w.lower) &&
      words[i + 1]?.lower === 'that' &&
      possessorAt(words, i) >= 0
    )
      continue
    // "United States", "Fox News Reports": a capitalised word inside a sentence is a name.
    if (w.upper && i > 0 && !scope.titleCase) continue
    const before = words[i - 1]
    // "the claims", "his statement": a noun, not a cue.
    if (
      before !== undefined &&
      DETERMINERS.has(before.lower) &&
      !PREDETERMINERS.has(before.lower) &&
      // "Some argue …" (but "Some reports say …": a noun before the cue).
      !(isLoneQuantifier(words, i - 1) && !lexicon.cues.has(words[i + 1]?.lower ?? ''))
    )
      continue
    // "battleground states could …", "health worries have …": a plural noun before a verb.
    if (w.lower.endsWith('s') && NOUN_FOLLOWERS.has(words[i + 1]?.lower ?? '')) continue
    // "at a rally to ask why …": an infinitive is a purpose, not a report ("refused to say" is).
    if (before?.lower === 'to' && !INFINITIVE_CUE_HOSTS.has(words[i - 2]?.lower ?? '')) {
      // "The senator met donors to discuss the plan": PolNeAR reads a few such purposes as the
      // subject's attribution, "to" and all.
      if (PURPOSE_CUES.has(w.lower)) i = purposeClaim(scope, i, entry, pushed)
      continue
    }
    if (words[i + 1]?.lower === 'off') continue

    const left = leftOfCue(words, i)
    let [speakerFirst, speakerLast] =
      left.last >= 0 ? speakerLeftSpan(words, left.last, lexicon) : [-1, -1]
    if (speakerFirst < 0 && left.last >= 0)
      [speakerFirst, speakerLast] = doubleDashSpeaker(words, left.last, lexicon)
    if (speakerFirst >= 0)
      speakerFirst = relativeSubject(
        words,
        possessiveStart(words, speakerFirst, lexicon.cues),
        speakerLast,
        lexicon.cues,
      )
    // "Other unions, including the teachers' union, have said": PolNeAR keeps an "including"
    // phrase in the speaker (train: 28 of 29), which the phrase function (shared with training)
    // leaves out as an adjunct.
    if (
      speakerFirst >= 0 &&
      words[left.last]?.lower === ',' &&
      words[speakerLast + 1]?.lower === ',' &&
      words[speakerLast + 2]?.lower === 'including'
    )
      speakerLast = left.last
    // "The Front, which seeks …, claimed": when the appositive holds another attribution, the
    // speaker is the head before it.
    if (speakerFirst >= 0 && overlapsAny(scope.blocked, spanOf(words, speakerFirst, speakerLast))) {
      const comma = words.findIndex(
        (x, k) => k > speakerFirst && k <= speakerLast && x.lower === ',',
      )
      if (
        comma > speakerFirst &&
        !overlapsAny(scope.blocked, spanOf(words, speakerFirst, comma - 1))
      )
        speakerLast = comma - 1
      else speakerFirst = -1
    }
    if (speakerFirst >= 0)
      speakerLast = withParticipleTime(words, speakerFirst, speakerLast, left.last, left.cueFirst)
    // "…, arguing that …", "…, perhaps recognizing …": a participle after a comma speaks for the
    // sentence's subject, not for the phrase before the comma.
    const participle = w.lower.endsWith('ing') && !w.upper && words[left.last]?.lower === ','
    const speakerOk = !participle && speakerFirst >= 0 && opensClause(words, speakerFirst)
    // "a harsh critic of …": the cue word is the noun of the phrase before it.
    if (speakerOk && !left.passive && nounAfterModifier(words, speakerFirst, speakerLast, i))
      continue
    const cueSpan = cueWords(scope, i, left.last + 1, left.cueFirst, cueLast(words, i, lexicon))
    const cueFirst = cueSpan[0]
    let cueEnd = cueSpan[1]
    // "a record fine imposed by the board": a participle after its noun, with its agent.
    const passive = left.passive || isReducedPassive(words, i, cueFirst, cueEnd)

    // A learned cue is read as a passive only with its agent ("was endorsed by X").
    if (
      speakerOk &&
      passive &&
      ((entry.origin !== 'data' && words[cueEnd + 1]?.lower !== 'by') ||
        NOT_PASSIVE_CUES.has(w.lower))
    )
      continue
    if (speakerOk && passive) {
      // "Xland was accused (by Y) of …": the subject is accused; the agent, if any, speaks.
      let t = cueEnd + 1
      const speaker: Span | null = null
      if (words[t]?.lower === 'by') {
        const last = speakerAfter(words, t + 1)
        if (last >= 0) {
          // "The issue was first reported by the Post": the Post speaks about the issue.
          push(scope, {
            speaker: spanOf(words, t + 1, last),
            // PolNeAR leaves "by" out of the cue in 58 of 80 passives with an agent in train;
            // the hand-written cues keep it (on dev, one more cue right).
            cue: spanOf(words, cueFirst, entry.origin === 'data' ? t : t - 1),
            content: spanOf(words, amountStart(words, speakerFirst), speakerLast),
            kind: 'indirect',
            rule: 'indirect-passive-agent',
            cueEntry: entry,
            stance: null,
            targetSpan: null,
            negated: left.negated,
            passive: true,
          })
          i = last
          continue
        }
      }
      // "Kestria was accused of sheltering them": no speaker; the cue runs to "of" and the
      // content is the whole statement, subject included (PolNeAR: subject + complement).
      if (['of', 'for'].includes(words[t]?.lower ?? '')) {
        cueEnd = t
        t++
      }
      const [first, whole] = trimContent(words, t, contentLimit(scope, t))
      // The content perceptron's cut, only at a comma or a dash ("to come before the deadline,
      // but …"; "to pass on Monday" keeps its day).
      const cut = cutContent(scope, first, whole, cueEnd)[1]
      const end = cut < whole && PASSIVE_CUTS.has(words[cut + 1]?.lower ?? '') ? cut : whole
      if (end - first < 1) continue
      push(scope, {
        speaker,
        cue: spanOf(words, cueFirst, cueEnd),
        content: spanOf(words, speakerFirst, end),
        kind: 'indirect',
        rule: speaker ? 'indirect-passive-agent' : 'indirect-passive',
        cueEntry: entry,
        stance: null,
        targetSpan: spanOf(words, speakerFirst, speakerLast),
        negated: left.negated,
        passive: true,
      })
      i = end
      continue
    }

    if (speakerOk) {
      const complement = complementOf(words, cueEnd, entry)
      const { t, targetSpan } = complement
      cueEnd = complement.cueEnd
      let limit = contentLimit(scope, t)
      // "The Front, which seeks independence …, claimed the attack": a relative clause ends at
      // its comma.
      if (RELATIVES.has(words[speakerFirst]?.lower ?? '') && speakerFirst === speakerLast) {
        const comma = words.findIndex((x, k) => k > t && k <= limit && x.lower === ',')
        if (comma > 0) limit = comma - 1
      }
      const [first, end] = cutContent(scope, ...trimContent(words, t, limit), cueEnd)
      const rest = words.slice(first, end + 1).filter((x) => x.isWord)
      // Learned cues take one-word objects too ("attacked Machado"); speech cues need a clause.
      if (rest.length < 1 || (rest.length < 2 && entry.origin !== 'model' && targetSpan === null))
        continue
      // "Nobody will admit it": a learned cue with a bare pronoun for object says nothing.
      if (rest.length === 1 && entry.origin === 'model' && BARE_OBJECTS.has(rest[0]?.lower ?? ''))
        continue
      // "They hired a guard who said …": a learned cue does not swallow a speaker's claim.
      if (
        entry.origin === 'model' &&
        hasSpeechCue(words, first, Math.min(end, first + 10), lexicon)
      )
        continue
      // The learned start of the speaker phrase ("Federal and state officials said"), asked only
      // where it can differ: a word of the phrase's own stands before it ("and"), or the phrase
      // has three words or more ("20 million experts" → "experts").
      if (
        input.sourceModel != null &&
        (words[speakerFirst - 1]?.isWord === true || speakerLast - speakerFirst >= 2)
      ) {
        const start = sourceStart(input.sourceModel, words, speakerFirst, speakerLast)
        // Not across a relative pronoun: in "Mira Kovan, who Orlen has accused …" the speaker
        // is Orlen alone.
        if (
          start !== speakerFirst &&
          !overlapsAny(scope.blocked, spanOf(words, start, speakerLast)) &&
          !words.slice(start, speakerFirst).some((x) => SPEAKER_RELATIVES.has(x.lower))
        )
          speakerFirst = start
      }
      // The content's lead is found once the speaker's start is final: "Mira Kovan, who Orlen has
      // accused …" must not open the content at "who" inside the speaker the model moved left.
      const lead = parentheticalLead(scope, speakerFirst, cueEnd, t)
      // After an accuse-type cue the relative is the accused ("Orlen, which officials have
      // accused of arming them"), not the start of the content.
      const relative =
        lead < 0 && entry.frame !== 'accuse' ? relativeLead(scope, speakerFirst, first) : -1
      const content = spanOf(words, lead >= 0 ? lead : relative >= 0 ? relative : first, end)
      const speakerSpan = spanOf(words, speakerFirst, speakerLast)
      // A speaker and content that partly overlap (interleaved spans) are no reading.
      if (partlyOverlap(speakerSpan, content)) continue
      // "The plan seems to fail": nobody speaks; the subject and what follows the verb are the
      // content (PolNeAR train: 198 of 218 such cues without a source, subject in the content).
      // Not "appeared to blame" (a speech verb follows: its subject speaks). "It seems that …":
      // the "it" is nobody and no part of the content.
      const raising =
        RAISING_VERBS.has(w.lower) &&
        !(words[cueEnd]?.lower === 'to' || lexicon.cues.has(words[cueEnd + 2]?.lower ?? ''))
      // "Kovan appeared before the committee": appear says nothing unless a raising complement
      // follows ("to", "that", "as if", "likely"); seem is raising whatever follows.
      if (raising && RAISING_OR_INTRANSITIVE.has(w.lower) && !raisingComplement(words, cueEnd + 1))
        continue
      const expletive = words[speakerFirst]?.lower === 'it' && words[first]?.lower === 'that'
      push(scope, {
        speaker: raising ? null : speakerSpan,
        cue: spanOf(words, cueFirst, cueEnd),
        content: raising && !expletive ? spanOf(words, speakerFirst, end) : content,
        kind: quotedKind(quotes, content),
        rule: raising ? 'indirect-raising' : 'indirect-speaker-cue-content',
        cueEntry: entry,
        stance: null,
        targetSpan,
        negated: left.negated,
        passive: false,
      })
      i = end
      continue
    }

    // "X mocked the plan, saying …" / "X arrived and said …": the sentence's subject speaks,
    // unless it already speaks in another attribution of this sentence.
    if (i >= 2 && (participle || continuesWithCue(words, i - 1, lexicon))) {
      for (let d = scope.drafts.length - 1; d >= pushed; d--) {
        const sp = scope.drafts[d]?.speaker
        if (sp) {
          lastSpeaker = sp
          break
        }
      }
      let speaker: Span | null = lastSpeaker ?? earlierSpeaker(scope, pushed, w.start)
      let subjectLast = speaker === null ? subjectEnd(words, lexicon) : -1
      const subjectFirst = subjectLast >= 0 ? subjectStart(words, subjectLast) : -1
      if (subjectFirst >= 0 && PRESENT_SINGULAR.test(words[i]?.lower ?? ''))
        subjectLast = singularSubjectEnd(words, subjectFirst, subjectLast)
      if (subjectLast >= 0 && subjectLast < i - 1) {
        // The same speaker as the sentence's first attribution, if it had one ("X accused Y …
        // and said …"): the claim is still X's.
        speaker = spanOf(words, subjectFirst, subjectLast)
      }
      // "Kovan and Pell met, each touting …": the quantifier before the participle speaks.
      const each = participle && DETERMINERS.has(words[cueFirst]?.lower ?? '')
      if (each) speaker = spanOf(words, cueFirst, cueFirst)
      const complement = complementOf(words, cueEnd, entry)
      const [first, end] = cutContent(
        scope,
        ...trimContent(words, complement.t, contentLimit(scope, complement.t)),
        complement.cueEnd,
      )
      if (end - first < 1) continue
      const content = spanOf(words, first, end)
      push(scope, {
        speaker,
        // "…, now saying …": the adverb before a participle belongs to its cue.
        cue: spanOf(words, participle ? cueFirst + (each ? 1 : 0) : i, complement.cueEnd),
        content,
        kind: quotedKind(quotes, content),
        rule: 'indirect-continued',
        cueEntry: entry,
        stance: null,
        targetSpan: complement.targetSpan,
        negated: false,
        passive: false,
      })
      i = end
    }
  }
}

/**
 * "Kovan -- co-editor of a book on Varn -- said": a name with an appositive between double
 * hyphens (two "-" words each), which PolNeAR keeps whole, closing dashes included. [first, last]
 * or [-1, last].
 */
function doubleDashSpeaker(
  words: readonly Word[],
  last: number,
  lexicon: ClaimsLexicon,
): [number, number] {
  const isDouble = (k: number): boolean =>
    words[k]?.lower === '-' &&
    words[k - 1]?.lower === '-' &&
    (words[k - 1] as Word).end === (words[k] as Word).start
  if (!isDouble(last)) return [-1, last]
  for (let c = last - 3; c >= 2 && last - c <= 40; c--) {
    const w = words[c] as Word
    if (w.lower === '“' || w.lower === '"' || w.lower === ';') break
    if (!isDouble(c)) continue
    const nameEnd = c - 2
    const first = speakerBefore(words, nameEnd, lexicon.cues)
    if (first < 0 || !(words[nameEnd]?.upper ?? false) || !opensClause(words, first)) break
    // "Kovan -- whose party lost -- said": a relative clause is left out (an appositive is not).
    return [first, SPEAKER_RELATIVES.has(words[c + 1]?.lower ?? '') ? nameEnd : last]
  }
  return [-1, last]
}

/**
 * The speaker of the nearest claim that an earlier pass (a quotation's) found in this sentence
 * before `offset`: in "“…,” Kovan said on Friday, citing …" Kovan cites, not the quotation's
 * subject. Null when there is none.
 */
function earlierSpeaker(scope: SentenceScope, pushed: number, offset: number): Span | null {
  const from = scope.words[0]?.start ?? 0
  const { drafts, earlier } = scope
  let best: Draft | null = null
  if (earlier === null) {
    for (let d = 0; d < pushed; d++) best = laterCue(best, drafts[d], from, offset)
    return best?.speaker ?? null
  }
  // The earlier passes' drafts whose cue starts in the sentence, found by halving; then the
  // sentence's own drafts so far (drafts of the sentences before have their cues before it).
  const sorted = earlier.byCue
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if ((sorted[mid]?.cue?.start ?? 0) < from) lo = mid + 1
    else hi = mid
  }
  for (let k = lo; k < sorted.length && (sorted[k]?.cue?.start ?? 0) <= offset; k++)
    best = laterCue(best, sorted[k], from, offset)
  for (let d = Math.max(earlier.before, earlier.sentenceFirst); d < pushed; d++)
    best = laterCue(best, drafts[d], from, offset)
  return best?.speaker ?? null
}

/**
 * `x` when it has a speaker and a cue within [from, offset] that starts after `best`'s; else
 * `best` (of drafts with the same cue start, the first read stays).
 */
function laterCue(
  best: Draft | null,
  x: Draft | undefined,
  from: number,
  offset: number,
): Draft | null {
  if (x?.speaker == null || x.cue === null || x.cue.start < from || x.cue.end > offset) return best
  return best === null || (best.cue?.start ?? 0) < x.cue.start ? x : best
}

/**
 * "A poll released last week found …", "an analysis released by the ministry on Friday shows
 * …": the time words after a participle in the speaker phrase date that participle, not the
 * cue, and belong to the speaker (PolNeAR). The speaker's new last word.
 */
function withParticipleTime(
  words: readonly Word[],
  first: number,
  last: number,
  zoneLast: number,
  cueFirst: number,
): number {
  if (last !== zoneLast || cueFirst - 1 <= last) return last
  for (let k = last + 1; k < cueFirst; k++) if (!TIME_WORDS.has(words[k]?.lower ?? '')) return last
  // The participle is in the phrase, or right before its agent ("released by the ministry").
  const from = words[first - 1]?.lower === 'by' ? first - 2 : first + 1
  const participle = words
    .slice(Math.max(0, from), last + 1)
    .some((w) => !w.upper && w.lower.length > 4 && w.lower.endsWith('ed'))
  return participle ? cueFirst - 1 : last
}

/** Words that may stand before a determiner inside one source ("a suit by the agency"). */
const SOURCE_LINKS: ReadonlySet<string> = closedClass('source-links')

/**
 * Where a clause starts inside a source read after "according to" with no comma ("police | the
 * suspect fled"): a determiner right after a word that does not link it into the source, with two
 * words or more after it; -1 when none.
 */
function clauseAfterSource(words: readonly Word[], first: number, last: number): number {
  for (let k = first + 1; k <= last; k++) {
    const w = words[k] as Word
    const before = words[k - 1] as Word
    if (!DETERMINERS.has(w.lower) || !before.isWord || SOURCE_LINKS.has(before.lower)) continue
    // A clause needs room for its subject and verb ("police | the suspect fled").
    return last - k >= 2 ? k : -1
  }
  return -1
}

/** The word before the first comma in words[from..to), or null at a quotation or clause mark. */
function commaBefore(words: readonly Word[], from: number, to: number): number | null {
  for (let k = from; k < Math.min(to, words.length); k++) {
    const w = words[k]?.lower ?? ''
    if (w === ',') return k - 1
    if (['“', '"', '”', ';', ':', '.', '—'].includes(w)) return null
  }
  return null
}

const RELATIVE_LEADS = closedClass('relative-leads')

/**
 * "the plan, which Roe says will fail", "what the senators called a rout": the relative pronoun
 * before the speaker opens the content (PolNeAR train: which 86 of 140, what 52 of 71, who 20 of
 * 25). Its index, or -1. Not "which" after a preposition ("in which she said that …") nor
 * before a that-clause.
 */
function relativeLead(scope: SentenceScope, speakerFirst: number, contentFirst: number): number {
  const { words } = scope
  const r = words[speakerFirst - 1]
  if (r === undefined || r.upper || !RELATIVE_LEADS.has(r.lower)) return -1
  // "in which he says …" leaves the relative out, "after what she called a rant" keeps it
  // (PolNeAR train, after a preposition: "which" 7 in, 50 out; "what" 22 in, 9 out).
  if (
    (ADJUNCT_STARTS.has(words[speakerFirst - 2]?.lower ?? '') && r.lower !== 'what') ||
    words[contentFirst]?.lower === 'that'
  )
    return -1
  return isFree(scope, r) ? speakerFirst - 1 : -1
}

/**
 * "In law school, she said, professors …": an attribution between commas inside its sentence
 * leaves the words before it in the content (PolNeAR: one content in two fragments). The first
 * word of those words, or -1 when the speaker does not follow a comma, the cue is not followed by
 * one, or the words before hold used text or a cue of their own.
 */
function parentheticalLead(
  scope: SentenceScope,
  speakerFirst: number,
  cueEnd: number,
  contentFirst: number,
): number {
  const { words } = scope
  if (speakerFirst < 2 || words[speakerFirst - 1]?.lower !== ',') return -1
  if (contentFirst !== cueEnd + 1 || words[cueEnd + 1]?.lower !== ',') return -1
  // "And perhaps, he said, …": the sentence's opening conjunction stays out (as before a cue).
  const opener = CONTENT_OPENERS.has(words[0]?.lower ?? '') ? 1 : 0
  const [first, last] = trimContent(words, opener, speakerFirst - 2)
  if (last < first) return -1
  for (let k = first; k <= last; k++) {
    const w = words[k] as Word
    if (!isFree(scope, w) || (!w.upper && scope.input.lexicon.cues.get(w.lower)?.origin === 'data'))
      return -1
  }
  return first
}

/**
 * Last word of what an opening "Asked …," asks: up to the comma that ends the phrase, or to a
 * quotation closed after a comma ('Asked whether she “would serve,” 55 percent said …'); -1
 * when the phrase does not end within the sentence.
 */
function askedOpeningEnd(scope: SentenceScope, from: number): number {
  const { words } = scope
  for (let t = from; t < words.length; t++) {
    const w = words[t] as Word
    if (!isFree(scope, w) && !insideQuote(scope.input.quotes, w)) return -1
    if (w.lower === ',' && !insideQuote(scope.input.quotes, w)) return t - 1
    if (words[t - 1]?.lower === ',' && scope.input.quotes.some((q) => q.end === w.end)) return t
  }
  return -1
}

/**
 * The claim of a purpose cue words[i] after "to", whose speaker is the sentence's speaker so far
 * or its subject; returns the index to go on from.
 */
function purposeClaim(scope: SentenceScope, i: number, entry: CueEntry, pushed: number): number {
  const { words, input } = scope
  let speaker: Span | null = null
  for (let d = scope.drafts.length - 1; d >= pushed && speaker === null; d--)
    speaker = scope.drafts[d]?.speaker ?? null
  if (speaker === null) {
    const last = subjectEnd(words, input.lexicon)
    if (last >= 0 && last < i - 2) speaker = spanOf(words, subjectStart(words, last), last)
  }
  const complement = complementOf(words, cueLast(words, i, input.lexicon), entry)
  const [first, end] = cutContent(
    scope,
    ...trimContent(words, complement.t, contentLimit(scope, complement.t)),
    complement.cueEnd,
  )
  if (speaker === null || end - first < 1) return i
  const content = spanOf(words, first, end)
  push(scope, {
    speaker,
    cue: spanOf(words, i - 1, complement.cueEnd),
    content,
    kind: quotedKind(input.quotes, content),
    rule: 'indirect-purpose',
    cueEntry: entry,
    stance: null,
    targetSpan: complement.targetSpan,
    negated: false,
    passive: false,
  })
  return end
}

interface Complement {
  /** First word of the content. */
  readonly t: number
  /** Last word of the cue (an accusation's cue runs to "of"). */
  readonly cueEnd: number
  /** The accused or the addressee. */
  readonly targetSpan: Span | null
}

/**
 * Where the content starts after a cue, by the cue's frame: "told reporters (that) …", "asked
 * the minister whether …", "accused Ukraine and the West of …", "said on Friday that …".
 */
function complementOf(words: readonly Word[], cueEnd: number, entry: CueEntry): Complement {
  let t = cueEnd + 1
  let targetSpan: Span | null = null
  if (entry.frame === 'tell') {
    const thatAt = findWithin(words, t, 12, 'that', ...WH_WORDS)
    if (thatAt >= 0 && !hasInfinitive(words, t, thatAt)) t = thatAt
    else if (words[t]?.isWord && !ADJUNCT_STARTS.has(words[t]?.lower ?? '')) {
      // "told reporters, …", "told the crowd he would …": the addressee is no part of the content.
      const to = addressee(words, t)
      if (to !== null) {
        targetSpan = spanOf(words, t, to[0])
        t = to[1]
      }
    }
  } else if (entry.frame === 'ask') {
    if (words[t]?.isWord && !WH_WORDS.has(words[t]?.lower ?? '')) {
      const last = speakerAfter(words, t)
      // "asked the minister whether …", "asked him, “…”": the one asked is no part of the
      // content; "asked the crowd to welcome …", "demanded accountability from …" keep their
      // object (PolNeAR train).
      if (last >= 0 && asksAfter(words[last + 1], words[last + 2])) {
        targetSpan = spanOf(words, t, last)
        t = last + 1
      }
    }
  } else if (entry.frame === 'accuse') {
    // "accused Ukraine and the West of …": PolNeAR's cue runs to "of"; the accused are the
    // targets and the content is what they are accused of.
    const ofAt = findWithin(words, t, 10, 'of', 'for', 'over')
    if (ofAt > t) {
      return { t: ofAt + 1, cueEnd: ofAt, targetSpan: spanOf(words, t, ofAt - 1) }
    }
  } else {
    // "said on Friday that …", "said at a rally in Toledo, Ohio, that …": the content is the
    // that-clause, the adjunct belongs to no span.
    const head = words[t]
    if (head !== undefined && (ADJUNCT_STARTS.has(head.lower) || TIME_WORDS.has(head.lower))) {
      const thatAt = findWithin(words, t, 16, 'that')
      // Not past an infinitive or a clause of its own ("said at least 40 people were hurt, and
      // that …").
      if (
        thatAt > t &&
        !hasInfinitive(words, t, thatAt) &&
        !words.slice(t, thatAt).some(isFiniteVerb)
      )
        t = thatAt
      else t = clauseAfterAdjunct(words, t)
    }
  }
  // "adding later, “…”": a short adjunct before a quotation belongs to no span.
  const q = words.findIndex((w, k) => k >= t && k <= t + 4 && (w.lower === '“' || w.lower === '"'))
  if (
    q > t &&
    words[q - 1]?.lower === ',' &&
    // "said that, “…”": "that" stays the content's first word.
    words[t]?.lower !== 'that' &&
    words.slice(t, q - 1).every((w) => w.isWord && !w.upper) &&
    // "says things such as, “…”", "said she recalled thinking, “…”": words that are no adjunct
    // open the content.
    isAdjunctWord(words[t] as Word)
  )
    t = q
  return { t: afterTimeAdjunct(words, t), cueEnd, targetSpan }
}

const ADJUNCT_SUBJECT_HEADS = closedClass('adjunct-subject-heads')
const SUBJECT_PRONOUNS = new Set(['he', 'she', 'they', 'we', 'i'])

/**
 * "said after the convention he would …", "decided after a lengthy inquiry not to …": an adjunct
 * of a few plain words right after the cue, then a subject pronoun with its verb or "not to",
 * belongs to no span; the content starts at the pronoun or "not". Otherwise `t`. Not "hinted at
 * the niche he sees" (no such preposition).
 */
function clauseAfterAdjunct(words: readonly Word[], t: number): number {
  if (!ADJUNCT_SUBJECT_HEADS.has(words[t]?.lower ?? '')) return t
  for (let k = t + 2; k <= t + 8; k++) {
    const w = words[k]
    if (w === undefined || !w.isWord || isFiniteVerb(w)) return t
    const next = words[k + 1]
    if (next === undefined) return t
    if (SUBJECT_PRONOUNS.has(w.lower) && (isFiniteVerb(next) || /^[a-z]+ed$/.test(next.lower)))
      return k
    if (w.lower === 'not' && next.lower === 'to') return k
  }
  return t
}

/** Marks after the one asked that open a quoted question ("asked him, “…”"). */
const ASK_MARKS = new Set([',', ':', '“', '"', '‘'])

/** Words after "asked X," that open what is asked (not a relative: "…, who is 70"). */
const ASKED_AFTER_COMMA = new Set(['“', '"', '‘', 'if', 'whether', 'what', 'why', 'how'])

/**
 * Whether `w`, after the one a question is put to, opens what is asked. A comma does only before
 * a quotation or a question word (`next`): "asked him, “…”", but "questioned the health of
 * Varga, who is 70" keeps its object (PolNeAR train: 28 objects kept before a comma and a plain
 * word, 4 left out).
 */
function asksAfter(w: Word | undefined, next: Word | undefined): boolean {
  if (w === undefined) return false
  if (w.lower === ',') return ASKED_AFTER_COMMA.has(next?.lower ?? '')
  return WH_WORDS.has(w.lower) || ASK_MARKS.has(w.lower)
}

/** Object pronouns that end an addressee; not "her", which may open one ("told her aides"). */
const ADDRESSEE_PRONOUNS: ReadonlySet<string> = new Set(
  [...OBJECT_PRONOUNS].filter((w) => w !== 'her'),
)

/**
 * The addressee after a cue of telling, as [its last word, the content's first word], or null:
 * a phrase before a mark ("told reporters, …"), an object pronoun ("told him she …"), or a phrase
 * before a subject pronoun, without the time words between ("told voters this week he …").
 */
function addressee(words: readonly Word[], first: number): [number, number] | null {
  if (ADDRESSEE_PRONOUNS.has(words[first]?.lower ?? '') && (words[first + 1]?.isWord ?? false))
    return [first, first + 1]
  const last = speakerAfter(words, first)
  if (last < 0) return null
  const next = words[last + 1]
  if (next !== undefined && !next.isWord) return [last, last + 1]
  for (let k = first + 1; k <= last; k++) {
    if (!PRONOUNS.has(words[k]?.lower ?? '')) continue
    let end = k - 1
    while (end > first && TIME_WORDS.has(words[end]?.lower ?? '')) end--
    return [end, k]
  }
  return null
}

/**
 * Whether words[from..to-1] holds an infinitive ("to" and a bare verb): then a later "that" or
 * wh-word belongs to the infinitive's clause ("agreed to restore the land that was ravaged",
 * "told his aides to find out how …") and does not open the content. A plural after "to" is the
 * addressee of an adjunct ("said to reporters that …").
 */
function hasInfinitive(words: readonly Word[], from: number, to: number): boolean {
  for (let k = from; k < to - 1; k++) {
    if (words[k]?.lower !== 'to') continue
    const v = words[k + 1] as Word
    if (
      v.isWord &&
      !v.upper &&
      !/^\d/.test(v.lower) &&
      !DETERMINERS.has(v.lower) &&
      !PRONOUNS.has(v.lower) &&
      !(v.lower.endsWith('s') && !v.lower.endsWith('ss'))
    )
      return true
  }
  return false
}

/** A word that opens an adjunct: a preposition, a time word or an adverb in -ly. */
function isAdjunctWord(w: Word): boolean {
  return (
    ADJUNCT_STARTS.has(w.lower) ||
    TIME_WORDS.has(w.lower) ||
    (w.lower.length > 4 && w.lower.endsWith('ly'))
  )
}

const TIME_NOUNS = closedClass('time-nouns')
const TIME_NOUN_DETERMINERS = closedClass('time-noun-determiners')

/**
 * Whether `w`, right after a time adjunct, may open the content's clause: a name, a determiner, a
 * pronoun, a function word. A bare lower-case word is a noun of a phrase the day opens ("said
 * Monday talks had failed"), and the day belongs to the content.
 */
function opensAfterTime(w: Word): boolean {
  return (
    w.upper ||
    /^\d/.test(w.lower) ||
    DETERMINERS.has(w.lower) ||
    PRONOUNS.has(w.lower) ||
    NP_STOPS.has(w.lower) ||
    ADJUNCT_STARTS.has(w.lower)
  )
}

/** A capitalised weekday ("Monday"). */
function isWeekday(w: Word | undefined): boolean {
  return w !== undefined && w.upper && WEEKDAYS.has(w.lower)
}

/**
 * "ruled Friday against …", "announced on Friday the arrest …", "told them this weekend he
 * would …": a time adjunct right after the cue is no part of the content (PolNeAR). The first
 * word after it, or t when there is none, nothing of the content would be left, or the time
 * words open the content's subject ("Friday's attack", "this week's vote", "Monday talks").
 */
function afterTimeAdjunct(words: readonly Word[], t: number): number {
  let k = t
  if (isWeekday(words[k])) k++
  else if (words[k]?.lower === 'on' && isWeekday(words[k + 1])) k += 2
  else if (
    TIME_NOUN_DETERMINERS.has(words[k]?.lower ?? '') &&
    TIME_NOUNS.has(words[k + 1]?.lower ?? '')
  )
    k += 2
  else return t
  while (TIME_NOUNS.has(words[k]?.lower ?? '')) k++
  const rest = words.slice(k, k + 3)
  if (rest.length < 2 || !rest.every((w) => w.isWord)) return t
  const next = rest[0] as Word
  return next.lower === "'s" || !opensAfterTime(next) ? t : k
}

/** Last word of the sentence's subject: "The ministry", "Jan Roe", "Jan Roe of the union". */
function subjectEnd(words: readonly Word[], lexicon: ClaimsLexicon): number {
  let head = words[0]
  if (head === undefined) return -1
  let from = 0
  // "“…,” Blige sings …": the subject follows an opening quotation.
  if (['“', '"', '‘'].includes(head.lower)) {
    const close = words.findIndex((w, k) => k > 0 && ['”', '"', '’'].includes(w.lower))
    if (close < 0) return -1
    from = close + 1
    while ([',', '.'].includes(words[from]?.lower ?? '')) from++
    head = words[from]
    if (head === undefined) return -1
    return subjectEndFrom(words, from, lexicon)
  }
  // "VARN - European leaders …": a dateline before the subject.
  if (head.upper && DATELINE_DASHES.has(words[1]?.lower ?? '')) {
    from = 2
    head = words[from]
    if (head === undefined) return -1
  }
  // "On Thursday, Trump …", "Speaking in Varn, Kovan …": the subject follows an opening adjunct.
  if (NP_STOPS_OPENING.has(head.lower) || openingAdjunct(words, from)) {
    const comma = words.findIndex((w, k) => k > from && k < from + 12 && w.lower === ',')
    if (comma < 0) return -1
    from = comma + 1
    head = words[from]
    if (head === undefined) return -1
  }
  return subjectEndFrom(words, from, lexicon)
}

/**
 * Whether words[from] opens an adjunct before the subject that `subjectEnd` must skip to its
 * comma: a lone adverb ("Ultimately,", "Instead,"), a participle with its complement ("Speaking
 * in Varn,", "Asked about the vote,") or a preposition ("Throughout the campaign,").
 */
function openingAdjunct(words: readonly Word[], from: number): boolean {
  const head = words[from]
  const next = words[from + 1]
  if (head === undefined || next === undefined || !head.isWord) return false
  if (next.lower === ',')
    return (
      (head.lower.length > 4 && head.lower.endsWith('ly')) ||
      OPENING_ADVERBS.has(head.lower) ||
      ADJUNCT_STARTS.has(head.lower)
    )
  if (!next.isWord || next.upper) return false
  return (
    OPENING_PREPOSITIONS.has(head.lower) ||
    ADJUNCT_STARTS.has(head.lower) ||
    (head.lower.length > 4 && (head.lower.endsWith('ing') || head.lower.endsWith('ed')))
  )
}

const OPENING_ADVERBS: ReadonlySet<string> = closedClass('lone-lead-adverbs')
const OPENING_PREPOSITIONS: ReadonlySet<string> = closedClass('opening-prepositions')

const DATELINE_DASHES = new Set(['-', '—', '–', '--', '―'])

/** A present-tense cue of the third person singular ("says", "claims", "insists"). */
const PRESENT_SINGULAR = /^[a-z]+[^su']s$/

/**
 * "My cousin works on the stage crew … and says …": before a cue in -s the subject is singular,
 * so a lower-case word in -s after its determiner and noun is its verb, and the subject ends
 * before it. Not a plural after a preposition: "The board of directors met … and says".
 */
function singularSubjectEnd(words: readonly Word[], first: number, last: number): number {
  if (!DETERMINERS.has(words[first]?.lower ?? '')) return last
  for (let k = first + 2; k <= last; k++) {
    const w = words[k] as Word
    if (NP_INNER.has(words[k - 1]?.lower ?? '')) continue
    if (!w.upper && PRESENT_SINGULAR.test(w.lower)) return k - 1
  }
  return last
}

const NP_STOPS_OPENING = new Set([
  'on',
  'in',
  'at',
  'after',
  'before',
  'during',
  'though',
  'although',
  'while',
  'when',
  'as',
  'but',
  'and',
  'since',
  'because',
  'if',
  'for',
  'with',
  'by',
  'from',
  'earlier',
  'later',
  'yesterday',
  'today',
  'meanwhile',
  'however',
  'still',
  'also',
  'then',
  'last',
  'this',
])

/** The subject's last word when the subject starts at words[from] (-1 if it does not look like one). */
function subjectEndFrom(words: readonly Word[], from: number, lexicon: ClaimsLexicon): number {
  const head = words[from]
  if (head === undefined) return -1
  if (PRONOUNS.has(head.lower)) return from
  if (DETERMINERS.has(head.lower)) {
    // "…,” the mayor said, adding …", "The senator met donors to …": the subject ends before
    // its verb, never before its noun ("the embattled mayor", "the claims adjuster").
    const last = speakerAfter(words, from)
    for (let k = from + 2; k <= last; k++) {
      const w = words[k] as Word
      if (!w.upper && (lexicon.cues.has(w.lower) || isVerbLike(w))) return k - 1
    }
    return last
  }
  if (!head.upper) return -1
  let k = from
  while (k + 1 < words.length) {
    const w = words[k + 1] as Word
    if (w.upper || (NP_INNER.has(w.lower) && (words[k + 2]?.upper ?? false))) k++
    else break
  }
  // "European leaders gathered …": a plural noun after the names, before a verb.
  const noun = words[k + 1]
  if (
    noun !== undefined &&
    !noun.upper &&
    /[^s']s$/.test(noun.lower) &&
    !isBetween(noun) &&
    !isFiniteVerb(noun) &&
    words[k + 2] !== undefined &&
    (isVerbLike(words[k + 2] as Word) || lexicon.cues.has(words[k + 2]?.lower ?? ''))
  )
    return k + 1
  return k
}

/** First word of the subject that ends at `last` (after an opening adjunct, if any). */
function subjectStart(words: readonly Word[], last: number): number {
  let k = last
  while (k > 0 && ![',', '”', '"', '’'].includes(words[k - 1]?.lower ?? '')) {
    // "VARN - European leaders …": not back into a dateline.
    if (k === 2 && DATELINE_DASHES.has(words[1]?.lower ?? '') && (words[0]?.upper ?? false)) break
    k--
  }
  return k
}

const PERCEPTRON_CUE: CueEntry = { stance: 'assert', frame: 'say', origin: 'model' }

/** A word outside the lexicon that the cue perceptron takes for a cue head after its speaker. */
function learnedCue(
  words: readonly Word[],
  i: number,
  model: CueModel | null | undefined,
  lexicon: ClaimsLexicon,
): CueEntry | undefined {
  const w = words[i] as Word
  if (model == null || !isCueShaped(words, i, lexicon) || !mayBeCue(model, w.lower))
    return undefined
  const c = cueCandidate(words, i, lexicon)
  if (c === null) return undefined
  const score = cueScore(model, words, i, c.speakerFirst, c.speakerLast, c.cueFirst)
  return score > model.threshold ? PERCEPTRON_CUE : undefined
}

function findWithin(
  words: readonly Word[],
  from: number,
  span: number,
  ...targets: string[]
): number {
  for (let t = from; t < words.length && t - from < span; t++) {
    const w = words[t] as Word
    if (targets.includes(w.lower)) return t
    if (!w.isWord && ![',', '-', '“', '”', '"', "'s"].includes(w.lower)) return -1
  }
  return -1
}

/** Indirect content that contains a quotation is mixed; a content that is one quotation is direct. */
function quotedKind(quotes: readonly Quote[], content: Span): ClaimKind {
  for (const q of quotes) {
    if (q.start >= content.start && q.end <= content.end + 1) {
      return q.start === content.start && q.end >= content.end ? 'direct' : 'mixed'
    }
  }
  return 'indirect'
}
