/**
 * @module
 * The claim rules. Drafts are found in passes, in this order, each blocking the text it uses so
 * that later passes do not read it twice (PolNeAR's annotation is univocal: a word belongs to at
 * most one attribution):
 *   1. transcript turns ("WALLACE: …") when a document has several;
 *   2. direct quotations with their speaker and cue after, before or around them (quotes may run
 *      over several sentences, be interrupted by the cue, or be continued after it);
 *   3. per sentence: unattributed allegations ("It is alleged that …"), then a trailing
 *      attribution ("…, officials said."), then indirect speech left to right ("X said (that) …",
 *      "according to X, …", "X accused Y of …", "a reporter asked the minister whether …",
 *      "Y was accused of …").
 * Span boundaries follow PolNeAR's conventions (learned by scripts/train-attribution.ts): the
 * content keeps "that" and quote marks; the cue keeps auxiliaries ("has said"), a following colon
 * and fixed extensions ("said in a statement"); a source keeps its appositive and comma.
 */
import type { ClaimKind, Sentence, Stance } from '../../model/analysis.js'
import type { Span } from '../../model/document.js'
import type { ClaimsLexicon, CueEntry } from './lexicon.js'
import type { Quote } from './quotes.js'
import { cueFeatures, mayBeCue, scoreCue, type CueModel } from './cue-model.js'
import { speakerAfter, speakerBefore } from './speaker.js'
import {
  BETWEEN_SPEAKER_AND_CUE,
  DETERMINERS,
  NEGATIONS,
  NP_INNER,
  PRONOUNS,
  scanWords,
  TIME_WORDS,
  type Word,
} from './words.js'

/** A claim before speaker resolution and stance. */
export interface Draft {
  readonly speaker: Span | null
  readonly cue: Span | null
  readonly content: Span
  readonly kind: ClaimKind
  readonly rule: string
  readonly cueEntry: CueEntry | null
  /** Stance set by the rule itself (allegation patterns); otherwise from the cue. */
  readonly stance: Stance | null
  /** Where the accused / the addressee stand ("accused [Ukraine and the West] of"). */
  readonly targetSpan: Span | null
  readonly negated: boolean
  /** Passive cue ("was accused of"): the subject is the target, not the speaker. */
  readonly passive: boolean
}

export interface ExtractInput {
  readonly text: string
  readonly sentences: readonly Sentence[]
  readonly quotes: readonly Quote[]
  readonly lexicon: ClaimsLexicon
  /** The cue perceptron for words outside the lexicon (none: lexicon only). */
  readonly cueModel?: CueModel | null
}

const WH_WORDS = new Set(['whether', 'if', 'why', 'what', 'how', 'who', 'when', 'where', 'which'])
const ADJUNCT_STARTS = new Set([
  'in', 'on', 'at', 'during', 'to', 'after', 'before', 'late', 'earlier', 'last', 'this', 'via',
  'from', 'through', 'while', 'when', 'yesterday', 'today', 'tonight', 'monday', 'tuesday',
  'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'recently', 'afterwards', 'later',
  'with', 'as', 'of', 'about', 'again', 'too', 'also', 'then', 'previously', 'repeatedly',
])
const PASSIVE_AUX = new Set(['is', 'was', 'were', 'are', 'been', 'be', 'being'])
const CLAUSE_OPENERS = new Set([
  ',', ';', ':', '—', '–', '(', '“', '"', '”', '‘', 'and', 'but', 'while', 'as', 'that', 'because',
  'when', 'after', 'so', 'though', 'although', 'whereas', 'yet', 'if', 'since', 'before', 'until',
])
const WEEKDAYS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'])
const TAIL_MARKS = new Set([',', '—', '–', '”', '"', '’'])
const FINAL_MARKS = new Set(['.', '!', ',', ';', ':', '—', '–'])

const isNegation = (w: Word): boolean => NEGATIONS.has(w.lower) || w.lower.endsWith("n't")
const isBetween = (w: Word): boolean =>
  BETWEEN_SPEAKER_AND_CUE.has(w.lower) ||
  w.lower.endsWith("n't") ||
  (!w.upper && w.isWord && w.lower.length > 4 && w.lower.endsWith('ly'))

const spanOf = (words: readonly Word[], first: number, last: number): Span => ({
  start: words[first]?.start ?? 0,
  end: words[last]?.end ?? 0,
})

const overlapsAny = (spans: readonly Span[], s: Span): boolean =>
  spans.some((b) => b.start < s.end && s.start < b.end)

