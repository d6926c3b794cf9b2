/**
 * @module
 * Claims (attribution) stage: who said what, about whom. Direct quotations in every quote style,
 * indirect speech, "according to", mixed quotes, questions put to someone and unattributed
 * allegations, each with speaker (span and entity), cue, content, kind, stance, targets and
 * hedging. Rules and lexicons: `extract.ts`, `data/claims/`, `models/attribution/`.
 */
import type { Claim, Entity, Sentence } from '../../model/analysis.js'
import type { NormalizedDocument, Section, Span, TextSpan } from '../../model/document.js'
import { isOneWordTrigger } from '../events/triggers.js'
import { need, type Stage } from '../stage.js'
import { contentModel, type ContentModel } from './content-model.js'
import { cueModel, type CueModel } from './cue-model.js'
import { cueTagger, type CueTagger } from './cue-tagger.js'
import { sourceModel, type SourceModel } from './source-model.js'
import { extractDrafts, type Draft } from './extract.js'
import { claimsLexicon, type ClaimsLexicon } from './lexicon.js'
import { findQuotes } from './quotes.js'
import { entitiesIn, indexMentions, resolveSpeaker, type MentionIndex } from './speaker.js'
import { accusedParts, denialAt, stanceOf } from './stance.js'
import { scanWords } from './words.js'
import { isNotSpeech } from './not-speech.js'

const STAGE = 'claims'

/** Claims of one document (exported for tests and the evaluation script). */
export function findClaims(
  doc: Pick<NormalizedDocument, 'text' | 'sections'> & Partial<Pick<NormalizedDocument, 'repeats'>>,
  sentences: readonly Sentence[],
  entities: readonly Entity[],
  lexicon: ClaimsLexicon = claimsLexicon(),
  model: CueModel | null = cueModel(),
  endModel: ContentModel | null = contentModel(),
  startModel: SourceModel | null = sourceModel(),
  tagger: CueTagger | null = cueTagger(),
): Claim[] {
  const { text } = doc
  // A paragraph repeated in the same document (a social post that says everything twice)
  // yields its claims once.
  const repeats = doc.repeats ?? []
  let drafts = extractDrafts({
    text,
    sentences,
    quotes: findQuotes(text),
    lexicon,
    cueModel: model,
    contentModel: endModel,
    sourceModel: startModel,
    cueTagger: tagger,
  })
  const mentions = indexMentions(entities)
  const dropped = drafts.filter(
    (d) =>
      !isContinuation(d) &&
      ((d.speaker !== null && /^[\d.,%\s]+$/.test(text.slice(d.speaker.start, d.speaker.end))) ||
        isPhysicalEvent(text, d, mentions) ||
        isNotSpeech(text, d)),
  )
  // A quotation that goes on from a dropped claim ("He has not shown any evidence. “…”") goes
  // with it.
  const droppedKeys = new Set(dropped.map(attributionKey))
  drafts = drafts.filter(
    (d) =>
      !dropped.includes(d) &&
      !(isContinuation(d) && droppedKeys.has(attributionKey(d))) &&
      !repeats.some((r) => r.start <= d.content.start && d.content.start < r.end),
  )
  drafts.push(...commentVoices(doc, sentences, drafts))
  drafts.sort(byFirst)

  return drafts.map((draft, n): Claim => {
    const content = textSpan(text, withoutDateline(text, draft.content))
    const cue = draft.cue === null ? null : textSpan(text, draft.cue)
    let speaker: Claim['speaker'] = null
    if (draft.speaker !== null) {
      const words = scanWords(text, draft.speaker.start, draft.speaker.end)
      speaker = {
        ...textSpan(text, draft.speaker),
        entity: resolveSpeaker(text, draft.speaker, words, mentions, lexicon),
      }
    }
    const stance = stanceOf(draft, content.text, cue?.text ?? '')
    const targets: string[] = []
    const speakerEntity = speaker?.entity
    if (stance === 'accuse' || stance === 'question' || stance === 'deny') {
      if (draft.targetSpan !== null) addTargets(targets, mentions, speakerEntity, draft.targetSpan)
      if (stance === 'accuse' && draft.targetSpan !== null) {
        // "accused Kaldria of planning it and Norvenia and Westria of paying for it": the content
        // may stop before the second part, so the words after it are read too, up to the next
        // comma or the sentence end.
        for (const part of secondAccusations(text, content, sentences))
          addTargets(targets, mentions, speakerEntity, part)
      } else if (stance === 'accuse') {
        const { parts, agentNamed } = accusedParts(content.text)
        for (const [s, e] of parts)
          addTargets(targets, mentions, speakerEntity, {
            start: content.start + s,
            end: content.start + e,
          })
        // "Kaldria, which Vostranian leaders have accused of organising it": the accused is the
        // relative's antecedent.
        const antecedent = /^of\b/i.test(content.text)
          ? relativeAntecedent(text, firstOf(draft))
          : null
        if (antecedent !== null) addTargets(targets, mentions, speakerEntity, antecedent)
        // "Those who planned this sit in Kaldria": with nobody before the verb, all named in its
        // first sentence (not "… the justice of the Vostranian people" in the next one). A
        // passive agent that names no entity ("staged by our own security service") is final.
        if (targets.length === 0 && !agentNamed)
          addTargets(targets, mentions, speakerEntity, firstSentenceOf(text, content))
      }
      if (stance === 'deny') {
        // "Kaldria had nothing to do with it and urged Vostrana …": the denier's side only.
        const at = denialAt(content.text)
        addTargets(
          targets,
          mentions,
          speakerEntity,
          at > 0 ? { start: content.start, end: content.start + at } : content,
        )
      }
    }
    const start = firstOf(draft)
    const hedgeFrom = Math.min(draft.cue?.start ?? content.start, content.start)
    const region = text.slice(hedgeFrom, Math.max(content.end, draft.cue?.end ?? 0))
    const hedged = lexicon.hedgePattern.test(
      region.includes('’') ? region.replace(/’/g, "'") : region,
    )
    return {
      id: `C${n + 1}`,
      speaker,
      cue,
      content,
      kind: draft.kind,
      stance,
      targets,
      hedged,
      // A quotation that goes on past its attribution's sentence cites its own sentence.
      sentence: sentenceAt(sentences, isContinuation(draft) ? content.start : start),
      section: sectionAt(doc.sections, content.start),
      provenance: {
        stage: STAGE,
        rule: draft.negated ? `${draft.rule}+negated` : draft.rule,
        // A cue learned from PolNeAR says how often that word is a cue there.
        ...(draft.cueEntry?.precision !== undefined
          ? { confidence: draft.cueEntry.precision }
          : {}),
      },
    }
  })
}

