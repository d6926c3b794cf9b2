/**
 * @module
 * Rule 3: fixed phrases, per sentence: unattributed allegations ("It is alleged that …", "There
 * have been claims that …": no speaker), and cue phrases whose head word is no cue on its own
 * ("The minister raised the possibility that …": the speaker before, the content after).
 */
import type { Sentence } from '../../../model/analysis.js'
import type { Span } from '../../../model/document.js'
import type { Draft, ExtractInput } from '../extract.js'
import { scanWords } from '../words.js'
import { leftOfCue, overlapsAny, spanOf, speakerLeftSpan, trimContent } from '../phrases.js'

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
 * of the speaker before the phrase, its content the rest of the sentence ("that" kept, "of"
 * dropped). Without a speaker before it, the phrase is left to the other rules.
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
  for (const { pattern, stance, hint, negated } of lexicon.phraseCues) {
    if (!hint.test(region)) continue
    pattern.lastIndex = 0
    const match = pattern.exec(region)
    if (match === null) continue
    const start = sentence.start + match.index
    const end = start + match[0].length
    const words = scanWords(text, sentence.start, sentence.end)
    const head = words.findIndex((w) => w.start === start)
    const tail = words.findIndex((w) => w.start >= end)
    if (head < 0 || tail < 0) continue
    const left = leftOfCue(words, head)
    const [speakerFirst, speakerLast] = speakerLeftSpan(words, left.last, lexicon)
    if (speakerFirst < 0) continue
    const from = words[tail]?.lower === 'of' ? tail + 1 : tail
    const [first, last] = trimContent(words, from, words.length - 1)
    if (last - first < 1) continue
    const cue = { start: words[left.cueFirst]?.start ?? start, end }
    const speaker = spanOf(words, speakerFirst, speakerLast)
    const content = spanOf(words, first, last)
    if (overlapsAny(blocked, cue) || overlapsAny(blocked, speaker) || overlapsAny(blocked, content))
      continue
    drafts.push({
      speaker,
      cue,
      content,
      kind: 'indirect',
      rule: 'phrase-cue',
      cueEntry: null,
      stance,
      targetSpan: null,
      // "did not rule out" is a hedge; "did not name" withholds.
      negated,
      passive: false,
    })
    blocked.push(speaker, cue, content)
    return
  }
}