/** Run all passes; drafts come back in no particular order. */
export function extractDrafts(input: ExtractInput): Draft[] {
  const blocked: Span[] = []
  const drafts: Draft[] = []
  transcriptTurns(input, drafts, blocked)
  directQuotes(input, drafts, blocked)
  // Sentences are in text order: keep only the quotes and blocked spans that reach the current
  // sentence, so each sentence looks at a handful of spans, not at the whole document's.
  blocked.sort((a, b) => a.start - b.start)
  const active = { quotes: [] as Quote[], blocked: [] as Span[] }
  let nextQuote = 0
  let nextBlocked = 0
  for (const sentence of input.sentences) {
    while (nextQuote < input.quotes.length && (input.quotes[nextQuote] as Quote).start < sentence.end) {
      active.quotes.push(input.quotes[nextQuote++] as Quote)
    }
    while (nextBlocked < blocked.length && (blocked[nextBlocked] as Span).start < sentence.end) {
      active.blocked.push(blocked[nextBlocked++] as Span)
    }
    active.quotes = active.quotes.filter((q) => q.end > sentence.start)
    active.blocked = active.blocked.filter((b) => b.end > sentence.start)
    // Most sentences have no cue word at all: one regular-expression test skips them.
    input.lexicon.trigger.lastIndex = 0
    if (!input.lexicon.trigger.test(input.text.slice(sentence.start, sentence.end))) continue
    const local: ExtractInput = { ...input, quotes: active.quotes }
    allegations(local, sentence, drafts, active.blocked)
    indirectSpeech(local, sentence, drafts, active.blocked)
  }
  return drafts
}

// ---------------------------------------------------------------------------------------------
// Shared pieces: the words around a cue.

interface LeftOfCue {
  /** Last word of the speaker zone (before auxiliaries, adverbs and time words), or -1. */
  readonly last: number
  /** First word of the cue (auxiliaries and adverbs next to the verb belong to it). */
  readonly cueFirst: number
  readonly negated: boolean
  readonly passive: boolean
}

