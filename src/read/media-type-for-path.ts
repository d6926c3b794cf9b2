import { extname } from 'node:path'

const MEDIA_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html',
  '.htm': 'text/html',
  '.xhtml': 'application/xhtml+xml',
  '.txt': 'text/plain',
  '.text': 'text/plain',
  '.md': 'text/markdown',
  '.markdown': 'text/markdown',
  '.json': 'application/json',
  '.jsonl': 'application/x-ndjson',
  '.ndjson': 'application/x-ndjson',
  '.rss': 'application/rss+xml',
  '.atom': 'application/atom+xml',
  // Generic XML: normalize sniffs whether it is a feed.
  '.xml': 'application/xml',
}

/** The media type a file extension stands for, or null when the extension says nothing. */
export function mediaTypeForPath(path: string): string | null {
  return MEDIA_TYPES[extname(path).toLowerCase()] ?? null
}
