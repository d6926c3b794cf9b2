/**
 * @module
 * A read-only view over one analysis that answers the questions the brief asks of every span:
 * which section is it in, is it a repeated paragraph, which sentence, which entity.
 */
import type { Analysis, Entity } from '../model/analysis.js'
import type { Section, Span } from '../model/document.js'
import type { Citation } from './brief.js'

/** Longest sentence text a citation carries before it is cut with an ellipsis. */
const CITATION_MAX_CHARS = 280

export interface DocumentView {
  readonly analysis: Analysis
  /** Short id used in citations. */
  readonly ref: string
  /** Milliseconds since the epoch, or null when the publication date is unknown or unparsable. */
  readonly time: number | null
  sectionAt(offset: number): Section | null
  /** True for spans inside a repeated paragraph or in boilerplate: they are not counted. */
  isDiscounted(span: Span): boolean
  entity(id: string): Entity | undefined
  cite(span: Span, sentence: number | null): Citation
}

/** Parse a publication date; null when absent or not a date. */
export function publicationTime(publishedAt: string | null): number | null {
  if (publishedAt === null) return null
  const time = Date.parse(publishedAt)
  return Number.isNaN(time) ? null : time
}

/** Collapse whitespace and cut long text at a word boundary. */
export function clip(text: string, max = CITATION_MAX_CHARS): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  if (flat.length <= max) return flat
  const cut = flat.slice(0, max)
  const space = cut.lastIndexOf(' ')
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`
}

export function documentView(analysis: Analysis, ref: string): DocumentView {
  const { sections, repeats, sentences, text } = analysis
  const entities = new Map(analysis.entities.map((entity) => [entity.id, entity]))

  function sectionAt(offset: number): Section | null {
    // Sections are few per document; a linear scan is simpler than a search and fast enough.
    for (const section of sections) {
      if (offset >= section.start && offset < section.end) return section
    }
    return null
  }

  function isDiscounted(span: Span): boolean {
    if (sectionAt(span.start)?.kind === 'boilerplate') return true
    return repeats.some((repeat) => span.start >= repeat.start && span.start < repeat.end)
  }

  // A sentence is cited many times (its claims, figures, events); it is clipped once.
  const clipped = new Map<number, string>()
  function sentenceText(index: number, sentence: Span): string {
    let quoted = clipped.get(index)
    if (quoted === undefined) {
      quoted = clip(text.slice(sentence.start, sentence.end))
      clipped.set(index, quoted)
    }
    return quoted
  }

  function cite(span: Span, sentence: number | null): Citation {
    const found = sentence === null ? undefined : sentences[sentence]
    const index = found === undefined ? sentenceIndexAt(span.start) : sentence
    const covering = index === null ? undefined : sentences[index]
    const section = sectionAt(span.start)
    const base = {
      document: ref,
      sentence: index,
      text:
        covering === undefined
          ? clip(text.slice(span.start, span.end))
          : sentenceText(index!, covering),
      section: section?.kind ?? 'body',
    } as const
    return section?.kind === 'comment' && section.author !== undefined
      ? { ...base, commentAuthor: section.author }
      : base
  }

  function sentenceIndexAt(offset: number): number | null {
    const index = sentences.findIndex((s) => offset >= s.start && offset < s.end)
    return index === -1 ? null : index
  }

  return {
    analysis,
    ref,
    time: publicationTime(analysis.document.publishedAt),
    sectionAt,
    isDiscounted,
    entity: (id) => entities.get(id),
    cite,
  }
}
