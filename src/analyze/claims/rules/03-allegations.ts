/**
 * @module
 * Rule 3: fixed phrases, per sentence: unattributed allegations ("It is alleged that …", "There
 * have been claims that …": no speaker), and cue phrases whose head word is no cue on its own
 * ("The minister raised the possibility that …": the speaker before, the content after).
 */
import type { Sentence } from '../../../model/analysis.js'
import type { Span } from '../../../model/document.js'
import type { Draft, ExtractInput } from '../extract.js'
import { scanWords, type Word } from '../words.js'
import { contentEnd } from '../content-model.js'
import { sourceStart } from '../source-model.js'
import { contentStopsAt } from './04-indirect-speech.js'
import {
  leftOfCue,
  opensClause,
  overlapsAny,
  spanOf,
  speakerLeftSpan,
  trimContent,
} from '../phrases.js'

export function allegations(
  input: ExtractInput,
  sentence: Sentence,
  drafts: Draft[],
  blocked: Span[],
): void {
  const { text, lexicon } = input
  const region = text.slice(sentence.start, sentence.end)
  for (const { pattern, stance, hint } of lexicon.allegations) {
    if (!hint.test(region)) continue
    pattern.lastIndex = 0
    const match = pattern.exec(region)
    if (match === null) continue
    const cue = {
      start: sentence.start + match.index,
      end: sentence.start + match.index + match[0].length,
    }
    if (overlapsAny(blocked, cue)) continue
    const words = scanWords(text, cue.end, sentence.end)
    // "It is alleged on several forums that …": the content is the that-clause.
    const that = words.findIndex((w, k) => k < 8 && w.lower === 'that')
    const [first, last] = trimContent(words, that > 0 ? that : 0, words.length - 1)
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

/**
 * "X raised the possibility that …", "X did not rule out …" (data/claims/phrase-cues.tsv): a claim
 * of the speaker before the phrase (one that opens a clause), its content what follows ("that"
 * kept, "of" dropped) up to where an attribution of its own starts (", and Orlen said …") or the
 * content perceptron ends it. Without a speaker before it, the phrase is left to the other rules.
 */
export function phraseCues(
  input: ExtractInput,
  sentence: Sentence,
  drafts: Draft[],
  blocked: Span[],
): void {
  const { text, lexicon } = input
  const region = text.slice(sentence.start, sentence.end)
  if (!lexicon.phraseCueHint.test(region)) return
  let words: Word[] | null = null
  for (const { pattern, stance, hint, negated } of lexicon.phraseCues) {
    if (!hint.test(region)) continue
    pattern.lastIndex = 0
    for (let match = pattern.exec(region); match !== null; match = pattern.exec(region)) {
      words ??= scanWords(text, sentence.start, sentence.end)
      const draft = phraseCueDraft(input, words, sentence.start + match.index, match[0].length)
      if (
        draft === null ||
        [draft.speaker, draft.cue, draft.content].some((s) => s !== null && overlapsAny(blocked, s))
      )
        continue
      drafts.push({ ...draft, stance, negated })
      blocked.push(
        draft.content,
        ...[draft.speaker, draft.cue].filter((s): s is Span => s !== null),
      )
    }
  }
}

/** The claim of a phrase cue at [start, start + length) of the text, or null. */
function phraseCueDraft(
  input: ExtractInput,
  words: readonly Word[],
  start: number,
  length: number,
): Draft | null {
  const { lexicon } = input
  const head = words.findIndex((w) => w.start === start)
  const tail = words.findIndex((w) => w.start >= start + length)
  if (head < 0 || tail < 0) return null
  const left = leftOfCue(words, head)
  const [phraseFirst, speakerLast] = speakerLeftSpan(words, left.last, lexicon)
  if (phraseFirst < 0) return null
  let speakerFirst = phraseFirst
  // The learned start of the speaker phrase, as the indirect-speech rule asks it ("Talks with
  // Orlen have raised …": "Talks with Orlen", not "Orlen").
  if (input.sourceModel != null && words[speakerFirst - 1]?.isWord === true)
    speakerFirst = sourceStart(input.sourceModel, words, speakerFirst, speakerLast)
  if (!opensClause(words, speakerFirst)) return null
  const from = words[tail]?.lower === 'of' ? tail + 1 : tail
  let stop = words.length - 1
  for (let t = from + 1; t < words.length; t++) {
    if (contentStopsAt(words, t, lexicon, from)) {
      stop = t - 1
      break
    }
  }
  const inside = (w: Word): boolean => input.quotes.some((q) => q.start < w.start && w.end < q.end)
  const cueText = input.text.slice(start, start + length).toLowerCase()
  if (input.contentModel != null)
    stop = contentEnd(input.contentModel, words, from, stop, cueText, inside)
  const [first, last] = trimContent(words, from, stop)
  if (last - first < 1) return null
  return {
    speaker: spanOf(words, speakerFirst, speakerLast),
    cue: { start: words[left.cueFirst]?.start ?? start, end: start + length },
    content: spanOf(words, first, last),
    kind: 'indirect',
    rule: 'phrase-cue',
    cueEntry: null,
    stance: null,
    targetSpan: null,
    negated: false,
    passive: false,
  }
}
