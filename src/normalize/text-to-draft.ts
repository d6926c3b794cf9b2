import { boilerplateRules, type BoilerplateRules } from './boilerplate-rules.js'
import { cleanAuthor } from './clean-author.js'
import { EMPTY_DRAFT, type DocumentDraft, type DraftBlock } from './document-draft.js'
import { normalizeDate } from './normalize-date.js'

export interface TextToDraftOptions {
  /** The title, when known from elsewhere (a Markdown heading, a JSON field); else the first line. */
  readonly title?: string | null
}

type Mode = 'body' | 'list' | 'comments' | 'form'

const MAX_TITLE_LENGTH = 150
/** Bylines sit right under the title: this many body paragraphs later, "By …" is just text. */
const BYLINE_WINDOW = 1

/**
 * Plain text as people save scraped pages → a draft: title from the first line, bylines (author,
 * date), navigation and sharing cruft and related-story lists as boilerplate, a comment thread
 * split into one comment per author line ("Mark T. says:", "Mark T. on March 4, 2026 at 9:12 am"),
 * and the comment form and all after it as boilerplate.
 */
export function textToDraft(text: string, options: TextToDraftOptions = {}): DocumentDraft {
  const rules = boilerplateRules()
  const lines = logicalLines(text)
  const blocks: DraftBlock[] = []
  let title = options.title ?? null
  let titleIndex = -1
  // A saved social post opens with "Name @handle · date": a byline, and the post has no title.
  const social = options.title === undefined ? findSocialHeader(lines, rules) : null
  if (options.title === undefined && social === null) {
    titleIndex = findTitleLine(lines, rules)
    title = titleIndex >= 0 ? (lines[titleIndex]?.replace(/\s*;$/, '') ?? null) : null
  }
  // A saved <title> often ends with the site's name: "Blast at the quay | Daily Meridian".
  const titleSite =
    title === null || options.title !== undefined ? null : /^(.+?)\s+\|\s+([^|]+)$/.exec(title)
  let site: string | null = null
  if (
    titleSite?.[1] !== undefined &&
    titleSite[2] !== undefined &&
    titleSite[2].split(/\s+/).length <= 4
  ) {
    title = titleSite[1]
    site = titleSite[2]
  }
  // Short lines above the first paragraph of prose are page chrome (site name, section labels).
  const firstProse = lines.findIndex((line) => line.length >= 100 || isProse(line))

  const bylineLines: string[] = []
  let bylineBlock = -1
  let bodyCount = 0
  let mode: Mode = 'body'
  let comment: { author: string | null; paragraphs: string[] } | null = null
  const flushComment = (): void => {
    if (comment !== null && comment.paragraphs.length > 0) {
      blocks.push(
        comment.author === null
          ? { kind: 'comment', text: comment.paragraphs.join('\n\n') }
          : { kind: 'comment', text: comment.paragraphs.join('\n\n'), author: comment.author },
      )
    }
    comment = null
  }

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? ''
    if (line === '' || i === titleIndex) continue
    if (i === social?.index) {
      bylineLines.push(line)
      bylineBlock = blocks.length
      blocks.push({ kind: 'byline', text: line })
      continue
    }
    if (mode === 'form') {
      blocks.push({ kind: 'boilerplate', text: line })
      continue
    }
    if (rules.isFormHeader(line)) {
      flushComment()
      mode = 'form'
      blocks.push({ kind: 'boilerplate', text: line })
      continue
    }
    if (mode !== 'comments' && rules.isCommentHeader(line)) {
      mode = 'comments'
      blocks.push({ kind: 'boilerplate', text: line })
      continue
    }
    if (mode === 'comments') {
      if (rules.isCommentAction(line) || rules.isBoilerplate(line)) {
        flushComment()
        blocks.push({ kind: 'boilerplate', text: line })
        continue
      }
      const header = commentHeader(line, lines[nextNonEmpty(lines, i)] ?? '')
      if (header !== null) {
        flushComment()
        comment = { author: header.author, paragraphs: [] }
        if (header.consumesNext) i = nextNonEmpty(lines, i)
        continue
      }
      comment ??= { author: null, paragraphs: [] }
      comment.paragraphs.push(line)
      continue
    }
    if (rules.isListHeader(line)) {
      mode = 'list'
      blocks.push({ kind: 'boilerplate', text: line })
      continue
    }
    if (mode === 'list') {
      if (!isProse(line)) {
        blocks.push({ kind: 'boilerplate', text: line })
        continue
      }
      mode = 'body'
    }
    if (rules.isBoilerplate(line)) {
      blocks.push({ kind: 'boilerplate', text: line })
      continue
    }
    if (
      bodyCount < BYLINE_WINDOW &&
      isBylineLine(line) &&
      (bylineLines.length === 0 || bylineBlock === blocks.length - 1)
    ) {
      bylineLines.push(line)
      if (bylineBlock < 0) {
        bylineBlock = blocks.length
        blocks.push({ kind: 'byline', text: line })
      } else {
        blocks[bylineBlock] = { kind: 'byline', text: bylineLines.join('\n') }
      }
      continue
    }
    // The headline printed again under the page title, or page chrome above the first prose.
    const repeatsTitle = title !== null && line.toLowerCase() === title.toLowerCase()
    if (bodyCount === 0 && (repeatsTitle || (i < firstProse && isChrome(line)))) {
      blocks.push({ kind: 'boilerplate', text: line })
      continue
    }
    bodyCount++
    blocks.push({ kind: 'body', text: line })
  }
  flushComment()

  const byline = bylineLines.join('\n')
  return {
    ...EMPTY_DRAFT,
    blocks: moveBylineFirst(blocks),
    title,
    site,
    author: social?.author ?? (byline === '' ? null : bylineAuthor(bylineLines)),
    publishedAt:
      byline === ''
        ? null
        : (bylineLines.map((l) => normalizeDate(l)).find((d) => d !== null) ?? null),
  }
}

