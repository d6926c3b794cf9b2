/**
 * @module
 * The claim rules. Drafts are found in three passes, in this order, each blocking the text it
 * uses so that later passes do not read it twice:
 *   1. direct quotations with their speaker and cue after, before or around them (quotes may run
 *      over several sentences, be interrupted by the cue, or be continued after it);
 *   2. unattributed allegations ("It is alleged that …", "There have been claims that …");
 *   3. indirect speech per sentence ("X said (that) …", "…, X said", "according to X, …",
 *      "X accused Y of …", "a reporter asked the minister whether …", "Y was accused of …").
 */
import type { ClaimKind, Stance } from '../../model/analysis.js'
import type { Span } from '../../model/document.js'
import type { Sentence } from '../../model/analysis.js'
import type { ClaimsLexicon, CueEntry } from './lexicon.js'
import type { Quote } from './quotes.js'
import { speakerAfter, speakerBefore } from './speaker.js'
import { BETWEEN_SPEAKER_AND_CUE, DETERMINERS, NEGATIONS, scanWords, type Word } from './words.js'

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

const WH_WORDS = new Set(['whether', 'if', 'why', 'what', 'how', 'who', 'when', 'where', 'which'])
const ADJUNCT_STARTS = new Set([
  'in', 'on', 'at', 'during', 'to', 'after', 'before', 'late', 'earlier', 'last', 'this', 'via',
  'from', 'through', 'while', 'when', 'yesterday', 'today', 'tonight', 'monday', 'tuesday',
  'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'recently', 'afterwards', 'later',
])
const PASSIVE_AUX = new Set(['is', 'was', 'were', 'are', 'been', 'be', 'being'])
const CLAUSE_OPENERS = new Set([
  ',', ';', ':', '—', '–', '(', '“', '"', '”', '‘', 'and', 'but', 'while', 'as', 'that', 'because',
  'when', 'after', 'so', 'though', 'although', 'whereas', 'yet',
])

const isNegation = (w: Word): boolean => NEGATIONS.has(w.lower) || w.lower.endsWith("n't")
const isBetween = (w: Word): boolean =>
  BETWEEN_SPEAKER_AND_CUE.has(w.lower) ||
  w.lower.endsWith("n't") ||
  (!w.upper && w.isWord && w.lower.length > 4 && w.lower.endsWith('ly'))

export interface ExtractInput {
  readonly text: string
  readonly sentences: readonly Sentence[]
  readonly quotes: readonly Quote[]
  readonly lexicon: ClaimsLexicon
}

/** Run the three passes; drafts come back in no particular order. */
export function extractDrafts(input: ExtractInput): Draft[] {
  const blocked: Span[] = []
  const drafts: Draft[] = []
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
// 1. Direct quotations

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
}

const spanOf = (words: readonly Word[], first: number, last: number): Span => ({
  start: words[first]?.start ?? 0,
  end: words[last]?.end ?? 0,
})

function paragraphEnd(text: string, from: number): number {
  const at = text.indexOf('\n', from)
  return at < 0 ? text.length : at
}

function paragraphStart(text: string, from: number): number {
  return text.lastIndexOf('\n', from - 1) + 1
}

