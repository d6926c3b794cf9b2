/**
 * @module
 * Rule 2: direct quotations with their speaker and cue after, before or around them; quotes
 * that run over several sentences, are interrupted by the cue, continued after it, or signed
 * after a dash. PolNeAR cuts a content into fragments where its own speaker and cue interrupt
 * it (a claim's content runs over them: they are its holes), at paragraph breaks, and where
 * other words stand between two quotations: those pieces become claims of their own with the
 * same speaker and cue.
 */
import type { ClaimKind, Sentence } from '../../../model/analysis.js'
import type { Span } from '../../../model/document.js'
import type { CueEntry } from '../lexicon.js'
import type { Quote } from '../quotes.js'
import type { Draft, ExtractInput } from '../extract.js'
import { speakerAfter } from '../speaker.js'
import { closedClass, PRONOUNS, scanWords, TIME_WORDS, type Word } from '../words.js'
import {
  accordingToSource,
  ADJUNCT_STARTS,
  cueLast,
  leftOfCue,
  opensClause,
  overlapsAny,
  paragraphEnd,
  paragraphStart,
  spanOf,
  speakerAfterWithAppositive,
  speakerLeftSpan,
} from '../phrases.js'

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
    const last = accordingToSource(words, k0 + 2, true)
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
  // After "?" or "!" only a capitalised pronoun tells so ("“Any proof?” He refused to answer."):
  // a name may follow either way ("“Why now?” Varga asked.").
  const closing = text.slice(q.innerStart, q.innerEnd).slice(-3)
  if (k0 === 0 && w0.upper && /[.]\s*\S?$/.test(closing)) return null
  if (k0 === 0 && w0.upper && /[?!]\s*\S?$/.test(closing) && PRONOUNS.has(w0.lower)) return null
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
    // "Rep. Jan Roe (R-Fla.) said": the party and state, full stop and all, belong to the name.
    if (w.lower === '(') {
      const close = words.findIndex((x, c) => c > k && c <= k + 8 && x.lower === ')')
      if (close > 0) k = close
      continue
    }
    if (!w.isWord && !['-', ',', ')', '&'].includes(w.lower)) return null
    const entry = lexicon.cues.get(w.lower)
    if (entry === undefined || w.upper) continue
    // "X attacked Y, saying, “…”": the subject speaks, which the indirect-speech pass reads.
    if (w.lower.endsWith('ing') && words[k - 1]?.lower === ',') return null
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

const RELATIVE_LEADS = closedClass('relative-leads')

/**
 * The start of a relative pronoun right before the speaker of a cue before a quotation ("which
 * Varga called “a farce”"), or null; not "which" after a preposition ("in which she said, “…”").
 * PolNeAR train, quoted contents: the relative is in 15 times, out 5 (and "which" after a
 * preposition 1 in, 5 out).
 */