/**
 * Lines of the text, with hard-wrapped paragraphs (lines broken at ~72–80 columns, paragraphs
 * separated by blank lines) joined back into one line each. Blank lines are kept as "".
 */
function logicalLines(text: string): string[] {
  const raw = text.split('\n').map((line) => line.trim())
  const long = raw.filter((line) => line.length >= 40)
  const wrapped =
    raw.includes('') &&
    long.length >= 5 &&
    long.filter((line) => line.length <= 80).length / long.length >= 0.9
  if (!wrapped) return raw
  const lines: string[] = []
  for (const line of raw) {
    const previous = lines.at(-1)
    if (
      line !== '' &&
      previous !== undefined &&
      previous.length >= 40 &&
      !/[.!?:"”]$/.test(previous)
    ) {
      lines[lines.length - 1] = `${previous} ${line}`
    } else {
      lines.push(line)
    }
  }
  return lines
}

const SOCIAL_HEADER = /^(?:(.{1,60}?)\s+)?(@[\w.]{1,30})(?:\s*[·•|—–-]\s*(.+))?$/u

/** The opening "Name @handle · 13 Mar 2026, 21:05" line of a saved social post, if any. */
function findSocialHeader(
  lines: readonly string[],
  rules: BoilerplateRules,
): { index: number; author: string } | null {
  const index = lines.findIndex((line) => line !== '' && !rules.isBoilerplate(line))
  const match = SOCIAL_HEADER.exec(lines[index] ?? '')
  if (match === null) return null
  const [, name, handle = '', when] = match
  if (when !== undefined && !isDateish(when) && normalizeDate(when) === null) return null
  if (name !== undefined && !isNameLike(name)) return null
  return { index, author: name === undefined ? handle : `${name} (${handle})` }
}

/** Page chrome: a few words, not a sentence nor a subtitle ("Watchtower Notes", "Advertisement"). */
function isChrome(line: string): boolean {
  return line.split(/\s+/).length <= 4 && !/[.!?:;"”)]$/.test(line)
}

/** The first line that is not cruft, when it looks like a title and text follows it. */
function findTitleLine(lines: readonly string[], rules: BoilerplateRules): number {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? ''
    if (line === '' || rules.isBoilerplate(line) || rules.isListHeader(line)) continue
    // Headlines end without a full stop (some archives add a ";").
    const looksLikeTitle =
      line.length <= MAX_TITLE_LENGTH && !/[.,]$/.test(line) && !isBylineLine(line)
    const hasMore = lines.slice(i + 1).some((rest) => rest !== '')
    return looksLikeTitle && hasMore ? i : -1
  }
  return -1
}

const BY = /^(?:(?:written|reported|words)\s+)?by\s+\p{Lu}/iu
const POSTED = /^(?:posted|published|updated|last updated|written)\b.{0,80}$/i
const AUTHOR_LABEL = /^(?:author|reporter|words):\s*\S/i

function isBylineLine(line: string): boolean {
  if (line.length > 120) return false
  if (BY.test(line) || AUTHOR_LABEL.test(line)) return true
  if (POSTED.test(line) && (normalizeDate(line) !== null || /\bby\b/i.test(line))) return true
  // A date on a line of its own ("12 February 2026 | 13:45 GMT").
  return line.length <= 60 && isDateStamp(line)
}

/** A date with at most a weekday, times and zones around it: nothing that makes it a sentence. */
function isDateStamp(line: string): boolean {
  const date = new RegExp(DATE, 'i')
  if (!date.test(line)) return false
  const rest = line
    .replace(date, '')
    .replace(/\b\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?/gi, '')
    .replace(/\b(?:at|on|GMT|UTC|[ECMP][SD]T|BST|CES?T|[a-z]+day)\b/gi, '')
  return /^[\s|,·•/()\-–—]*$/.test(rest)
}

function bylineAuthor(lines: readonly string[]): string | null {
  for (const line of lines) {
    const by = /\bby:?\s+(.+)$/i.exec(line) ?? AUTHOR_LABEL.exec(line)
    if (by === null) continue
    const author = cleanAuthor(by[1] ?? line.replace(/^[^:]*:\s*/, ''))
    if (author !== null) return author
  }
  return null
}

/** A comment's header line: who wrote it (and whether the next line is its date). */
function commentHeader(
  line: string,
  next: string,
): { author: string; consumesNext: boolean } | null {
  if (line.length > 100) return null
  const says = /^(.{1,60}?)\s+(?:says|said|wrote|writes)\s*:?\s*(.*)$/iu.exec(line)
  if (says?.[1] !== undefined && (says[2] === '' || isDateish(says[2] ?? ''))) {
    return { author: says[1].trim(), consumesNext: says[2] === '' && isDateLine(next) }
  }
  const dated = /^(.{1,60}?)\s+(?:on|[|·•—–-])\s+(.+)$/u.exec(line)
  if (
    dated?.[1] !== undefined &&
    dated[2] !== undefined &&
    isDateish(dated[2]) &&
    isNameLike(dated[1])
  ) {
    return { author: dated[1].trim(), consumesNext: false }
  }
  if (isNameLike(line) && isDateLine(next)) return { author: line.trim(), consumesNext: true }
  return null
}

function isDateLine(line: string): boolean {
  return line.length <= 60 && isDateish(line) && !/[.!?]$/.test(line)
}

const MONTH_NAME = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?'
const DATE = `(?:${MONTH_NAME}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH_NAME},?\\s+\\d{4}|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}[/.]\\d{1,2}[/.]\\d{2,4})`
const TIME = '(?:,?\\s*(?:at\\s+)?\\d{1,2}[:.]\\d{2}(?:\\s*[ap]\\.?m\\.?)?)'
// A line that is nothing but a date (and maybe a weekday and a time): "Tuesday, March 4, 2026 at 9:12 am".
const DATE_ONLY = new RegExp(`^(?:[a-z]+day,?\\s+)?${DATE}${TIME}?$`, 'i')
// Comment threads often show relative times ("2 hours ago") instead of dates.
const RELATIVE_TIME =
  /^(?:\d+|an?|one)\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago$|^(?:yesterday|today|just now)(?:\s+at\s+.+)?$/i

/**
 * Only a date or a relative time, nothing else: so that "I agree on March 4, 2026 things changed"
 * is a comment's text, not a header.
 */
function isDateish(text: string): boolean {
  const trimmed = text.trim()
  return DATE_ONLY.test(trimmed) || RELATIVE_TIME.test(trimmed)
}

/** A short line that could be a name or handle: a few words, no sentence punctuation. */
function isNameLike(text: string): boolean {
  const trimmed = text.trim()
  return (
    trimmed.length <= 40 &&
    trimmed.split(/\s+/).length <= 5 &&
    !/[,;!?]|\.$/.test(trimmed.replace(/\b\p{Lu}\.$/u, ''))
  )
}

/** A prose paragraph (ends a related-stories list): long, or a full sentence of some length. */
function isProse(line: string): boolean {
  const words = line.split(/\s+/).length
  return line.length >= 120 || (/[.!?"”]$/.test(line) && words >= 12)
}

function nextNonEmpty(lines: readonly string[], index: number): number {
  let i = index + 1
  while (i < lines.length && lines[i] === '') i++
  return i
}

/** The byline goes right after the title, before cruft found above it. */
function moveBylineFirst(blocks: readonly DraftBlock[]): DraftBlock[] {
  const index = blocks.findIndex((block) => block.kind === 'byline')
  const byline = blocks[index]
  if (byline === undefined) return [...blocks]
  return [byline, ...blocks.slice(0, index), ...blocks.slice(index + 1)]
}