function textSpan(text: string, s: Span): TextSpan {
  return { start: s.start, end: s.end, text: text.slice(s.start, s.end) }
}

/** Where a draft starts: the first of its content, speaker and cue. */
function firstOf(d: Draft): number {
  return Math.min(d.content.start, d.speaker?.start ?? Infinity, d.cue?.start ?? Infinity)
}

function byFirst(a: Draft, b: Draft): number {
  return firstOf(a) - firstOf(b)
}

/** Adds the entities mentioned in `span` to `targets`, once each, the speaker's own left out. */
function addTargets(
  targets: string[],
  mentions: MentionIndex,
  speakerEntity: string | null | undefined,
  span: Span,
): void {
  for (const e of entitiesIn(mentions, span)) {
    if (e.id !== speakerEntity && !targets.includes(e.id)) targets.push(e.id)
  }
}

/**
 * What commenters say in their own voice: every sentence of a comment section that no other rule
 * used becomes a narrated claim (speaker null: the section names its author), so the brief can
 * tell what only commenters say and whom they accuse.
 */
function commentVoices(
  doc: Pick<NormalizedDocument, 'text' | 'sections'>,
  sentences: readonly Sentence[],
  drafts: readonly Draft[],
): Draft[] {
  const out: Draft[] = []
  for (const sentence of sentences) {
    if (doc.sections[sentence.section]?.kind !== 'comment') continue
    // A cue only the tagger found ("The Front has claimed attacks before …"), with or without
    // the speaker before it, leaves the commenter's sentence to the commenter's own voice.
    if (
      drafts.some(
        (d) =>
          !d.rule.startsWith('tagged-cue') &&
          d.content.start < sentence.end &&
          sentence.start < d.content.end,
      )
    )
      continue
    let end = sentence.end
    while (end > sentence.start && /[\s.!]/.test(doc.text[end - 1] ?? '')) end--
    if (end - sentence.start < 8) continue
    out.push({
      speaker: null,
      cue: null,
      content: { start: sentence.start, end },
      kind: 'narrated',
      rule: 'comment-voice',
      cueEntry: null,
      stance: null,
      targetSpan: null,
      negated: false,
      passive: false,
    })
  }
  return out
}

/**
 * "VELENOR, Vostrana, March 13 (Wire) - Four gunmen …", "VELENOR ― Four gunmen …" and
 * "BREAKING: …" lose their prefix. Without the comma part only a long dash marks a dateline (an
 * en dash before a capital): "NATO - Russia talks …" is a sentence.
 */
const DATELINE =
  /^(?:[A-Z]{3,}[A-Z .'’-]*,[^\n]{0,80}?\s(?:--|[-—–―])\s|[A-Z]{3,}[A-Z .'’-]*?\s(?:--|[—―]|–(?=\s+[A-Z]))\s|(?:BREAKING|UPDATE|WATCH|JUST IN):\s+)/