function leftOfCue(words: readonly Word[], verb: number, floor = 0): LeftOfCue {
  let j = verb - 1
  let cueFirst = verb
  let negated = false
  let passive = false
  let adjacent = true
  while (j >= floor) {
    const w = words[j] as Word
    if (isBetween(w) && w.lower !== "'s") {
      if (isNegation(w)) negated = true
      if (adjacent && PASSIVE_AUX.has(w.lower) && (words[verb]?.lower ?? '').endsWith('ed')) passive = true
      if (adjacent && w.lower !== 'to') cueFirst = j
      j--
      continue
    }
    if (w.lower === "'s" && j === verb - 1 && PRONOUNS.has(words[j - 1]?.lower ?? '')) {
      j--
      adjacent = false
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
function cueLast(words: readonly Word[], verb: number, lexicon: ClaimsLexicon): number {
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
  const colon = words[last + 1]
  if (colon?.lower === ':' && colon.start === words[last]?.end) last++
  return last
}

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
function speakerLeftSpan(words: readonly Word[], last: number, lexicon: ClaimsLexicon): [number, number] {
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
        const open = words.findLastIndex((x, k) => k < nameEnd && k >= nameEnd - 8 && x.lower === '(')
        if (open > 0) nameEnd = open - 1
      }
      const first = speakerBefore(words, nameEnd, lexicon.cues)
      // "Jan Roe, a guard," or "the campaign's chairman, Jan Roe,": one side is a name.
      if (first < 0 || !((words[nameEnd]?.upper ?? false) || (words[c + 1]?.upper ?? false))) return [-1, last]
      if (!opensClause(words, first)) return [-1, last]
      const inner = words[c + 1]
      const adjunct = inner !== undefined && (ADJUNCT_STARTS.has(inner.lower) || (!inner.upper && inner.lower.endsWith('ing')))
      return [first, adjunct ? c - 1 : last]
    }
    return [-1, last]
  }
  if (end.lower === ')') {
    for (let p = last - 1; p >= 0 && last - p <= 8; p--) {
      if (words[p]?.lower === '(') {
        return [p > 0 ? nameRun(words, speakerBefore(words, p - 1, lexicon.cues), p - 1, lexicon) : -1, last]
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
function nameRun(words: readonly Word[], first: number, last: number, lexicon?: ClaimsLexicon): number {
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
    if (w.upper || (NP_INNER.has(w.lower) && (words[k - 2]?.upper ?? false))) k--
    else break
  }
  if (k === first) return first
  for (let t = first; t < k; t++) {
    const w = words[t] as Word
    if (w.isWord && !w.upper && !NP_INNER.has(w.lower) && !DETERMINERS.has(w.lower)) return k
  }
  return first
}

/** A speaker phrase must open its clause ("…, the minister said"; not "the report the minister said"). */
function opensClause(words: readonly Word[], first: number): boolean {
  if (first === 0) return true
  const opener = words[first - 1] as Word
  const head = words[first] as Word
  return (
    CLAUSE_OPENERS.has(opener.lower) ||
    !opener.isWord ||
    DETERMINERS.has(head.lower) ||
    PRONOUNS.has(head.lower) ||
    head.lower === 'who' ||
    head.lower === 'which' ||
    (head.upper && !opener.upper)
  )
}

/** Drop leading and trailing punctuation of a content; keep "that" (PolNeAR convention). */
function trimContent(words: readonly Word[], first: number, last: number): [number, number] {
  while (first <= last && FINAL_MARKS.has(words[first]?.lower ?? '')) first++
  while (last >= first && FINAL_MARKS.has(words[last]?.lower ?? '')) last--
  return [first, last]
}

function paragraphEnd(text: string, from: number): number {
  const at = text.indexOf('\n', from)
  return at < 0 ? text.length : at
}

function paragraphStart(text: string, from: number): number {
  return text.lastIndexOf('\n', from - 1) + 1
}

// ---------------------------------------------------------------------------------------------
// 1. Transcript turns

const TURN = /^["“]?([A-Z][A-Za-z.'’-]*(?: [A-Z][A-Za-z.'’-]*){0,3}):[ \t]+(?=\S)/gmu

function transcriptTurns(input: ExtractInput, drafts: Draft[], blocked: Span[]): void {
  const { text } = input
  const turns: { speaker: Span; cue: Span; content: Span }[] = []
  const names = new Map<string, number>()
  for (const m of text.matchAll(TURN)) {
    const name = m[1] ?? ''
    const start = m.index + (m[0].startsWith('"') || m[0].startsWith('“') ? 1 : 0)
    const contentStart = m.index + m[0].length
    let end = paragraphEnd(text, contentStart)
    while (end > contentStart && /\s/.test(text[end - 1] ?? '')) end--
    if (end - contentStart < 3) continue
    turns.push({
      speaker: { start, end: start + name.length },
      cue: { start: start + name.length, end: start + name.length + 1 },
      content: { start: contentStart, end },
    })
    names.set(name, (names.get(name) ?? 0) + 1)
  }
  // One "UPDATE: …" line is a heading; a transcript has speakers who take several turns. A
  // headline may still be "Name: what they said" (the first line of the text).
  const speakers = [...names].filter(([, n]) => n >= 2).map(([name]) => name)
  const isTranscript = speakers.length >= 2
  for (const turn of turns) {
    const name = text.slice(turn.speaker.start, turn.speaker.end)
    const headline = turn.speaker.start === 0 && !/^(?:UPDATE|BREAKING|WATCH|VIDEO|PHOTOS|EXCLUSIVE|LIVE|ANALYSIS|OPINION|The Latest|FACT CHECK|Editorial|Review)$/i.test(name)
    if (!(isTranscript && speakers.includes(name)) && !headline) continue
    if (!isTranscript && text[turn.content.end - 1] === '.') turn.content = { start: turn.content.start, end: turn.content.end - 1 }
    drafts.push({
      ...turn,
      kind: 'direct',
      rule: 'transcript-turn',
      cueEntry: null,
      stance: null,
      targetSpan: null,
      negated: false,
      passive: false,
    })
    blocked.push({ start: turn.speaker.start, end: turn.content.end })
  }
}

// ---------------------------------------------------------------------------------------------
// 2. Direct quotations

interface Attribution {
  readonly speaker: Span
  readonly cue: Span
  readonly cueEntry: CueEntry | null
  readonly kind: ClaimKind
  readonly rule: string
  readonly targetSpan: Span | null
  readonly negated: boolean
  /** Where the attribution clause ends (for chaining a continued quote). */
  readonly end: number
  /** The content starts before the quotation ("that “…”"). */
  readonly contentStart?: number | null
}

/** A speaker after an inverted cue, with its appositive up to the end of the clause. */
function speakerAfterWithAppositive(words: readonly Word[], first: number): number {
  const last = speakerAfter(words, first)
  if (last < 0 || words[last + 1]?.lower !== ',') return last
  // ", speaking of …" is a new attribution, not an appositive.
  const next = words[last + 2]
  if (next === undefined || (!next.upper && next.lower.endsWith('ing'))) return last
  let k = last + 2
  while (k < words.length && !['.', '!', '?', ';', '“', '"', '—'].includes(words[k]?.lower ?? '') && k - last < 20) k++
  while (k - 1 > last + 1 && FINAL_MARKS.has(words[k - 1]?.lower ?? '')) k--
  return k - 1 > last + 1 ? k - 1 : last
}

/** '”, the minister said' / '” she added' / '”, said Mr. Varga' / '”, according to X'. */
function attributionAfter(input: ExtractInput, q: Quote, limit: number): Attribution | null {
  const { text, lexicon } = input
  const words = scanWords(text, q.end, Math.min(limit, q.end + 200, paragraphEnd(text, q.end)))
  let k0 = 0
  while (k0 < words.length && [',', '—', '–', '-', '―'].includes(words[k0]?.lower ?? '')) k0++
  const w0 = words[k0]
  if (w0 === undefined || !w0.isWord) return null
  // “…” ― Jan Roe: a signature after a dash (letters, collected reactions).
  const dash = words[k0 - 1]
  if (dash !== undefined && ['―', '—', '–'].includes(dash.lower) && w0.upper) {
    let last = k0
    while ((words[last + 1]?.upper ?? false) && last - k0 < 4) last++
    const after = words[last + 1]
    if (after === undefined || ['.', ',', '/', '('].includes(after.lower)) {
      return {
        speaker: spanOf(words, k0, last),
        cue: { start: dash.start, end: dash.end },
        cueEntry: null,
        kind: 'direct',
        rule: 'direct-dash-signature',
        targetSpan: null,
        negated: false,
        end: words[last]?.end ?? q.end,
      }
    }
  }
  // ”, according to the ministry.
  if (w0.lower === 'according' && words[k0 + 1]?.lower === 'to') {
    const last = speakerAfterWithAppositive(words, k0 + 2)
    if (last < 0) return null
    return {
      speaker: spanOf(words, k0 + 2, last),
      cue: spanOf(words, k0, k0 + 1),
      cueEntry: null,
      kind: 'according_to',
      rule: 'direct-according-to-after',
      targetSpan: null,
      negated: false,
      end: words[last]?.end ?? q.end,
    }
  }
  // “… him.” She says …: a quotation closed by a full stop ends its sentence; a capitalised word
  // after it (without a comma) starts the next sentence, not an attribution.
  if (k0 === 0 && w0.upper && /[.]\s*\S?$/.test(text.slice(q.innerStart, q.innerEnd).slice(-3))) return null
  // ”, said the minister.
  const first = lexicon.cues.get(w0.lower)
  if (first !== undefined && !w0.upper && lexicon.inverted.has(w0.lower)) {
    const cueEnd = cueLast(words, k0, lexicon)
    const last = speakerAfterWithAppositive(words, cueEnd + 1)
    if (last < 0) return null
    return {
      speaker: spanOf(words, cueEnd + 1, last),
      cue: spanOf(words, k0, cueEnd),
      cueEntry: first,
      kind: 'direct',
      rule: 'direct-cue-speaker-after',
      targetSpan: null,
      negated: false,
      end: words[last]?.end ?? q.end,
    }
  }
  // ”, the minister said. / ” he added. / ”, Jan Roe, a guard, said.
  for (let k = k0 + 1; k < words.length && k - k0 <= 25; k++) {
    const w = words[k] as Word
    if (!w.isWord && !['-', ',', '(', ')', '&'].includes(w.lower)) return null
    const entry = lexicon.cues.get(w.lower)
    if (entry === undefined || w.upper) continue
    const left = leftOfCue(words, k, k0)
    if (left.last < k0) return null
    const [speakerFirst, speakerLast] = speakerLeftSpan(words, left.last, lexicon)
    if (speakerFirst !== k0) return null
    const cueEnd = cueLast(words, k, lexicon)
    return {
      speaker: spanOf(words, k0, speakerLast),
      cue: spanOf(words, left.cueFirst, cueEnd),
      cueEntry: entry,
      kind: 'direct',
      rule: 'direct-speaker-cue-after',
      targetSpan: null,
      negated: left.negated,
      end: words[cueEnd]?.end ?? q.end,
    }
  }
  return null
}

/** 'The minister said: “' / 'She told reporters, “' / 'According to X, “' / 'X asked Y: “'. */
function attributionBefore(input: ExtractInput, q: Quote, from: number): Attribution | null {
  const { text, lexicon } = input
  const words = scanWords(text, from, q.start)
  let end = words.length - 1
  while (end >= 0 && [':', ',', '—', '–', '-'].includes(words[end]?.lower ?? '')) end--
  if (end < 0) return null
  for (let k = end; k >= 0 && end - k <= 7; k--) {
    const w = words[k] as Word
    if (!w.isWord) {
      if ([',', '-'].includes(w.lower)) continue
      return null
    }
    // According to X, “…”
    if (w.lower === 'according' && words[k + 1]?.lower === 'to') {
      const last = speakerAfter(words, k + 2)
      if (last !== end) return null
      return {
        speaker: spanOf(words, k + 2, last),
        cue: spanOf(words, k, k + 1),
        cueEntry: null,
        kind: 'according_to',
        rule: 'direct-according-to-before',
        targetSpan: null,
        negated: false,
        end: q.end,
      }
    }
    const entry = lexicon.cues.get(w.lower)
    if (entry === undefined || w.upper) continue
    let cueEnd = cueLast(words, k, lexicon)
    let thatStart: number | null = null
    // What stands between the cue and the quote: nothing, "that", an addressee, an adjunct.
    let targetSpan: Span | null = null
    const next = words[cueEnd + 1]
    if (next !== undefined && cueEnd < end) {
      if (next.lower === 'that' && (cueEnd + 1 === end || (cueEnd + 2 === end && words[end]?.lower === ','))) {
        // said that “…”: "that" opens the content (PolNeAR convention).
        thatStart = next.start
      } else if (ADJUNCT_STARTS.has(next.lower)) {
        // said on Monday: “…”
      } else if (entry.frame === 'tell' || entry.frame === 'ask') {
        const last = speakerAfter(words, cueEnd + 1)
        if (last < 0) return null
        targetSpan = spanOf(words, cueEnd + 1, last)
        if (last < end && !ADJUNCT_STARTS.has(words[last + 1]?.lower ?? '')) return null
      } else {
        return null
      }
    } else if (next?.lower === ':' && next.start === words[cueEnd]?.end) {
      cueEnd++
    }
    const left = leftOfCue(words, k)
    if (left.last < 0) return null
    const [speakerFirst, speakerLast] = speakerLeftSpan(words, left.last, lexicon)
    if (speakerFirst < 0) return null
    return {
      speaker: spanOf(words, speakerFirst, speakerLast),
      cue: spanOf(words, left.cueFirst, cueEnd),
      cueEntry: entry,
      kind: 'direct',
      rule: 'direct-speaker-cue-before',
      targetSpan,
      negated: left.negated,
      end: q.end,
      contentStart: thatStart,
    }
  }
  return null
}

function sentenceIndexAt(sentences: readonly Sentence[], offset: number): number {
  let lo = 0
  let hi = sentences.length - 1
  let found = -1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const s = sentences[mid] as Sentence
    if (s.start <= offset) {
      found = mid
      lo = mid + 1
    } else hi = mid - 1
  }
  return found
}

function directQuotes(input: ExtractInput, drafts: Draft[], blocked: Span[]): void {
  const { text, quotes, sentences } = input
  let prevEnd = 0
  for (let qi = 0; qi < quotes.length; qi++) {
    const q = quotes[qi] as Quote
    if (overlapsAny(blocked, q)) continue
    const next = quotes[qi + 1]
    const limit = next?.start ?? text.length
    let attribution = attributionAfter(input, q, limit)
    if (attribution === null) {
      const si = sentenceIndexAt(sentences, q.start)
      const sentenceStart = si >= 0 ? (sentences[si] as Sentence).start : 0
      // A quote that opens its sentence may still follow a cue in the sentence before ("He said:").
      const from = Math.max(prevEnd, paragraphStart(text, q.start), sentenceStart < q.start ? sentenceStart : 0)
      attribution = attributionBefore(input, q, Math.max(from, q.start - 300))
      // "The minister continued:" closing the paragraph before a quoted one.
      const paragraph = paragraphStart(text, q.start)
      if (attribution === null && paragraph === q.start && paragraph > 0) {
        let k = paragraph - 1
        while (k > 0 && /\s/.test(text[k] ?? '')) k--
        if (text[k] === ':') attribution = attributionBefore(input, q, Math.max(paragraphStart(text, k), q.start - 300, prevEnd))
      }
    }
    if (attribution === null || overlapsAny(blocked, attribution.speaker)) {
      prevEnd = q.end
      continue
    }
    // Interrupted or continued quotation: “A,” she said, “B.” / “A,” she said. “B.”
    let contentEnd = q.end
    let gapFrom = Math.max(attribution.end, q.end)
    while (qi + 1 < quotes.length) {
      const q2 = quotes[qi + 1] as Quote
      const gap = text.slice(gapFrom, q2.start)
      if (!/^[\s,.;:—–-]*$/.test(gap) || gap.includes('\n')) break
      const q3 = quotes[qi + 2]
      if (attributionAfter(input, q2, q3?.start ?? text.length) !== null) break
      contentEnd = q2.end
      gapFrom = q2.end
      qi++
    }
    const content = { start: attribution.contentStart ?? q.start, end: contentEnd }
    drafts.push({
      speaker: attribution.speaker,
      cue: attribution.cue,
      content,
      kind: attribution.kind,
      rule: attribution.rule,
      cueEntry: attribution.cueEntry,
      stance: null,
      targetSpan: attribution.targetSpan,
      negated: attribution.negated,
      passive: false,
    })
    blocked.push(content, attribution.speaker, attribution.cue)
    prevEnd = Math.max(contentEnd, attribution.end)
  }
}

// ---------------------------------------------------------------------------------------------
// 3a. Unattributed allegations

function allegations(input: ExtractInput, sentence: Sentence, drafts: Draft[], blocked: Span[]): void {
  const { text, lexicon } = input
  const region = text.slice(sentence.start, sentence.end)
  const lower = region.toLowerCase()
  for (const { pattern, stance, hint } of lexicon.allegations) {
    if (!lower.includes(hint)) continue
    pattern.lastIndex = 0
    const match = pattern.exec(region)
    if (match === null) continue
    const cue = { start: sentence.start + match.index, end: sentence.start + match.index + match[0].length }
    if (overlapsAny(blocked, cue)) continue
    const words = scanWords(text, cue.end, sentence.end)
    const [first, last] = trimContent(words, 0, words.length - 1)
    if (last - first < 1) continue
    const content = spanOf(words, first, last)
    drafts.push({
      speaker: null,
      cue,
      content,
      kind: 'indirect',
      rule: 'unattributed-allegation',
      cueEntry: null,
      stance,
      targetSpan: null,
      negated: false,
      passive: false,
    })
    blocked.push(cue, content)
    return
  }
}

// ---------------------------------------------------------------------------------------------
// 3b, 3c. Indirect speech

interface SentenceScope {
  readonly input: ExtractInput
  readonly words: readonly Word[]
  readonly blocked: Span[]
  readonly drafts: Draft[]
  /** A headline in title case ("Obama Says Museum Will Open"): capitals do not mark names. */
  readonly titleCase: boolean
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
  return !overlapsAny(scope.blocked, w) && !scope.input.quotes.some((q) => q.start < w.start && w.end < q.end)
}

/** Index of the last word a content starting at `from` may use (it stops before used text). */
function contentLimit(scope: SentenceScope, from: number, clauses = true): number {
  const { words, blocked } = scope
  for (let t = from; t < words.length; t++) {
    const w = words[t] as Word
    if (overlapsAny(blocked, w)) return t - 1
    if (clauses && t > from && w.lower === ';' && !insideQuote(scope.input.quotes, w)) return t - 1
    // "…, adding that …" / "… and said …" starts an attribution of its own.
    if (clauses && t > from && contentStopsAt(words, t, scope.input.lexicon) && !insideQuote(scope.input.quotes, w)) return t - 1
  }
  return words.length - 1
}

const NOT_PARTICIPLES = new Set(['including', 'according', 'during', 'following', 'regarding', 'concerning', 'nothing', 'something', 'anything', 'everything'])
/** Passive forms of these are not reports ("104 people were admitted", "was told to leave"). */
const NOT_PASSIVE_CUES = new Set(['admitted', 'told', 'asked', 'called', 'expected', 'confirmed', 'estimated'])
const RELATIVES = new Set(['who', 'which'])
const NOUN_FOLLOWERS = new Set(['could', 'would', 'will', 'have', 'has', 'are', 'were', 'is', 'was', 'can', 'may', 'might', 'should', 'of'])
const INFINITIVE_CUE_HOSTS = new Set(['refused', 'declined', 'failed', 'went', 'continued', 'continues', 'wants', 'want', 'wanted', 'tried', 'seemed', 'seems', 'appeared', 'appears', 'began', 'decided', 'plans', 'planned', 'expected', 'likely', 'unlikely'])
const CLAUSE_CONJUNCTIONS = new Set(['though', 'although', 'but', 'while', 'and', 'as', 'whereas'])

/**
 * Whether a content must end before words[t]: ", saying …", "and said …", ", focusing on …"
 * (a participle clause), ", though she acknowledged …" (a clause with a cue of its own).
 */
function contentStopsAt(words: readonly Word[], t: number, lexicon: ClaimsLexicon): boolean {
  if (continuesWithCue(words, t, lexicon)) return true
  const w = words[t] as Word
  if (w.lower !== ',') return false
  const next = words[t + 1]
  if (next === undefined) return false
  if (!next.upper && next.isWord && next.lower.length > 4 && next.lower.endsWith('ing') && !NOT_PARTICIPLES.has(next.lower)) return true
  let k = t + 1
  if (CLAUSE_CONJUNCTIONS.has(next.lower)) k++
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
  if (w.lower === 'and') return !next.lower.endsWith('ing') && lexicon.cues.get(next.lower)?.origin === 'data'
  return false
}

function insideQuote(quotes: readonly Quote[], w: Word): boolean {
  return quotes.some((q) => q.start < w.start && w.end < q.end)
}

function push(scope: SentenceScope, d: Draft): void {
  scope.drafts.push(d)
  if (d.speaker) scope.blocked.push(d.speaker)
  if (d.cue) scope.blocked.push(d.cue)
  scope.blocked.push(d.content)
}

/** Whether words[from..to] is empty or a short adjunct ("on Monday", "in a statement"). */
function isShortTail(words: readonly Word[], from: number, to: number): boolean {
  const rest = words.slice(from, to + 1).filter((w) => w.isWord)
  return rest.length === 0 || (rest.length <= 6 && ADJUNCT_STARTS.has(rest[0]?.lower ?? ''))
}

function indirectSpeech(input: ExtractInput, sentence: Sentence, drafts: Draft[], blocked: Span[]): void {
  const words = scanWords(input.text, sentence.start, sentence.end)
  if (words.length < 3) return
  const scope: SentenceScope = { input, words, blocked, drafts, titleCase: isTitleCase(words) }
  if (trailingAttribution(scope)) return
  leftToRight(scope)
}

/** "CONTENT, the minister said (on Monday)." / "CONTENT, said Jan Roe, a guard." */
function trailingAttribution(scope: SentenceScope): boolean {
  const { words, input } = scope
  const { lexicon } = input
  let end = words.length - 1
  while (end >= 0 && ['.', '!', '?'].includes(words[end]?.lower ?? '')) end--
  for (let k = end; k >= 2 && end - k <= 30; k--) {
    const w = words[k] as Word
    if (!w.isWord || (w.upper && !scope.titleCase) || !isFree(scope, w)) continue
    let speaker: Span | null = null
    let cue: Span | null = null
    let contentLast = -1
    let entry: CueEntry | undefined
    let kind: ClaimKind = 'indirect'
    let rule = ''
    if (w.lower === 'according' && words[k + 1]?.lower === 'to' && TAIL_MARKS.has(words[k - 1]?.lower ?? '')) {
      const last = speakerAfterWithAppositive(words, k + 2)
      if (last < 0 || !isShortTail(words, last + 1, end)) continue
      speaker = spanOf(words, k + 2, last)
      cue = spanOf(words, k, k + 1)
      contentLast = k - 1
      kind = 'according_to'
      rule = 'according-to-after'
    } else {
      entry = lexicon.cues.get(w.lower)
      if (entry === undefined) continue
      const cueEnd = cueLast(words, k, lexicon)
      const after =
        TAIL_MARKS.has(words[k - 1]?.lower ?? '') && lexicon.inverted.has(w.lower)
          ? speakerAfterWithAppositive(words, cueEnd + 1)
          : -1
      if (after >= 0 && isShortTail(words, after + 1, end)) {
        // CONTENT, said X.
        speaker = spanOf(words, cueEnd + 1, after)
        cue = spanOf(words, k, cueEnd)
        contentLast = k - 1
        rule = 'indirect-content-cue-speaker'
      } else {
        // CONTENT, X said. / CONTENT, officials said, in the deadliest attack in years.
        if (!isShortTail(words, cueEnd + 1, end) && words[cueEnd + 1]?.lower !== ',') continue
        const left = leftOfCue(words, k)
        if (left.last < 1 || left.passive) continue
        const [first, sLast] = speakerLeftSpan(words, left.last, lexicon)
        if (first < 2 || !TAIL_MARKS.has(words[first - 1]?.lower ?? '')) continue
        speaker = spanOf(words, first, sLast)
        cue = spanOf(words, left.cueFirst, cueEnd)
        contentLast = first - 1
        rule = 'indirect-content-speaker-cue'
      }
    }
    const limit = contentLimit(scope, 0, false)
    if (limit < contentLast) {
      // Used text inside: the content starts after it.
      continue
    }
    const [first, last] = trimContent(words, 0, contentLast)
    if (last - first < 1 || overlapsAny(scope.blocked, spanOf(words, first, last))) continue
    const content = spanOf(words, first, last)
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
    if (!w.isWord || !isFree(scope, w)) continue

    // according to X, CONTENT  /  CONTENT according to X
    if (w.lower === 'according' && words[i + 1]?.lower === 'to') {
      const last = speakerAfter(words, i + 2)
      if (last < 0) continue
      let first = 0
      let end = -1
      if (words[last + 1]?.lower === ',' && (i === 0 || CLAUSE_OPENERS.has(words[i - 1]?.lower ?? ''))) {
        ;[first, end] = trimContent(words, last + 2, contentLimit(scope, last + 2))
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

    const entry = lexicon.cues.get(w.lower) ?? learnedCue(words, i, input.cueModel)
    if (entry === undefined) continue
    // "United States", "Fox News Reports": a capitalised word inside a sentence is a name.
    if (w.upper && i > 0 && !scope.titleCase) continue
    const before = words[i - 1]
    // "the claims", "his statement": a noun, not a cue.
    if (before !== undefined && DETERMINERS.has(before.lower)) continue
    // "battleground states could …", "health worries have …": a plural noun before a verb.
    if (w.lower.endsWith('s') && NOUN_FOLLOWERS.has(words[i + 1]?.lower ?? '')) continue
    // "at a rally to ask why …": an infinitive is a purpose, not a report ("refused to say" is).
    if (before?.lower === 'to' && !INFINITIVE_CUE_HOSTS.has(words[i - 2]?.lower ?? '')) continue
    if (words[i + 1]?.lower === 'off') continue

    const left = leftOfCue(words, i)
    let [speakerFirst, speakerLast] = left.last >= 0 ? speakerLeftSpan(words, left.last, lexicon) : [-1, -1]
    // "The Front, which seeks …, claimed": when the appositive holds another attribution, the
    // speaker is the head before it.
    if (speakerFirst >= 0 && overlapsAny(scope.blocked, spanOf(words, speakerFirst, speakerLast))) {
      const comma = words.findIndex((x, k) => k > speakerFirst && k <= speakerLast && x.lower === ',')
      if (comma > speakerFirst && !overlapsAny(scope.blocked, spanOf(words, speakerFirst, comma - 1))) speakerLast = comma - 1
      else speakerFirst = -1
    }
    const speakerOk = speakerFirst >= 0 && opensClause(words, speakerFirst)
    let cueEnd = cueLast(words, i, lexicon)

    if (speakerOk && left.passive && (entry.origin !== 'data' || NOT_PASSIVE_CUES.has(w.lower))) continue
    if (speakerOk && left.passive) {
      // "Xland was accused (by Y) of …": the subject is accused; the agent, if any, speaks.
      let t = cueEnd + 1
      const speaker: Span | null = null
      if (words[t]?.lower === 'by') {
        const last = speakerAfter(words, t + 1)
        if (last >= 0) {
          // "The issue was first reported by the Post": the Post speaks about the issue.
          push(scope, {
            speaker: spanOf(words, t + 1, last),
            cue: spanOf(words, left.cueFirst, t),
            content: spanOf(words, speakerFirst, speakerLast),
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
      const [first, end] = trimContent(words, t, contentLimit(scope, t))
      if (end - first < 1) continue
      push(scope, {
        speaker,
        cue: spanOf(words, left.cueFirst, cueEnd),
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
      let t = cueEnd + 1
      let targetSpan: Span | null = null
      if (entry.frame === 'tell') {
        const thatAt = findWithin(words, t, 12, 'that', ...WH_WORDS)
        if (thatAt >= 0) t = thatAt
        else if (words[t]?.isWord && !ADJUNCT_STARTS.has(words[t]?.lower ?? '')) {
          const last = speakerAfter(words, t)
          if (last >= 0 && words[last + 1] !== undefined && !(words[last + 1]?.isWord ?? true)) {
            targetSpan = spanOf(words, t, last)
            t = last + 1
          }
        }
      } else if (entry.frame === 'ask') {
        if (words[t]?.isWord && !WH_WORDS.has(words[t]?.lower ?? '')) {
          const last = speakerAfter(words, t)
          if (last >= 0) {
            targetSpan = spanOf(words, t, last)
            t = last + 1
          }
        }
      } else if (entry.frame === 'accuse') {
        // "accused Ukraine and the West of …": PolNeAR's cue runs to "of"; the accused are the
        // targets and the content is what they are accused of.
        const ofAt = findWithin(words, t, 10, 'of', 'for', 'over')
        if (ofAt > t) {
          targetSpan = spanOf(words, t, ofAt - 1)
          cueEnd = ofAt
          t = ofAt + 1
        }
      } else {
        // "said on Friday that …", "said at a rally in Toledo, Ohio, that …": the content is the
        // that-clause, the adjunct belongs to no span.
        const head = words[t]
        if (head !== undefined && (ADJUNCT_STARTS.has(head.lower) || TIME_WORDS.has(head.lower))) {
          const thatAt = findWithin(words, t, 16, 'that')
          if (thatAt > t) t = thatAt
        }
      }
      let limit = contentLimit(scope, t)
      // "The Front, which seeks independence …, claimed the attack": a relative clause ends at
      // its comma.
      if (RELATIVES.has(words[speakerFirst]?.lower ?? '') && speakerFirst === speakerLast) {
        const comma = words.findIndex((x, k) => k > t && k <= limit && x.lower === ',')
        if (comma > 0) limit = comma - 1
      }
      const [first, end] = trimContent(words, t, limit)
      const rest = words.slice(first, end + 1).filter((x) => x.isWord)
      // Learned cues take one-word objects too ("attacked Machado"); speech cues need a clause.
      if (rest.length < 1 || (rest.length < 2 && entry.origin !== 'model' && targetSpan === null)) continue
      const content = spanOf(words, first, end)
      push(scope, {
        speaker: spanOf(words, speakerFirst, speakerLast),
        cue: spanOf(words, left.cueFirst, cueEnd),
        content,
        kind: quotedKind(quotes, content),
        rule: 'indirect-speaker-cue-content',
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
    if (i >= 2 && continuesWithCue(words, i - 1, lexicon)) {
      for (let d = scope.drafts.length - 1; d >= pushed; d--) {
        const sp = scope.drafts[d]?.speaker
        if (sp) {
          lastSpeaker = sp
          break
        }
      }
      let speaker: Span | null = lastSpeaker
      const subjectLast = speaker === null ? subjectEnd(words) : -1
      const subjectFirst = subjectLast >= 0 ? subjectStart(words, subjectLast) : -1
      if (subjectLast >= 0 && subjectLast < i - 1) {
        // The same speaker as the sentence's first attribution, if it had one ("X accused Y …
        // and said …"): the claim is still X's.
        speaker = spanOf(words, subjectFirst, subjectLast)
      }
      let t = cueEnd + 1
      if (entry.frame === 'tell' || entry.frame === 'ask') {
        const thatAt = findWithin(words, t, 7, 'that')
        if (thatAt >= 0) t = thatAt
      }
      const [first, end] = trimContent(words, t, contentLimit(scope, t))
      if (end - first < 1) continue
      const content = spanOf(words, first, end)
      push(scope, {
        speaker,
        cue: spanOf(words, i, cueEnd),
        content,
        kind: quotedKind(quotes, content),
        rule: 'indirect-continued',
        cueEntry: entry,
        stance: null,
        targetSpan: null,
        negated: false,
        passive: false,
      })
      i = end
    }
  }
}

/** Last word of the sentence's subject: "The ministry", "Jan Roe", "Jan Roe of the union". */
function subjectEnd(words: readonly Word[]): number {
  let head = words[0]
  if (head === undefined) return -1
  let from = 0
  // "On Thursday, Trump …": the subject follows an opening adjunct.
  if (NP_STOPS_OPENING.has(head.lower)) {
    const comma = words.findIndex((w, k) => k < 12 && w.lower === ',')
    if (comma < 0) return -1
    from = comma + 1
    head = words[from]
    if (head === undefined) return -1
  }
  const end = subjectEndFrom(words, from)
  return end
}

const NP_STOPS_OPENING = new Set([
  'on', 'in', 'at', 'after', 'before', 'during', 'though', 'although', 'while', 'when', 'as', 'but',
  'and', 'since', 'because', 'if', 'for', 'with', 'by', 'from', 'earlier', 'later', 'yesterday', 'today',
  'meanwhile', 'however', 'still', 'also', 'then', 'last', 'this',
])

/** The subject's last word when the subject starts at words[from] (-1 if it does not look like one). */
function subjectEndFrom(words: readonly Word[], from: number): number {
  const head = words[from]
  if (head === undefined) return -1
  if (DETERMINERS.has(head.lower) || PRONOUNS.has(head.lower)) return PRONOUNS.has(head.lower) ? from : speakerAfter(words, from)
  if (!head.upper) return -1
  let k = from
  while (k + 1 < words.length) {
    const w = words[k + 1] as Word
    if (w.upper || (NP_INNER.has(w.lower) && (words[k + 2]?.upper ?? false))) k++
    else break
  }
  return k
}

/** First word of the subject that ends at `last` (after an opening adjunct, if any). */
function subjectStart(words: readonly Word[], last: number): number {
  let k = last
  while (k > 0 && words[k - 1]?.lower !== ',') k--
  return k
}

const PERCEPTRON_CUE: CueEntry = { stance: 'assert', frame: 'say', origin: 'model' }

/** A word outside the lexicon that the cue perceptron takes for a cue head. */
function learnedCue(words: readonly Word[], i: number, model: CueModel | null | undefined): CueEntry | undefined {
  const w = words[i] as Word
  if (model == null || w.upper || w.lower.length < 3 || !mayBeCue(model, w.lower)) return undefined
  return scoreCue(model, cueFeatures(words, i)) > model.threshold ? PERCEPTRON_CUE : undefined
}

function findWithin(words: readonly Word[], from: number, span: number, ...targets: string[]): number {
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