function quoteRelative(words: readonly Word[], speakerFirst: number): number | null {
  const r = words[speakerFirst - 1]
  if (r === undefined || r.upper || !RELATIVE_LEADS.has(r.lower)) return null
  if (r.lower === 'which' && ADJUNCT_STARTS.has(words[speakerFirst - 2]?.lower ?? '')) return null
  return r.start
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
      const last = accordingToSource(words, k + 2)
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
    // "X attacked Y, saying, “…”": the subject speaks, which the indirect-speech pass reads.
    if (w.lower.endsWith('ing') && words[k - 1]?.lower === ',') return null
    let cueEnd = cueLast(words, k, lexicon)
    // "said in the letter that the ad “…” suggests …", "said on Friday that “…”": the content is
    // the that-clause, quotation and all, which the indirect-speech pass reads.
    if (words.some((x, t) => t > cueEnd + 1 && t <= end && x.lower === 'that')) return null
    // 'says of the plan, “…”': "of" and what the quotation is about belong to no span.
    if (words[cueEnd]?.lower === 'of' && cueEnd > k && cueEnd < end) cueEnd--
    let thatStart: number | null = null
    // What stands between the cue and the quote: nothing, "that", an addressee, an adjunct.
    let targetSpan: Span | null = null
    const next = words[cueEnd + 1]
    if (next !== undefined && cueEnd < end) {
      if (
        next.lower === 'that' &&
        (cueEnd + 1 === end || (cueEnd + 2 === end && words[end]?.lower === ','))
      ) {
        // said that “…”: "that" opens the content (PolNeAR convention).
        thatStart = next.start
      } else if (next.lower === 'as' && cueEnd + 1 === end) {
        // "is describing as “unhinged” …": "as" opens the content (PolNeAR train: 38 of 38
        // contents of "X as “…”" after a cue open right after the cue).
        thatStart = next.start
      } else if (
        // Not "called Friday's vote “a win”": a possessive weekday opens an object.
        (ADJUNCT_STARTS.has(next.lower) && words[cueEnd + 2]?.lower !== "'s") ||
        next.lower === 'of'
      ) {
        // said on Monday: “…” / says of the plan, “…”
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
    if (speakerFirst < 0 || !opensClause(words, speakerFirst)) return null
    // "what it calls “a coordinated attack”": a label, not an attribution (PolNeAR train: 24 of
    // 34 such are not cues).
    if (words[speakerFirst - 1]?.lower === 'what' && /^call(?:s|ed)?$/.test(w.lower)) return null
    // "The agency said Kestria had displayed “complete disregard”": a learned cue inside what a
    // hand-written cue before it reports is part of that content.
    if (
      entry.origin === 'model' &&
      words.some((x, t) => t < speakerFirst && lexicon.cues.get(x.lower)?.origin === 'data')
    )
      return null
    // "the levy -- which Varga called “a farce” --": the relative opens the content, which runs
    // over its speaker and cue when nothing else stands before the quotation.
    const relative =
      thatStart === null && targetSpan === null && cueEnd >= end
        ? quoteRelative(words, speakerFirst)
        : null
    return {
      speaker: spanOf(words, speakerFirst, speakerLast),
      cue: spanOf(words, left.cueFirst, cueEnd),
      cueEntry: entry,
      kind: 'direct',
      rule: 'direct-speaker-cue-before',
      targetSpan,
      negated: left.negated,
      end: q.end,
      contentStart: thatStart ?? relative,
    }
  }
  return null
}

export function sentenceIndexAt(sentences: readonly Sentence[], offset: number): number {
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

export function directQuotes(input: ExtractInput, drafts: Draft[], blocked: Span[]): void {
  const { text, quotes, sentences } = input
  let prevEnd = 0
  for (let qi = 0; qi < quotes.length; qi++) {
    const q = quotes[qi] as Quote
    if (overlapsAny(blocked, q)) continue
    const next = quotes[qi + 1]
    const limit = next?.start ?? text.length
    let attribution = attributionAfter(input, q, limit)
    let leadIn: number | null = null
    if (attribution !== null) leadIn = mixedLeadIn(input, q, prevEnd, blocked)
    // 'In his book “The Long Road,” Roe argued that …': after words of its own sentence, a
    // quotation followed by a cue with a content of its own is a title or a phrase of that
    // content, not what was said: a that-clause or an accused object follows the cue, or the
    // quotation looks like a title. Never after a tell-type cue, whose object is the addressee
    // ("told the council").
    if (attribution !== null && leadIn !== null && attribution.cueEntry?.frame !== 'tell') {
      const object = cueObject(input, attribution.cue.end)
      if (
        object !== null &&
        (object.lower === 'that' ||
          attribution.cueEntry?.frame === 'accuse' ||
          looksLikeTitle(input.text, q, leadIn))
      )
        attribution = null
    }
    if (attribution === null) {
      const si = sentenceIndexAt(sentences, q.start)
      const sentenceStart = si >= 0 ? (sentences[si] as Sentence).start : 0
      // A quote that opens its sentence may still follow a cue in the sentence before ("He said:").
      const from = Math.max(
        prevEnd,
        paragraphStart(text, q.start),
        sentenceStart < q.start ? sentenceStart : 0,
      )
      attribution = attributionBefore(input, q, Math.max(from, q.start - 300))
      // 'X said “it gets me mad” every time …': a quotation right after its cue that its
      // sentence goes on after is the start of a mixed content, which the indirect-speech pass
      // reads (PolNeAR train: 60 of 87 such contents go on). Not a title ('titled “…” by …').
      if (
        attribution !== null &&
        /^\s*$/.test(text.slice(attribution.cue.end, q.start)) &&
        !TITLE_NOUNS.has(lastWord(text.slice(attribution.cue.start, attribution.cue.end))) &&
        goesOnAfter(text, q)
      )
        attribution = null
      // "The minister continued:" closing the paragraph before a quoted one.
      const paragraph = paragraphStart(text, q.start)
      if (attribution === null && paragraph === q.start && paragraph > 0) {
        let k = paragraph - 1
        while (k > 0 && /\s/.test(text[k] ?? '')) k--
        if (text[k] === ':')
          attribution = attributionBefore(
            input,
            q,
            Math.max(paragraphStart(text, k), q.start - 300, prevEnd),
          )
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
      if (!joinsQuotes(input, gap)) break
      const q3 = quotes[qi + 2]
      if (attributionAfter(input, q2, q3?.start ?? text.length) !== null) break
      contentEnd = q2.end
      gapFrom = q2.end
      qi++
    }
    const content = { start: attribution.contentStart ?? leadIn ?? q.start, end: contentEnd }
    const draft: Draft = {
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
    }
    // A quotation over several paragraphs is one content per paragraph (PolNeAR): the first is
    // the claim's, each other one a claim of its own with the same speaker and cue.
    const [head, ...tail] = paragraphPieces(text, content)
    drafts.push({ ...draft, content: head ?? content })
    for (const piece of tail)
      drafts.push({ ...draft, content: piece, rule: `${draft.rule}+paragraph` })
    blocked.push(content, attribution.speaker, attribution.cue)
    prevEnd = Math.max(contentEnd, attribution.end)
    // “A,” she said to the crowd. “B.”: the quotation after the attribution's sentence goes on
    // with the same speaker and cue, as a claim of its own (the words between belong to no span).
    if (contentEnd === q.end && attribution.end > q.end) {
      const more = continuedQuotes(input, qi + 1, attribution.end)
      if (more !== null) {
        const next = { start: (quotes[qi + 1] as Quote).start, end: more.end }
        for (const piece of paragraphPieces(text, next))
          drafts.push({ ...draft, content: piece, rule: `${draft.rule}+continued` })
        blocked.push(next)
        prevEnd = more.end
        qi = more.last
      }
    }
  }
}

/** The last word of a phrase, in lower case. */
const lastWord = (phrase: string): string => phrase.trim().split(/\s+/).pop()?.toLowerCase() ?? ''

/**
 * Whether the sentence goes on after quotation q with a lower-case word, and the quotation does
 * not end with a mark of its own ('“it gets me mad” every time …'; not '“We will win,” she said').
 */
function goesOnAfter(text: string, q: Quote): boolean {
  return (
    /^\s*[a-z]/.test(text.slice(q.end, q.end + 3)) &&
    !/[.!?,;:]\s*$/.test(text.slice(q.innerStart, q.innerEnd))
  )
}

const QUOTE_JOIN_ADVERBS = closedClass('quote-join-adverbs')

/**
 * Whether the text between two quotations joins them into one content: marks only, or '“A,” he
 * said, but “B.”' (a conjunction and maybe an adverb of a short list). Not '… said, but critics
 * “B”' (another speaker) nor '… said, and added “B”' (a cue of its own).
 */
function joinsQuotes(input: ExtractInput, gap: string): boolean {
  const m = /^[\s,.;:—–-]*(?:(?:and|but)(?:\s+([a-z]+))?\s+)?$/.exec(gap)
  if (m === null || gap.includes('\n')) return false
  const adverb = m[1]
  return adverb === undefined || (QUOTE_JOIN_ADVERBS.has(adverb) && !input.lexicon.cues.has(adverb))
}

const LONE_LEAD_ADVERBS = closedClass('lone-lead-adverbs')
const TITLE_NOUNS = closedClass('title-nouns')
const TITLE_SMALL_WORDS = closedClass('title-small-words')

/**
 * Whether quotation q, after lead-in words from `leadIn`, looks like a title: a title noun
 * ("book", "report", "titled") among the three words before it, or every word of it capitalised
 * but the small words ("The Art of the Deal"; not '“is a disgrace,”').
 */
function looksLikeTitle(text: string, q: Quote, leadIn: number): boolean {
  const before = scanWords(text, leadIn, q.start).filter((w) => w.isWord)
  if (before.slice(-3).some((w) => TITLE_NOUNS.has(w.lower))) return true
  const inner = scanWords(text, q.innerStart, q.innerEnd).filter(
    (w) => w.isWord && !/^\d/.test(w.lower),
  )
  return (
    inner.length > 0 &&
    (inner[0] as Word).upper &&
    inner.every((w) => w.upper || TITLE_SMALL_WORDS.has(w.lower))
  )
}

/** The word after the cue ending at `cueEnd` when it may open a content of the cue's, or null. */
function cueObject(input: ExtractInput, cueEnd: number): Word | null {
  const next = scanWords(input.text, cueEnd, Math.min(input.text.length, cueEnd + 40))[0]
  return next !== undefined &&
    next.isWord &&
    !ADJUNCT_STARTS.has(next.lower) &&
    !TIME_WORDS.has(next.lower) &&
    next.lower !== 'of'
    ? next
    : null
}

/**
 * The quotations from quotes[from] on that continue a quotation whose attribution ends at
 * `attributionEnd`, when the attribution's sentence ends before the first of them in the same
 * paragraph and they have no attribution of their own: the end of the last one and its index,
 * or null.
 */
function continuedQuotes(
  input: ExtractInput,
  from: number,
  attributionEnd: number,
): { end: number; last: number } | null {
  const { text, quotes } = input
  const q2 = quotes[from]
  if (q2 === undefined) return null
  const gap = text.slice(attributionEnd, q2.start)
  // The attribution's own sentence ends right before the quotation ("… she said. Roe left. “B.”"
  // is not hers).
  if (gap.length > 300 || !/[.!?,]\s+$/.test(gap)) return null
  // '“A,” she said, adding, “B.”': a cue between makes an attribution of its own.
  if (
    /[,]\s+$/.test(gap) &&
    scanWords(text, attributionEnd, q2.start).some((w) => input.lexicon.cues.has(w.lower))
  )
    return null
  const { sentences } = input
  if (sentenceIndexAt(sentences, q2.start) > sentenceIndexAt(sentences, attributionEnd - 1) + 1)
    return null
  // “A,” she said.¶“B.”: a paragraph that is nothing but quotation goes on too.
  const paragraph = gap.includes('\n')
  if (
    paragraph &&
    (gap.indexOf('\n') < gap.search(/[.!?]\s*\n/) || paragraphStart(text, q2.start) !== q2.start)
  )
    return null
  let last = from
  while (last < quotes.length) {
    const q = quotes[last] as Quote
    const after = quotes[last + 1]
    if (attributionAfter(input, q, after?.start ?? text.length) !== null) return null
    if (after === undefined || !/^[\s,.;:—–-]*$/.test(text.slice(q.end, after.start))) break
    if (text.slice(q.end, after.start).includes('\n')) break
    last++
  }
  const end = (quotes[last] as Quote).end
  if (paragraph && !/^\s*(?:\n|$)/.test(text.slice(end, end + 3))) return null
  return { end, last }
}

/**
 * "With thousands of systems, “there is no single point of failure,” she said": a quotation
 * after unquoted words of the same sentence is a mixed content that starts with the sentence
 * (PolNeAR). The start of those words, or null when the quotation opens its sentence or the
 * words before it hold a cue, a colon or used text.
 */
function mixedLeadIn(
  input: ExtractInput,
  q: Quote,
  prevEnd: number,
  blocked: Span[],
): number | null {
  const { text, sentences, lexicon } = input
  const si = sentenceIndexAt(sentences, q.start)
  if (si < 0) return null
  const from = Math.max((sentences[si] as Sentence).start, prevEnd, paragraphStart(text, q.start))
  if (from >= q.start) return null
  const words = scanWords(text, from, q.start)
  // 'Roe “got an immunity deal,” Brell said': a lone word before the quotation is a subject.
  if (words.length === 0 || words.length > 30) return null
  // 'Then “we will rebuild,” Brell said': nor is a lone adverb or conjunction a lead-in.
  const lone = words.length === 1 ? (words[0] as Word) : null
  if (lone !== null && (!(lone.upper && lone.isWord) || LONE_LEAD_ADVERBS.has(lone.lower)))
    return null
  const last = words[words.length - 1] as Word
  if ([':', '.', '!', '?', '—', '–', '―', ';'].includes(last.lower)) return null
  for (const w of words) {
    if (!w.isWord && !['-', ',', '(', ')', "'s"].includes(w.lower)) return null
    if (lexicon.cues.has(w.lower) || w.lower === 'according') return null
  }
  const span = { start: (words[0] as Word).start, end: last.end }
  return overlapsAny(blocked, span) ? null : span.start
}

/** Indirect rules whose content a quotation in the next sentence may continue. */
const CONTINUED_RULES = new Set([
  'indirect-content-speaker-cue',
  'indirect-speaker-cue-content',
  'indirect-content-cue-speaker',
  'according-to-after',
  'indirect-continued',
])

/**
 * Run after all passes. An indirect content that stops inside a quotation it opened runs to the
 * quotation's end (`closeOpenQuotes`). Then "The hall will reopen, Varga said. “It will take two
 * years.”": a quotation that makes up the next sentence of the paragraph, with no attribution of
 * its own, goes on with the speaker and cue of an indirect claim that ends its sentence, as a
 * claim added to `drafts`.
 */
export function quotesAfterIndirect(input: ExtractInput, drafts: Draft[]): void {
  const { text, quotes, sentences } = input
  if (quotes.length === 0) return
  closeOpenQuotes(quotes, drafts)
  const used = usedSpans(drafts)
  const added: Draft[] = []
  for (const d of drafts) {
    if (!CONTINUED_RULES.has(d.rule) || d.cue === null) continue
    const end = Math.max(d.content.end, d.cue.end, d.speaker?.end ?? 0)
    const si = sentenceIndexAt(sentences, end - 1)
    const sentence = sentences[si + 1]
    if (si < 0 || sentence === undefined) continue
    // The claim's sentence ends with it ("… Varga said." / "Varga said the hall … ").
    if (!/^[\s.!?”"’']*$/.test(text.slice(end, sentence.start))) continue
    const qi = quotes.findIndex((q) => q.start >= sentence.start)
    const q = quotes[qi]
    if (q === undefined || q.start !== sentence.start || text.slice(end, q.start).includes('\n'))
      continue
    const more = continuedQuotes(input, qi, end)
    if (more === null) continue
    const content = { start: q.start, end: more.end }
    if (overlapsAny(used, content)) continue
    used.push(content)
    for (const piece of paragraphPieces(text, content))
      added.push({ ...d, content: piece, kind: 'direct', rule: `${d.rule}+quote` })
  }
  drafts.push(...added)
}

/**
 * 'chanting “U-S-A! U-S-A!”': an indirect content that stops inside a quotation it opened (the
 * sentence splitter cut the quotation at its "!") runs to the quotation's end, when no other
 * claim uses the words up to there. Replaces the drafts in place.
 */
function closeOpenQuotes(quotes: readonly Quote[], drafts: Draft[]): void {
  const used = usedSpans(drafts)
  for (let i = 0; i < drafts.length; i++) {
    const d = drafts[i] as Draft
    if (d.kind === 'direct' || d.rule.startsWith('direct') || d.rule.startsWith('transcript'))
      continue
    const q = quotes.find(
      (x) => x.start >= d.content.start && x.start < d.content.end && x.end > d.content.end,
    )
    if (q === undefined) continue
    const rest = { start: d.content.end, end: q.end }
    if (overlapsAny(used, rest)) continue
    drafts[i] = { ...d, content: { start: d.content.start, end: q.end } }
  }
}

/** The spans that drafts use: each one's content, speaker and cue. */
function usedSpans(drafts: readonly Draft[]): Span[] {
  const used: Span[] = []
  for (const d of drafts) {
    used.push(d.content)
    if (d.speaker !== null) used.push(d.speaker)
    if (d.cue !== null) used.push(d.cue)
  }
  return used
}

/** The paragraphs of a span, each without the line breaks around it. */
function paragraphPieces(text: string, span: Span): Span[] {
  const pieces: Span[] = []
  let start = span.start
  for (const m of text.slice(span.start, span.end).matchAll(/\s*\n\s*/g)) {
    const end = span.start + m.index
    if (end > start) pieces.push({ start, end })
    start = end + m[0].length
  }
  if (span.end > start) pieces.push({ start, end: span.end })
  return pieces
}
