import { AppError } from '../errors.js'
import type { DocumentMetadata, NormalizedDocument } from '../model/document.js'
import { buildDocument } from './build-document.js'
import { cleanAuthor } from './clean-author.js'
import type { DocumentDraft } from './document-draft.js'
import { htmlToDraft } from './html-to-draft.js'
import { sniffFormat } from './detect-format.js'
import { textToDraft } from './text-to-draft.js'

/** Metadata a caller may state for pasted text; what is given wins over what the text shows. */
export type PastedMetadata = Partial<
  Pick<DocumentMetadata, 'source' | 'title' | 'author' | 'site' | 'publishedAt' | 'kind'>
> & {
  readonly url?: string
}

/**
 * Pasted text (the web UI's box) → one document. HTML is recognised by its opening tags; anything
 * else is read as a scraped plain-text page. Throws `INPUT_EMPTY` for blank text.
 *
 * @example
 * const doc = loadFromText('Fire on Harbor Lane\nBy Jane Doe\nAt least 14 people…', { site: 'Daily Post' })
 */
export function loadFromText(text: string, metadata: PastedMetadata = {}): NormalizedDocument {
  const source = metadata.source ?? 'pasted'
  const clean = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n')
  if (clean.trim() === '')
    throw new AppError('INPUT_EMPTY', 'the text is empty', { subject: source })
  const url = metadata.url ?? null
  const draft: DocumentDraft =
    sniffFormat(clean) === 'html'
      ? htmlToDraft(clean, url)
      : textToDraft(
          clean,
          metadata.title === undefined || metadata.title === null ? {} : { title: metadata.title },
        )
  return buildDocument(
    {
      ...draft,
      title: metadata.title ?? draft.title,
      author: cleanAuthor(metadata.author) ?? draft.author,
      site: metadata.site ?? draft.site,
      publishedAt: metadata.publishedAt ?? draft.publishedAt,
      kind: metadata.kind ?? draft.kind,
      url: url ?? draft.url,
    },
    source,
  )
}
