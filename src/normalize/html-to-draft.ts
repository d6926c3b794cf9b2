import { Readability } from '@mozilla/readability'
import { JSDOM, VirtualConsole } from 'jsdom'
import { boilerplateRules } from './boilerplate-rules.js'
import { cleanAuthor } from './clean-author.js'
import type { DocumentDraft, DraftBlock } from './document-draft.js'
import { extractHtmlComments } from './extract-html-comments.js'
import { htmlToParagraphs } from './html-to-paragraphs.js'
import { normalizeDate } from './normalize-date.js'
import { readHtmlMetadata } from './read-html-metadata.js'

// Page chrome removed when Readability finds no article and the whole body is used instead.
const CHROME_SELECTOR =
  'nav, header, footer, aside, form, [role="navigation"], [role="banner"], [role="contentinfo"], .share, .social, .related, .newsletter, .cookie, #cookie-notice'

/**
 * An HTML page → a draft: metadata from meta tags and JSON-LD, comment threads taken out of the
 * DOM first, then the main content by Readability (over jsdom, scripts never run), split into
 * paragraphs. `url` resolves relative links and hints the kind.
 */
export function htmlToDraft(html: string, url: string | null): DocumentDraft {
  const dom = new JSDOM(html, {
    ...(url !== null && /^https?:\/\//i.test(url) ? { url } : {}),
    // A silent console: page CSS and markup errors are not ours to report.
    virtualConsole: new VirtualConsole(),
  })
  const document = dom.window.document
  // Comments first, so that a comment's <time> is not taken for the page's date.
  const comments = extractHtmlComments(document)
  const metadata = readHtmlMetadata(document)
  const documentTitle =
    nonEmpty(document.title) ?? nonEmpty(document.querySelector('h1')?.textContent)
  const article = new Readability<Node>(document, { serializer: (node) => node }).parse()
  const rules = boilerplateRules()

  const title = metadata.title ?? nonEmpty(article?.title) ?? documentTitle
  const content = article?.content ?? fallbackBody(document)
  let paragraphs = content === null ? [] : htmlToParagraphs(content)
  // A "By …" line left at the top of the content is the page's own byline: better than a
  // byline rebuilt from metadata.
  const bylineIndex = paragraphs.slice(0, 3).findIndex((p) => p.length <= 120 && BYLINE.test(p))
  const pageByline = paragraphs[bylineIndex] ?? null
  if (bylineIndex >= 0) paragraphs = paragraphs.filter((_, index) => index !== bylineIndex)
  const author =
    metadata.author ?? cleanAuthor(article?.byline) ?? cleanAuthor(pageByline ?? metadata.byline)
  const byline =
    pageByline ??
    metadata.byline ??
    nonEmpty(article?.byline) ??
    (author === null ? null : `By ${author}`)
  const seen = new Set(
    [title, byline, author].filter((value) => value !== null).map((value) => value.toLowerCase()),
  )
  const blocks: DraftBlock[] = []
  if (byline !== null) blocks.push({ kind: 'byline', text: byline })
  for (const paragraph of paragraphs) {
    // Readability sometimes keeps the headline or the byline at the top of the content.
    if (seen.has(paragraph.toLowerCase())) continue
    blocks.push({ kind: rules.isBoilerplate(paragraph) ? 'boilerplate' : 'body', text: paragraph })
  }
  for (const comment of comments) {
    const text = comment.paragraphs.join('\n\n')
    blocks.push(
      comment.author === null
        ? { kind: 'comment', text }
        : { kind: 'comment', text, author: comment.author },
    )
  }
  dom.window.close()
  return {
    blocks,
    title,
    author,
    site: metadata.site ?? nonEmpty(article?.siteName),
    publishedAt:
      metadata.publishedAt ??
      nonEmpty(article?.publishedTime) ??
      normalizeDate(pageByline ?? metadata.byline),
    kind: metadata.kind,
    articleHint: metadata.articleHint,
    language: metadata.language ?? nonEmpty(article?.lang),
    url: metadata.url ?? url,
  }
}

const BYLINE = /^(?:written\s+|posted\s+)?by\s+\p{Lu}/iu

function fallbackBody(document: Document): Node | null {
  for (const chrome of Array.from(document.querySelectorAll(CHROME_SELECTOR))) chrome.remove()
  return document.body
}

function nonEmpty(value: string | null | undefined): string | null {
  const trimmed = value?.replace(/\s+/g, ' ').trim()
  return trimmed === undefined || trimmed === '' ? null : trimmed
}