/** '”, the minister said' / '” she added' / '”, said Mr. Varga' / '”, according to X'. */
function attributionAfter(input: ExtractInput, q: Quote, limit: number): Attribution | null {
  const { text, lexicon } = input
  const words = scanWords(text, q.end, Math.min(limit, q.end + 160, paragraphEnd(text, q.end)))
  let k0 = 0
  while (k0 < words.length && [',', '—', '–', '-'].includes(words[k0]?.lower ?? '')) k0++
  const w0 = words[k0]
  if (w0 === undefined || !w0.isWord) return null
  // ”, according to the ministry.
  if (w0.lower === 'according' && words[k0 + 1]?.lower === 'to') {
    const last = speakerAfter(words, k0 + 2)
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
  // ”, said the minister.
  const first = lexicon.cues.get(w0.lower)
  if (first !== undefined) {
    const last = speakerAfter(words, k0 + 1)
    if (last < 0) return null
    return {
      speaker: spanOf(words, k0 + 1, last),
      cue: spanOf(words, k0, k0),
      cueEntry: first,
      kind: 'direct',
      rule: 'direct-cue-speaker-after',
      targetSpan: null,
      negated: false,
      end: words[last]?.end ?? q.end,
    }
  }
  // ”, the minister said. / ” he added.
  for (let k = k0 + 1; k < words.length && k - k0 <= 10; k++) {
    const w = words[k]
    if (w === undefined) break
    if (!w.isWord && !['-', "'s", '&'].includes(w.lower)) return null
    const entry = lexicon.cues.get(w.lower)
    if (entry === undefined) continue
    let j = k - 1
    let negated = false
    while (j > k0 && isBetween(words[j] as Word)) {
      if (isNegation(words[j] as Word)) negated = true
      j--
    }
    const speakerFirst = speakerBefore(words, j, lexicon.cues)
    if (speakerFirst !== k0) return null
    return {
      speaker: spanOf(words, k0, j),
      cue: spanOf(words, k, k),
      cueEntry: entry,
      kind: 'direct',
      rule: 'direct-speaker-cue-after',
      targetSpan: null,
      negated,
      end: w.end,
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
      if ([',', "'s", '-'].includes(w.lower)) continue
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
    if (entry === undefined) continue
    // What stands between the cue and the quote: nothing, "that", an addressee, an adjunct.
    let targetSpan: Span | null = null
    if (k < end) {
      const next = words[k + 1] as Word
      if (next.lower === 'that' && k + 1 === end) {
        // said that “…”
      } else if (ADJUNCT_STARTS.has(next.lower)) {
        // said in a statement: “…”
      } else if (entry.frame === 'tell' || entry.frame === 'ask') {
        const last = speakerAfter(words, k + 1)
        if (last < 0) return null
        targetSpan = spanOf(words, k + 1, last)
        if (last < end && !ADJUNCT_STARTS.has(words[last + 1]?.lower ?? '')) return null
      } else {
        return null
      }
    }
    let j = k - 1
    let negated = false
    while (j >= 0 && isBetween(words[j] as Word)) {
      if (isNegation(words[j] as Word)) negated = true
      j--
    }
    const speakerFirst = speakerBefore(words, j, lexicon.cues)
    if (speakerFirst < 0) return null
    return {
      speaker: spanOf(words, speakerFirst, j),
      cue: spanOf(words, k, k),
      cueEntry: entry,
      kind: 'direct',
      rule: 'direct-speaker-cue-before',
      targetSpan,
      negated,
      end: q.end,
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
    const next = quotes[qi + 1]
    const limit = next?.start ?? text.length
    let attribution = attributionAfter(input, q, limit)
    if (attribution === null) {
      const si = sentenceIndexAt(sentences, q.start)
      const sentenceStart = si >= 0 ? (sentences[si] as Sentence).start : 0
      // A quote that opens its sentence may still follow a cue in the sentence before ("He said:").
      const from = Math.max(prevEnd, paragraphStart(text, q.start), sentenceStart < q.start ? sentenceStart : 0)
      attribution = attributionBefore(input, q, Math.max(from, q.start - 300))
    }
    if (attribution === null) {
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
    const content = { start: q.start, end: contentEnd }
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
// 2. Unattributed allegations

const overlapsAny = (spans: readonly Span[], s: Span): boolean =>
  spans.some((b) => b.start < s.end && s.start < b.end)

function trimContent(words: readonly Word[], first: number, last: number): [number, number] {
  while (first <= last && [',', ':', ';', '—', '–'].includes(words[first]?.lower ?? '')) first++
  if (words[first]?.lower === 'that') first++
  while (last >= first && ['.', '!', ',', ';', ':', '—', '–'].includes(words[last]?.lower ?? '')) last--
  return [first, last]
}

function allegations(input: ExtractInput, sentence: Sentence, drafts: Draft[], blocked: Span[]): void {
  const { text, lexicon } = input
  const region = text.slice(sentence.start, sentence.end)
  for (const { pattern, stance } of lexicon.allegations) {
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
// 3. Indirect speech

function indirectSpeech(input: ExtractInput, sentence: Sentence, drafts: Draft[], blocked: Span[]): void {
  const { text, lexicon, quotes } = input
  const words = scanWords(text, sentence.start, sentence.end)
  if (words.length < 3) return
  const isBlocked = (w: Word): boolean => overlapsAny(blocked, w)
  const inQuote = (w: Word): boolean => quotes.some((q) => q.start < w.start && w.end < q.end)
  // The content may not run into text an earlier rule used.
  const stopAt = (from: number): number => {
    let last = words.length - 1
    for (let t = from; t < words.length; t++) {
      if (isBlocked(words[t] as Word)) {
        last = t - 1
        break
      }
    }
    return last
  }
  const push = (d: Draft): void => {
    drafts.push(d)
    if (d.speaker) blocked.push(d.speaker)
    if (d.cue) blocked.push(d.cue)
    blocked.push(d.content)
  }

  for (let i = 0; i < words.length; i++) {
    const w = words[i] as Word
    if (!w.isWord || isBlocked(w) || inQuote(w)) continue

    // according to X, CONTENT  /  CONTENT, according to X.
    if (w.lower === 'according' && words[i + 1]?.lower === 'to') {
      const last = speakerAfter(words, i + 2)
      if (last < 0) continue
      const speaker = spanOf(words, i + 2, last)
      const cue = spanOf(words, i, i + 1)
      let [first, end] = [0, -1]
      if (i === 0 || CLAUSE_OPENERS.has(words[i - 1]?.lower ?? '')) {
        if (words[last + 1]?.lower === ',' && (i === 0 || words[i - 1]?.lower !== ',')) {
          ;[first, end] = trimContent(words, last + 2, stopAt(last + 2))
        } else {
          ;[first, end] = trimContent(words, 0, i - 1)
        }
      } else {
        ;[first, end] = trimContent(words, 0, i - 1)
      }
      if (end - first < 1 || overlapsAny(blocked, spanOf(words, first, end))) continue
      push({
        speaker,
        cue,
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

    const entry = lexicon.cues.get(w.lower)
    if (entry === undefined) continue
    const before = words[i - 1]
    // "the claims", "his statement": a noun, not a cue.
    if (before !== undefined && DETERMINERS.has(before.lower)) continue
    // "called for", "called on": a demand, still a claim; "called off" is not.
    if (words[i + 1]?.lower === 'off') continue

    let j = i - 1
    let negated = false
    let passive = false
    while (j >= 0 && isBetween(words[j] as Word)) {
      const b = words[j] as Word
      if (isNegation(b)) negated = true
      if (j === i - 1 && PASSIVE_AUX.has(b.lower) && w.lower.endsWith('ed')) passive = true
      j--
    }
    const speakerFirst = j >= 0 ? speakerBefore(words, j, lexicon.cues) : -1
    const opener = words[speakerFirst - 1]
    const speakerOk =
      speakerFirst >= 0 &&
      (speakerFirst === 0 ||
        opener === undefined ||
        CLAUSE_OPENERS.has(opener.lower) ||
        !opener.isWord ||
        DETERMINERS.has(words[speakerFirst]?.lower ?? '') ||
        isBetweenPronoun(words[speakerFirst]))

    if (speakerOk && passive) {
      // "Xland was accused (by Y) of …": the subject is accused; the agent, if any, speaks.
      let t = i + 1
      let speaker: Span | null = null
      if (words[t]?.lower === 'by') {
        const last = speakerAfter(words, t + 1)
        if (last >= 0) {
          speaker = spanOf(words, t + 1, last)
          t = last + 1
        }
      }
      // "accused of X", "blamed for X": the content is X.
      if (['of', 'for'].includes(words[t]?.lower ?? '')) t++
      const [first, end] = trimContent(words, t, stopAt(t))
      if (end - first < 1) continue
      push({
        speaker,
        cue: spanOf(words, j + 1, i),
        content: spanOf(words, first, end),
        kind: 'indirect',
        rule: speaker ? 'indirect-passive-agent' : 'indirect-passive',
        cueEntry: entry,
        stance: null,
        targetSpan: spanOf(words, speakerFirst, j),
        negated,
        passive: true,
      })
      i = end
      continue
    }

    if (speakerOk) {
      let t = i + 1
      let targetSpan: Span | null = null
      if (entry.frame === 'tell') {
        const thatAt = findWithin(words, t, 7, 'that')
        if (thatAt >= 0) t = thatAt + 1
        else if (words[t]?.isWord && !ADJUNCT_STARTS.has(words[t]?.lower ?? '')) {
          const last = speakerAfter(words, t)
          if (last >= 0 && words[last + 1] !== undefined && !words[last + 1]?.isWord) {
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
        const ofAt = findWithin(words, t, 10, 'of', 'for', 'over')
        if (ofAt > t) targetSpan = spanOf(words, t, ofAt - 1)
      }
      const contentLast = stopAt(t)
      let [first, end] = trimContent(words, t, contentLast)
      const rest = words.slice(first, end + 1).filter((x) => x.isWord)
      // Inverted order: "CONTENT, the minister said (on Monday)."
      const shortTail = rest.length === 0 || (rest.length <= 5 && ADJUNCT_STARTS.has(rest[0]?.lower ?? ''))
      if (shortTail && speakerFirst >= 2 && [',', '—', '–', '”', '"'].includes(opener?.lower ?? '')) {
        ;[first, end] = trimContent(words, 0, speakerFirst - 1)
        if (end - first < 1 || overlapsAny(blocked, spanOf(words, first, end))) continue
        push({
          speaker: spanOf(words, speakerFirst, j),
          cue: spanOf(words, i, i),
          content: spanOf(words, first, end),
          kind: quotedKind(quotes, spanOf(words, first, end)),
          rule: 'indirect-content-speaker-cue',
          cueEntry: entry,
          stance: null,
          targetSpan: null,
          negated,
          passive: false,
        })
        continue
      }
      if (rest.length < 2) continue
      const content = spanOf(words, first, end)
      push({
        speaker: spanOf(words, speakerFirst, j),
        cue: spanOf(words, i, i),
        content,
        kind: quotedKind(quotes, content),
        rule: 'indirect-speaker-cue-content',
        cueEntry: entry,
        stance: null,
        targetSpan,
        negated,
        passive: false,
      })
      i = end
      continue
    }

    // Inverted cue: "CONTENT, said the minister."
    if (before?.lower === ',' && i >= 3) {
      const last = speakerAfter(words, i + 1)
      if (last < 0) continue
      const [first, end] = trimContent(words, 0, i - 1)
      if (end - first < 1 || overlapsAny(blocked, spanOf(words, first, end))) continue
      push({
        speaker: spanOf(words, i + 1, last),
        cue: spanOf(words, i, i),
        content: spanOf(words, first, end),
        kind: quotedKind(quotes, spanOf(words, first, end)),
        rule: 'indirect-content-cue-speaker',
        cueEntry: entry,
        stance: null,
        targetSpan: null,
        negated: false,
        passive: false,
      })
      i = last
    }
  }
}

function isBetweenPronoun(w: Word | undefined): boolean {
  return w !== undefined && ['he', 'she', 'they', 'we', 'i', 'it'].includes(w.lower)
}

function findWithin(words: readonly Word[], from: number, span: number, ...targets: string[]): number {
  for (let t = from; t < words.length && t - from < span; t++) {
    const w = words[t] as Word
    if (targets.includes(w.lower)) return t
    if (!w.isWord && w.lower !== ',' && w.lower !== '-') return -1
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
