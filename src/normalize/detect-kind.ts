import type { DocumentKind } from '../model/document.js'
import { readDataJson } from './read-data-json.js'

interface KindHints {
  readonly schemaTypes: Readonly<Record<string, DocumentKind>>
  readonly socialHosts: readonly string[]
  readonly blogHosts: readonly string[]
  readonly blogPathPattern: string
}

export interface KindEvidence {
  /** A kind the input declares (JSON-LD type, feed, record field), trusted first. */
  readonly declared: DocumentKind | null
  readonly url: string | null
  readonly hasComments: boolean
  /** The body text (no title, byline, comments or boilerplate). */
  readonly body: string
  readonly hasTitle: boolean
  /** og:type "article" and the like: weaker than a JSON-LD type. */
  readonly articleHint?: boolean
}

/** Social posts are short; longer texts with a hashtag are articles that mention one. */
const SOCIAL_MAX_LENGTH = 700

/**
 * The document's kind, strongest evidence first: a declared type, a social-network URL, a comment
 * thread (blog), a short text with hashtags or @handles (social), a blog URL, an article hint or
 * an article-shaped text (a title and a few paragraphs, or long prose); "other" otherwise.
 */
export function detectKind(evidence: KindEvidence): DocumentKind {
  if (evidence.declared !== null) return evidence.declared
  const hints = readDataJson<KindHints>('kind-hints.json')
  const url = parseUrl(evidence.url)
  if (url !== null && hostMatches(url.hostname, hints.socialHosts)) return 'social'
  if (evidence.hasComments) return 'blog'
  const tagged = /(^|\s)[#@][\p{L}\p{N}_]{2,}/u.test(evidence.body)
  if (tagged && evidence.body.length <= SOCIAL_MAX_LENGTH) return 'social'
  if (
    url !== null &&
    (hostMatches(url.hostname, hints.blogHosts) ||
      new RegExp(hints.blogPathPattern, 'i').test(url.pathname))
  ) {
    return 'blog'
  }
  if (evidence.articleHint === true) return 'article'
  if (evidence.hasTitle && evidence.body.length >= 300) return 'article'
  // Long prose saved without its headline (corpora often strip it) is still an article.
  if (evidence.body.length >= 1000) return 'article'
  return 'other'
}

function parseUrl(url: string | null): URL | null {
  if (url === null) return null
  try {
    return new URL(url)
  } catch {
    return null
  }
}

function hostMatches(hostname: string, hosts: readonly string[]): boolean {
  const host = hostname.toLowerCase().replace(/^www\./, '')
  return hosts.some((candidate) => host === candidate || host.endsWith(`.${candidate}`))
}
