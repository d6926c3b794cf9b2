import { extname } from 'node:path'
import { mediaTypeEssence } from './media-type-essence.js'

export const INPUT_FORMATS = ['html', 'text', 'markdown', 'json', 'jsonl', 'feed', 'xml'] as const
export type InputFormat = (typeof INPUT_FORMATS)[number]

const BY_MEDIA_TYPE: Readonly<Record<string, InputFormat>> = {
  'text/html': 'html',
  'application/xhtml+xml': 'html',
  'text/markdown': 'markdown',
  'text/x-markdown': 'markdown',
  'application/json': 'json',
  'application/ld+json': 'json',
  'application/x-ndjson': 'jsonl',
  'application/ndjson': 'jsonl',
  'application/jsonl': 'jsonl',
  'application/x-jsonlines': 'jsonl',
  'application/jsonlines': 'jsonl',
  'application/rss+xml': 'feed',
  'application/atom+xml': 'feed',
  'application/feed+xml': 'feed',
}

const BY_EXTENSION: Readonly<Record<string, InputFormat>> = {
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.json': 'json',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.rss': 'feed',
  '.atom': 'feed',
  '.txt': 'text',
  '.text': 'text',
}

/**
 * The input's format: a specific media type first, then the file extension (of a path or URL
 * path), then the content itself. Generic types (text/plain, XML, octet-stream) defer to sniffing,
 * since servers and file names often say less than the bytes do.
 */
export function detectFormat(mediaType: string | null, source: string, text: string): InputFormat {
  const declared = BY_MEDIA_TYPE[mediaTypeEssence(mediaType) ?? '']
  if (declared !== undefined) return declared
  const byExtension = BY_EXTENSION[extname(pathOf(source)).toLowerCase()]
  const sniffed = sniffFormat(text)
  // A .txt that is really HTML, or a .html that is a feed, goes by its content.
  if (byExtension === 'text' && sniffed === 'html') return 'html'
  if (byExtension !== undefined && !(byExtension === 'html' && sniffed === 'feed'))
    return byExtension
  if (sniffed !== null) return sniffed
  return 'text'
}

/** Format from the first characters, or null when they say nothing special (plain text). */
export function sniffFormat(text: string): InputFormat | null {
  const head = text.slice(0, 2048).trimStart()
  const lower = head.toLowerCase()
  // Processing instructions (<?xml?>, <?xml-stylesheet?>), comments and a doctype may come first.
  if (/^(<\?[^>]*>\s*|<!--[\s\S]*?-->\s*|<!doctype[^>]*>\s*)*<(rss|feed|rdf:rdf)[\s>]/i.test(head))
    return 'feed'
  if (
    /^(<!doctype html|<html[\s>]|<head[\s>]|<body[\s>])/.test(lower) ||
    /^<\?xml[\s\S]*<html[\s>]/.test(lower)
  )
    return 'html'
  if (head.startsWith('[')) return 'json'
  if (head.startsWith('{')) {
    const lines = text
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '')
    // Several lines that each open and close a record: JSON Lines.
    return lines.length > 1 && lines.every((line) => line.startsWith('{') && line.endsWith('}'))
      ? 'jsonl'
      : 'json'
  }
  if (/^(<(p|div|article|section|h[1-6]|span|table)[\s>])/.test(lower)) return 'html'
  // Other XML (sitemaps, office XML…): not a document we can read.
  if (/^<\?xml[\s?]/.test(lower)) return 'xml'
  if (/^#\s+\S/.test(head) && /(\*\*|\]\(|^#{2,}\s|^[-*]\s)/m.test(text)) return 'markdown'
  return null
}

function pathOf(source: string): string {
  try {
    return /^https?:\/\//i.test(source) ? new URL(source).pathname : source
  } catch {
    return source
  }
}
