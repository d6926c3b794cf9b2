import type { DocumentKind } from '../model/document.js'
import { cleanAuthor } from './clean-author.js'
import { readDataJson } from './read-data-json.js'

/** What a page says about itself in meta tags and JSON-LD (before content extraction). */
export interface HtmlMetadata {
  readonly title: string | null
  readonly author: string | null
  readonly site: string | null
  readonly publishedAt: string | null
  /** From a JSON-LD type (NewsArticle → article, BlogPosting → blog, SocialMediaPosting → social). */
  readonly kind: DocumentKind | null
  /** og:type is "article". */
  readonly articleHint: boolean
  readonly language: string | null
  readonly url: string | null
  /** The page's visible byline line ("By Marek Olsen in Velenor · 14 March 2026"), if marked up. */
  readonly byline: string | null
}

// Where pages put the visible byline. Read before Readability, which removes these elements.
const BYLINE_SELECTOR =
  '.byline, .article-byline, .post-byline, .c-byline, .story-byline, [data-testid="byline"], .entry-meta .byline, p.author, div.author'
const MAX_BYLINE_LENGTH = 150

type Json = string | number | boolean | null | Json[] | { [key: string]: Json }
type JsonObject = { [key: string]: Json }

/** Reads meta tags (Open Graph, article:, name=author, Dublin Core…) and JSON-LD; JSON-LD wins. */
export function readHtmlMetadata(document: Document): HtmlMetadata {
  const meta = (...names: string[]): string | null => {
    for (const name of names) {
      for (const element of Array.from(document.querySelectorAll('meta'))) {
        const key =
          element.getAttribute('property') ??
          element.getAttribute('name') ??
          element.getAttribute('itemprop')
        const content = element.getAttribute('content')?.trim()
        if (key?.toLowerCase() === name && content !== undefined && content !== '') return content
      }
    }
    return null
  }
  const { schemaTypes } = readDataJson<{ schemaTypes: Readonly<Record<string, DocumentKind>> }>(
    'kind-hints.json',
  )
  const ld = findJsonLdItem(document, Object.keys(schemaTypes))
  const ldType =
    ld === null ? [] : asArray(ld['@type']).filter((t): t is string => typeof t === 'string')
  const ldKind = ldType.map((type) => schemaTypes[type]).find((kind) => kind !== undefined) ?? null

  const metaAuthor = [
    meta('author', 'article:author', 'byl', 'parsely-author', 'dc.creator', 'sailthru.author'),
  ]
    .map((value) => cleanAuthor(value))
    .find((value) => value !== null)
  const timeElement = document.querySelector(
    'article time[datetime], time[datetime][pubdate], time[datetime]',
  )
  return {
    title: text(ld?.['headline']) ?? meta('og:title', 'twitter:title'),
    author:
      ldNames(ld?.['author']) ??
      metaAuthor ??
      cleanAuthor(
        document.querySelector('[rel="author"], .byline .author, .author-name')?.textContent,
      ),
    site:
      (isObject(ld?.['publisher']) ? text(ld['publisher']['name']) : null) ??
      meta('og:site_name', 'application-name'),
    publishedAt:
      text(ld?.['datePublished']) ??
      meta(
        'article:published_time',
        'og:article:published_time',
        'datepublished',
        'pubdate',
        'publishdate',
        'date',
        'dc.date',
        'dc.date.issued',
        'dcterms.created',
        'parsely-pub-date',
        'sailthru.date',
      ) ??
      nonEmpty(timeElement?.getAttribute('datetime')),
    kind: ldKind,
    articleHint: meta('og:type')?.toLowerCase() === 'article',
    language:
      nonEmpty(document.documentElement.getAttribute('lang')) ??
      meta('content-language', 'og:locale'),
    url:
      nonEmpty(document.querySelector('link[rel="canonical"]')?.getAttribute('href')) ??
      meta('og:url'),
    byline:
      Array.from(document.querySelectorAll(BYLINE_SELECTOR))
        .map((element) => nonEmpty(element.textContent))
        .find((text): text is string => text !== null && text.length <= MAX_BYLINE_LENGTH) ?? null,
  }
}

/** The first JSON-LD item (arrays and `@graph` flattened) with one of the wanted types. */
function findJsonLdItem(document: Document, types: readonly string[]): JsonObject | null {
  for (const script of Array.from(
    document.querySelectorAll('script[type="application/ld+json"]'),
  )) {
    let parsed: Json
    try {
      parsed = JSON.parse(script.textContent ?? '') as Json
    } catch {
      continue // Broken JSON-LD is common; the meta tags still count.
    }
    const queue: Json[] = [parsed]
    while (queue.length > 0) {
      const item = queue.shift()
      if (Array.isArray(item)) queue.push(...item)
      else if (isObject(item)) {
        if (asArray(item['@type']).some((type) => typeof type === 'string' && types.includes(type)))
          return item
        if (item['@graph'] !== undefined) queue.push(item['@graph'])
      }
    }
  }
  return null
}

function ldNames(value: Json | undefined): string | null {
  const names = asArray(value ?? null)
    .map((author) => (isObject(author) ? text(author['name']) : text(author)))
    .map((name) => cleanAuthor(name))
    .filter((name): name is string => name !== null)
  return names.length > 0 ? names.join(', ') : null
}

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function asArray(value: Json | undefined): Json[] {
  if (value === undefined || value === null) return []
  return Array.isArray(value) ? value : [value]
}

function text(value: Json | undefined): string | null {
  return typeof value === 'string' ? nonEmpty(value) : null
}

function nonEmpty(value: string | null | undefined): string | null {
  const trimmed = value?.replace(/\s+/g, ' ').trim()
  return trimmed === undefined || trimmed === '' ? null : trimmed
}
