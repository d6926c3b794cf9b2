import { boilerplateRules } from './boilerplate-rules.js'
import { htmlToParagraphs } from './html-to-paragraphs.js'

/** One comment found in a page: who wrote it and its paragraphs. */
export interface HtmlComment {
  readonly author: string | null
  readonly paragraphs: readonly string[]
}

const COMMENT_TAGS = new Set(['ARTICLE', 'LI', 'DIV', 'SECTION', 'ASIDE', 'BLOCKQUOTE'])
const COMMENT_CLASSES = new Set([
  'comment',
  'c-comment',
  'comment-item',
  'commentlist-item',
  'comments-item',
])
const COMMENT_LISTS = '.commentlist, .comment-list, .comments-list, .commentslist'
const AUTHOR_SELECTOR =
  '.comment-author .fn, .fn, [itemprop="author"] [itemprop="name"], [itemprop="author"], .comment-author, .comment__author, .comment-author-name, .author-name, .author, .username, .user-name, cite'
const CONTENT_SELECTOR =
  '.comment-content, .comment-text, .comment-body-text, .comment__body, .comment__content, .comment__text, [itemprop="text"], .comment-entry, .comment-message'
// Parts of a comment that are not what the commenter wrote.
const CHROME_SELECTOR =
  '.reply, .comment-reply-link, .comment-meta, .comment-metadata, .comment-actions, .comment-footer, .says, .avatar, img, form, time, button, .comment-edit-link'
// Where threads and comment forms live: removed from the page once the comments are out.
const CONTAINER_SELECTOR =
  '#comments, .comments-area, .comments, #respond, .comment-respond, #disqus_thread, form#commentform, form.comment-form'

// The "says:" after a commenter's name, left when the theme gives it no class.
const SAYS = /^(says|said|wrote)\s*:?$/i

/** Whether an element is one comment (the markup WordPress, Disqus-like themes and schema.org use). */
function isCommentElement(element: Element): boolean {
  // Containers only: a <span class="comment"> in an article is an aside, not a reader's comment.
  if (!COMMENT_TAGS.has(element.tagName)) return false
  if (element.closest('form') !== null) return false
  // A "comment" wrapper around the headline is page layout, not a comment.
  if (element.querySelector('h1') !== null) return false
  if (Array.from(element.classList).some((name) => COMMENT_CLASSES.has(name))) return true
  if (/^comment-\d+$/.test(element.id)) return true
  if ((element.getAttribute('itemtype') ?? '').includes('schema.org/Comment')) return true
  return element.tagName === 'LI' && element.parentElement?.matches(COMMENT_LISTS) === true
}

/**
 * Extracts comment threads from a page and REMOVES them (and comment forms) from the document,
 * so main-content extraction does not mix them into the body. Readability drops most comment
 * markup anyway, which is why comments are taken out first. Replies nested inside a comment
 * become their own comments, in document order.
 */
export function extractHtmlComments(document: Document): HtmlComment[] {
  const rules = boilerplateRules()
  const candidates = Array.from(document.body?.querySelectorAll('*') ?? []).filter(isCommentElement)
  const comments: HtmlComment[] = []
  for (const element of candidates) {
    const own = element.cloneNode(true) as Element
    // Nested replies are comments of their own.
    for (const nested of Array.from(own.querySelectorAll('*')).filter(isCommentElement))
      nested.remove()
    for (const list of Array.from(own.querySelectorAll(COMMENT_LISTS + ', .children'))) {
      if (list.textContent?.trim() === '') list.remove()
    }
    const authorElement = own.querySelector(AUTHOR_SELECTOR)
    const author = cleanCommentAuthor(authorElement?.textContent ?? null)
    const content = own.querySelector(CONTENT_SELECTOR) ?? own
    if (content === own) {
      authorElement?.remove()
      own.querySelector('.comment-author, .vcard, footer, header')?.remove()
    }
    for (const chrome of Array.from(content.querySelectorAll(CHROME_SELECTOR))) chrome.remove()
    const paragraphs = htmlToParagraphs(content).filter(
      (p) => !rules.isCommentAction(p) && !SAYS.test(p),
    )
    if (paragraphs.length > 0) comments.push({ author, paragraphs })
  }
  for (const element of candidates) if (element.isConnected) element.remove()
  for (const container of Array.from(document.querySelectorAll(CONTAINER_SELECTOR)))
    container.remove()
  return comments
}

function cleanCommentAuthor(text: string | null): string | null {
  const name = text
    ?.replace(/\s+/g, ' ')
    .replace(/\s*(says|said|wrote)\s*:?\s*$/i, '')
    .trim()
  return name === undefined || name === '' || name.length > 80 ? null : name
}
