import { AppError } from '../errors.js'
import { DOCUMENT_KINDS, type DocumentKind } from '../model/document.js'
import { cleanAuthor } from './clean-author.js'
import type { DocumentDraft } from './document-draft.js'
import { htmlToDraft } from './html-to-draft.js'
import { textToDraft } from './text-to-draft.js'

/**
 * One JSON record (`{ url, title, text | html, author, publishedAt, site }`) → a draft. Fields the
 * record states win over what is found in its text or HTML. Throws `INPUT_MALFORMED` for a record
 * that is not an object or has neither text nor html.
 */
export function recordToDraft(record: unknown, subject: string): DocumentDraft {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    throw new AppError('INPUT_MALFORMED', 'record is not a JSON object', { subject })
  }
  const fields = record as Record<string, unknown>
  const field = (...names: string[]): string | null => {
    for (const name of names) {
      const value = fields[name]
      if (typeof value === 'string' && value.trim() !== '') return value
      if (typeof value === 'number' && Number.isFinite(value)) return String(value)
    }
    return null
  }
  const url = field('url', 'link', 'href')
  const title = field('title', 'headline')
  const html = field('html', 'content_html')
  const text = field('text', 'content', 'body', 'content_text')
  if (html === null && text === null) {
    throw new AppError('INPUT_MALFORMED', 'record has neither "text" nor "html"', { subject })
  }
  const base =
    html !== null
      ? htmlToDraft(html, url)
      : textToDraft(text ?? '', title === null ? {} : { title })
  const kind = field('kind', 'type')
  return {
    ...base,
    title: title ?? base.title,
    author: cleanAuthor(field('author', 'byline')) ?? base.author,
    site: field('site', 'siteName', 'site_name', 'source') ?? base.site,
    publishedAt:
      field('publishedAt', 'published_at', 'published', 'datePublished', 'date') ??
      base.publishedAt,
    kind: DOCUMENT_KINDS.includes(kind as DocumentKind) ? (kind as DocumentKind) : base.kind,
    language: field('language', 'lang') ?? base.language,
    url: url ?? base.url,
  }
}
