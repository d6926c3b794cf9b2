/**
 * @module
 * Drafts that have the shape of speech (a subject, a verb, an object) but report no statement:
 * "He has not shown any evidence" (a remark on evidence, which the brief reads through
 * data/reconcile/no-evidence.txt), "What we know about the massacre" (a free relative naming a
 * topic).
 */
import type { Span } from '../../model/document.js'
import type { Draft } from './extract.js'
import { closedClass } from './words.js'

const EVIDENCE_VERBS = closedClass('evidence-verbs')
const KNOWLEDGE_VERBS = closedClass('knowledge-verbs')

const EVIDENCE_DETERMINERS = closedClass('evidence-determiners')
const EVIDENCE_NOUNS = closedClass('evidence-nouns')
const EVIDENCE_LINKS = closedClass('evidence-links')
const FREE_RELATIVES = closedClass('free-relatives')

/**
 * "any evidence", "no proof", "no evidence for either accusation": the object is evidence, alone
 * or with what it would be evidence for. Not "no proof that X had a role" or "any evidence Orlen
 * was involved", which state what the speaker alleges.
 */
function isEvidenceObject(content: string): boolean {
  const words = content.toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? []
  let k = 0
  while (k < words.length && EVIDENCE_DETERMINERS.has(words[k]!)) k++
  if (!EVIDENCE_NOUNS.has(words[k] ?? '')) return false
  const rest = words.slice(k + 1)
  return rest.length === 0 || (EVIDENCE_LINKS.has(rest[0]!) && !rest.includes('that'))
}

/** The last word of a span, lower-cased, or '' when it has none. */
function lastWord(text: string, span: Span | null): string {
  if (span === null) return ''
  const words = text
    .slice(span.start, span.end)
    .toLowerCase()
    .match(/[\p{L}']+/gu)
  return words?.at(-1) ?? ''
}

/** The word right before `offset` (lower-case), skipping spaces; '' at the start of a line. */
function wordBefore(text: string, offset: number): string {
  const words = text
    .slice(Math.max(0, offset - 60), offset)
    .toLowerCase()
    .split(/\n/)
    .at(-1)!
    .match(/[\p{L}']+/gu)
  return words?.at(-1) ?? ''
}

/** True when the draft is not a statement by its speaker (see the module note). */
export function isNotSpeech(text: string, draft: Draft): boolean {
  const cue = lastWord(text, draft.cue)
  // Cheap tests on the cue first: most drafts have neither kind of verb.
  if (EVIDENCE_VERBS.has(cue) && draft.cue !== null && draft.content.start >= draft.cue.end) {
    if (isEvidenceObject(text.slice(draft.content.start, draft.content.end))) return true
  }
  if (draft.speaker === null || !KNOWLEDGE_VERBS.has(cue)) return false
  const content = text.slice(draft.content.start, draft.content.end)
  return FREE_RELATIVES.has(wordBefore(text, draft.speaker.start)) && /^about\b/i.test(content)
}
