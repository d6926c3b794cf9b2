/**
 * @module
 * The `sentences` stage: sentence spans per section. A sentence never crosses a section boundary
 * or a paragraph break; list items and headline lines are sentences of their own; abbreviations,
 * initials, decimals, ellipses and quotations followed by their speaker do not split.
 */
import type { Sentence } from '../../model/analysis.js'
import type { NormalizedDocument, Section } from '../../model/document.js'
import { isSpace, isWordChar } from '../chars.js'
import type { Stage } from '../stage.js'
import { splitParagraphs } from './rules/01-split-paragraphs.js'
import { splitLines } from './rules/02-split-lines.js'
import { listMarkerEnd } from './rules/03-skip-list-markers.js'
import { splitAtTerminals } from './rules/04-split-at-terminals.js'

/** Section kinds that are not analyzed (navigation, cookie notices, share buttons). */
const SKIPPED_SECTIONS: ReadonlySet<Section['kind']> = new Set(['boilerplate'])

/** Sentence spans of `[start, end)`, trimmed, each tagged with `section`. */
export function splitSentences(
  text: string,
  start: number,
  end: number,
  section: number,
): Sentence[] {
  const sentences: Sentence[] = []
  const pushSentence = (from: number, to: number): void => {
    let s = from
    let e = to
    while (s < e && isSpace(text.charCodeAt(s))) s++
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--
    // Rules like "* * *" or a lone dash are not sentences: keep only spans with a word character.
    for (let i = s; i < e; i++) {
      if (isWordChar(text.charCodeAt(i))) {
        sentences.push({ start: s, end: e, section })
        return
      }
    }
  }
  splitParagraphs(text, start, end, (paragraphStart, paragraphEnd) => {
    splitLines(text, paragraphStart, paragraphEnd, (segmentStart, segmentEnd) => {
      let s = segmentStart
      while (s < segmentEnd && isSpace(text.charCodeAt(s))) s++
      s = listMarkerEnd(text, s, segmentEnd)
      splitAtTerminals(text, s, segmentEnd, pushSentence)
    })
  })
  return sentences
}

export const sentencesStage = {
  name: 'sentences',
  needs: [],
  provides: 'sentences',
  run(doc: NormalizedDocument): Sentence[] {
    const text = doc.text
    const sentences: Sentence[] = []
    doc.sections.forEach((section, index) => {
      if (SKIPPED_SECTIONS.has(section.kind)) return
      const start = Math.max(0, Math.min(section.start, text.length))
      const end = Math.max(start, Math.min(section.end, text.length))
      for (const sentence of splitSentences(text, start, end, index)) sentences.push(sentence)
    })
    return sentences
  },
} satisfies Stage<'sentences'>
