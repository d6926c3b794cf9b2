import { basename, extname } from 'node:path'

// Files met while walking a directory that are certainly not documents. Files named explicitly
// are read whatever their extension (the binary check in normalize catches the rest).
const NON_DOCUMENT_EXTENSIONS = new Set([
  '.png', '.jpg', '.jpeg', '.gif', '.webp', '.bmp', '.ico', '.svg', '.tif', '.tiff', '.avif',
  '.mp3', '.wav', '.ogg', '.flac', '.m4a', '.mp4', '.mkv', '.mov', '.avi', '.webm',
  '.zip', '.gz', '.tgz', '.bz2', '.xz', '.7z', '.rar', '.tar', '.zst',
  '.pdf', '.doc', '.docx', '.xls', '.xlsx', '.ppt', '.pptx', '.odt',
  '.exe', '.dll', '.so', '.dylib', '.bin', '.o', '.a', '.class', '.jar', '.wasm', '.pyc',
  '.woff', '.woff2', '.ttf', '.otf', '.eot',
  '.js', '.mjs', '.cjs', '.ts', '.css', '.map', '.lock', '.db', '.sqlite',
])

/** Whether a file found by walking a directory or a glob should be read as a document. */
export function isDocumentPath(path: string): boolean {
  const name = basename(path)
  if (name.startsWith('.')) return false
  return !NON_DOCUMENT_EXTENSIONS.has(extname(name).toLowerCase())
}