function withoutDateline(text: string, span: Span): Span {
  const head = text.slice(span.start, Math.min(span.end, span.start + 120))
  const m = DATELINE.exec(head)
  return m === null || span.start + m[0].length >= span.end
    ? span
    : { start: span.start + m[0].length, end: span.end }
}

/**
 * "… and Norvenia and Westria of paying for it": names after "and"/"or" that are accused "of" a
 * deed (a gerund or a noun phrase, not "President Pell of Tessaly"), in the content and in the
 * words after it up to a comma or the sentence end. Words are separated by spaces, one way only,
 * so the pattern cannot backtrack far.
 */
const SECOND_ACCUSED =
  /\b(?:and|or)\s+(?:[A-Z][\p{L}'’-]*(?:\s+and)?\s+)+of\s+(?:\p{Ll}+ing|the|a|an|its|their|his|her)\b/gu

function secondAccusations(text: string, content: Span, sentences: readonly Sentence[]): Span[] {
  const sentenceEnd = sentences[sentenceAt(sentences, content.start)]?.end ?? content.end
  const after = text.slice(content.end, Math.min(sentenceEnd, content.end + 300)).search(/[,;]/)
  const end =
    after < 0
      ? Math.max(content.end, Math.min(sentenceEnd, content.end + 300))
      : content.end + after
  const region = text.slice(content.start, end)
  return [...region.matchAll(SECOND_ACCUSED)].map((m) => ({
    start: content.start + m.index,
    end: content.start + m.index + m[0].length,
  }))
}

/** A claim that goes on with the speaker and cue of an earlier one (rules/02-direct-quotes.ts). */
function isContinuation(draft: Draft): boolean {
  return /\+(?:continued|paragraph|quote)$/.test(draft.rule)
}

/** Speaker and cue: what a continuation shares with the claim it goes on from. */
function attributionKey(draft: Draft): string {
  return `${spanKey(draft.speaker)}|${spanKey(draft.cue)}`
}

function spanKey(s: Span | null): string {
  return s === null ? '-' : `${s.start}:${s.end}`
}

/** "Kaldria, which …" / "the envoy, whom …" before `offset`: the last character of the antecedent. */
function relativeAntecedent(text: string, offset: number): Span | null {
  const m = /[\p{L}\p{N}.’'")\]](,?\s+(?:which|whom|who)\s+)$/u.exec(
    text.slice(Math.max(0, offset - 80), offset),
  )
  if (m === null) return null
  const at = offset - m[1]!.length
  return { start: at - 1, end: at }
}

/** The part of a span before its first sentence end (". " followed by a capital or a quote). */
function firstSentenceOf(text: string, span: Span): Span {
  const m = /[.!?]["”’»]?\s+(?=["“‘«]?\p{Lu})/u.exec(text.slice(span.start, span.end))
  return m === null ? span : { start: span.start, end: span.start + m.index + 1 }
}

/**
 * Entity types of a site: what is attacked in a physical attack. Not GPE: "attacked Kestria over its
 * trade policy" is mostly political.
 */
const PLACE_TYPES: ReadonlySet<string> = new Set(['FAC', 'LOC'])

/**
 * A learned cue that is an event verb with a place for object ("four armed men attacked the
 * Amber Crown Concert Hall") tells of the event, not of speech ("the senator attacked the plan").
 */
function isPhysicalEvent(text: string, draft: Draft, mentions: MentionIndex): boolean {
  if (draft.cueEntry?.origin !== 'model' || draft.cue === null) return false
  if (draft.content.start < draft.cue.end) return false
  const verb = text.slice(draft.cue.start, draft.cue.end).toLowerCase()
  if (!isOneWordTrigger(verb)) return false
  const opening = /^(?:(?:the|a|an|its|their|his|her)\s+)?/i.exec(
    text.slice(draft.content.start, draft.content.end),
  )![0]
  const object = draft.content.start + opening.length
  return entitiesIn(mentions, { start: object, end: object + 1 }).some((e) =>
    PLACE_TYPES.has(e.type),
  )
}

function sentenceAt(sentences: readonly Sentence[], offset: number): number {
  let lo = 0
  let hi = sentences.length - 1
  let found = 0
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    if ((sentences[mid]?.start ?? 0) <= offset) {
      found = mid
      lo = mid + 1
    } else hi = mid - 1
  }
  return found
}

function sectionAt(sections: readonly Section[], offset: number): Section['kind'] {
  for (const s of sections) if (s.start <= offset && offset < s.end) return s.kind
  return 'body'
}

/** Who said what: speaker, cue, content, kind, stance, targets, hedged. */
export const claimsStage = {
  name: 'claims',
  needs: ['sentences', 'entities'],
  provides: 'claims',
  run: (doc, layers) => findClaims(doc, need(layers, 'sentences'), need(layers, 'entities')),
} satisfies Stage<'claims'>
