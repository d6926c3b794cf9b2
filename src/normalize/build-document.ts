import { AppError } from '../errors.js'
import type { Diagnostic, NormalizedDocument, Section, Span } from '../model/document.js'
import { cleanWhitespace } from './clean-whitespace.js'
import { detectKind } from './detect-kind.js'
import { detectLanguage } from './detect-language.js'
import type { DocumentDraft, DraftBlock } from './document-draft.js'
import { findRepeats } from './find-repeats.js'
import { normalizeDate } from './normalize-date.js'
import { readDataJson } from './read-data-json.js'

const PARAGRAPH_BREAK = '\n\n'

/**
 * Assembles the document: block texts joined by blank lines (the draft's title first), one section
 * per title, byline and comment, adjacent body or boilerplate blocks merged into one section;
 * then repeats, language, kind, the ISO date and diagnostics. Throws `INPUT_EMPTY` when no text
 * is left.
 */
export function buildDocument(draft: DocumentDraft, source: string): NormalizedDocument {
  const title = draft.title === null ? null : cleanWhitespace(draft.title).replace(/\n+/g, ' ')
  const blocks = withTitle(draft.blocks, title === '' ? null : title)
    .map((block) => ({ ...block, text: cleanWhitespace(block.text) }))
    .filter((block) => block.text !== '')
  if (!blocks.some((block) => block.kind !== 'boilerplate')) {
    throw new AppError('INPUT_EMPTY', 'no text left after removing markup and boilerplate', {
      subject: source,
    })
  }

  let text = ''
  const sections: Section[] = []
  const paragraphs: Span[] = []
  for (const block of blocks) {
    if (text !== '') text += PARAGRAPH_BREAK
    const start = text.length
    text += block.text
    const end = text.length
    if (block.kind === 'body' || block.kind === 'comment')
      paragraphs.push(...paragraphSpans(block.text, start))
    const last = sections.at(-1)
    if (
      last !== undefined &&
      last.kind === block.kind &&
      (block.kind === 'body' || block.kind === 'boilerplate')
    ) {
      sections[sections.length - 1] = { ...last, end }
    } else {
      sections.push(
        block.author === undefined
          ? { kind: block.kind, start, end }
          : { kind: block.kind, start, end, author: block.author },
      )
    }
  }

  const body = sections
    .filter((section) => section.kind === 'body')
    .map((section) => text.slice(section.start, section.end))
    .join(PARAGRAPH_BREAK)
  const hasComments = sections.some((section) => section.kind === 'comment')
  const language = detectLanguage(body !== '' ? body : text, draft.language)
  const publishedAt = normalizeDate(draft.publishedAt)
  const diagnostics: Diagnostic[] = []
  const { supported } = readDataJson<{ supported: readonly string[] }>('languages.json')
  if (language !== 'und' && !supported.includes(language)) {
    diagnostics.push({
      code: 'LANGUAGE_UNSUPPORTED',
      message: `the text looks like language "${language}"; analysis rules are written for English`,
    })
  }
  if (draft.publishedAt !== null && draft.publishedAt.trim() !== '' && publishedAt === null) {
    diagnostics.push({
      code: 'DATE_UNREADABLE',
      message: `publication date "${draft.publishedAt}" could not be read`,
    })
  }

  return {
    metadata: {
      source,
      title: title === '' ? null : title,
      author: draft.author,
      site: draft.site,
      publishedAt,
      kind: detectKind({
        declared: draft.kind,
        url: draft.url,
        hasComments,
        body,
        hasTitle: title !== null && title !== '',
        articleHint: draft.articleHint === true,
      }),
      language,
    },
    text,
    sections,
    repeats: findRepeats(text, paragraphs),
    diagnostics,
  }
}

function withTitle(blocks: readonly DraftBlock[], title: string | null): readonly DraftBlock[] {
  if (title === null || blocks[0]?.kind === 'title') return blocks
  return [{ kind: 'title', text: title }, ...blocks]
}

/** Spans of the paragraphs (separated by blank lines) of a block placed at `offset`. */
function paragraphSpans(blockText: string, offset: number): Span[] {
  const spans: Span[] = []
  let start = 0
  for (const paragraph of blockText.split(PARAGRAPH_BREAK)) {
    spans.push({ start: offset + start, end: offset + start + paragraph.length })
    start += paragraph.length + PARAGRAPH_BREAK.length
  }
  return spans
}
