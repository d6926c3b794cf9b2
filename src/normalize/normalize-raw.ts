import { AppError } from '../errors.js'
import type { RawInput } from '../read/raw-input.js'
import { buildDocument } from './build-document.js'
import { cleanAuthor } from './clean-author.js'
import { decodeBytes } from './decode-bytes.js'
import { detectFormat, sniffFormat, type InputFormat } from './detect-format.js'
import { feedToOutcomes } from './feed-to-outcomes.js'
import { htmlToDraft } from './html-to-draft.js'
import { jsonToOutcomes } from './json-to-outcomes.js'
import { jsonlToOutcomes } from './jsonl-to-outcomes.js'
import { markdownToText } from './markdown-to-text.js'
import { mediaTypeEssence } from './media-type-essence.js'
import type { NormalizeOutcome } from './normalize-outcome.js'
import { textToDraft } from './text-to-draft.js'
import { asAppError, toOutcome } from './to-outcome.js'

/**
 * Raw input → documents: decodes the bytes, detects the format and hands over to its reader.
 * Feeds, JSON arrays and JSONL give many outcomes; a failure of the whole input (binary, empty,
 * malformed) gives one error outcome. Never throws.
 */
export function normalizeRaw(raw: RawInput): NormalizeOutcome[] {
  try {
    if (raw.bytes.byteLength === 0)
      throw new AppError('INPUT_EMPTY', 'input is empty', { subject: raw.source })
    const text = decodeBytes(raw.bytes, {
      mediaType: raw.mediaType,
      html: mightBeHtml(raw),
      subject: raw.source,
    })
    if (text.trim() === '')
      throw new AppError('INPUT_EMPTY', 'input has only whitespace', { subject: raw.source })
    const url = raw.fetchedUrl ?? (/^https?:\/\//i.test(raw.source) ? raw.source : null)
    return normalizeText(
      text,
      detectFormat(raw.mediaType, raw.fetchedUrl ?? raw.source, text),
      raw.source,
      url,
    )
  } catch (error) {
    return [{ ok: false, subject: raw.source, error: asAppError(raw.source, error) }]
  }
}

/** Decoded text in a known format → outcomes. Throws for a whole-input failure (malformed feed…). */
export function normalizeText(
  text: string,
  format: InputFormat,
  source: string,
  url: string | null,
): NormalizeOutcome[] {
  switch (format) {
    case 'feed':
      return feedToOutcomes(text, url ?? source)
    case 'json':
      return jsonToOutcomes(text, source)
    case 'jsonl':
      return jsonlToOutcomes(text, source)
    case 'html':
      return [toOutcome(source, () => buildDocument(htmlToDraft(text, url), source))]
    case 'markdown': {
      const { title: heading, text: plain, frontMatter } = markdownToText(text)
      const title = frontMatter['title'] ?? heading
      const draft = textToDraft(plain, title === null ? {} : { title })
      return [
        toOutcome(source, () =>
          buildDocument(
            {
              ...draft,
              author: cleanAuthor(frontMatter['author']) ?? draft.author,
              site: frontMatter['site'] ?? frontMatter['publisher'] ?? draft.site,
              publishedAt:
                frontMatter['date'] ??
                frontMatter['publishedat'] ??
                frontMatter['published'] ??
                draft.publishedAt,
              url: frontMatter['url'] ?? url,
            },
            source,
          ),
        ),
      ]
    }
    case 'text':
      return [toOutcome(source, () => buildDocument({ ...textToDraft(text), url }, source))]
    case 'xml':
      throw new AppError('INPUT_UNSUPPORTED', 'XML that is neither an RSS or Atom feed nor HTML', {
        subject: source,
      })
  }
}

/** Before decoding: whether to look for `<meta charset>` (declared HTML, or markup at the start). */
function mightBeHtml(raw: RawInput): boolean {
  const essence = mediaTypeEssence(raw.mediaType)
  if (essence === 'text/html' || essence === 'application/xhtml+xml') return true
  const head = Buffer.from(
    raw.bytes.buffer,
    raw.bytes.byteOffset,
    Math.min(raw.bytes.byteLength, 1024),
  ).toString('latin1')
  return /\.x?html?$/i.test(raw.source) || sniffFormat(head) === 'html'
}
