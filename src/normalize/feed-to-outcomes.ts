import { parseFeed } from '@rowanmanning/feed-parser'
import { JSDOM } from 'jsdom'
import { AppError } from '../errors.js'
import { buildDocument } from './build-document.js'
import { cleanAuthor } from './clean-author.js'
import { EMPTY_DRAFT } from './document-draft.js'
import { htmlToParagraphs } from './html-to-paragraphs.js'
import type { NormalizeOutcome } from './normalize-outcome.js'
import { toOutcome } from './to-outcome.js'

type Feed = ReturnType<typeof parseFeed>

/**
 * An RSS or Atom feed: each item a document with source `feed#<item link>` (or `feed#<n>` when the
 * item has no link). Item content is HTML more often than not; it is reduced to paragraphs.
 * Throws `INPUT_MALFORMED` when the XML is not a feed.
 */
export function feedToOutcomes(xml: string, feedSource: string): NormalizeOutcome[] {
  let feed: Feed
  try {
    feed = parseFeed(xml)
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause)
    throw new AppError('INPUT_MALFORMED', `not a valid RSS or Atom feed (${reason})`, {
      subject: feedSource,
      cause,
    })
  }
  if (feed.items.length === 0)
    throw new AppError('INPUT_EMPTY', 'the feed has no items', { subject: feedSource })
  const feedAuthor = feed.authors.map((author) => author.name).find((name) => name !== null) ?? null
  return feed.items.map((item, index) => {
    const subject = `${feedSource}#${item.url ?? index + 1}`
    return toOutcome(subject, () => {
      const html = item.content ?? item.description ?? ''
      const paragraphs = htmlToParagraphs(JSDOM.fragment(html))
      return buildDocument(
        {
          ...EMPTY_DRAFT,
          blocks: paragraphs.map((text) => ({ kind: 'body', text })),
          title: item.title,
          author: cleanAuthor(
            item.authors.map((author) => author.name).find((name) => name !== null) ?? feedAuthor,
          ),
          site: feed.title,
          publishedAt: (item.published ?? item.updated)?.toISOString() ?? null,
          language: feed.language,
          url: item.url,
          // Feeds syndicate articles and posts: an article unless the URL or content says otherwise.
          articleHint: true,
        },
        subject,
      )
    })
  })
}
