/**
 * @module
 * Rule 3: unattributed allegations ("It is alleged that …", "There have been claims that …"):
 * no speaker.
 */
import type { Sentence } from '../../../model/analysis.js'
import type { Span } from '../../../model/document.js'
import type { Draft, ExtractInput } from '../extract.js'
import { scanWords } from '../words.js'
import { overlapsAny, spanOf, trimContent } from '../phrases.js'

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
