import chardet from 'chardet'
import iconv from 'iconv-lite'
import { AppError } from '../errors.js'
import { mediaTypeCharset } from './media-type-essence.js'

export interface DecodeContext {
  readonly mediaType: string | null
  /** Whether the input is probably HTML, so `<meta charset>` is worth looking for. */
  readonly html: boolean
  readonly subject: string
}

/**
 * Bytes → text. Order of evidence: a byte order mark, UTF-16 without one (NULs in every other
 * byte), then a binary check, then the declared charset (HTTP header, HTML meta), then valid
 * UTF-8, then chardet's guess; Windows-1252 when all else fails. Line ends become `\n`.
 * Throws `INPUT_BINARY` for binary data. Unknown charset labels are ignored, as browsers do.
 */
export function decodeBytes(bytes: Uint8Array, context: DecodeContext): string {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const text = decodeBuffer(buffer, context)
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n')
}

function decodeBuffer(buffer: Buffer, context: DecodeContext): string {
  const bom = encodingFromBom(buffer)
  if (bom !== null) return iconv.decode(buffer, bom.encoding, { stripBOM: true })
  const utf16 = utf16WithoutBom(buffer)
  if (utf16 !== null) return iconv.decode(buffer, utf16)
  if (looksBinary(buffer)) {
    const kind = binaryKind(buffer)
    const message =
      kind === null
        ? 'looks like binary data, not text'
        : `looks like ${kind}, not text; convert it to text or HTML first`
    throw new AppError('INPUT_BINARY', message, { subject: context.subject })
  }
  const declared =
    mediaTypeCharset(context.mediaType) ?? (context.html ? htmlMetaCharset(buffer) : null)
  // A label iconv does not know is ignored, as browsers do; utf-8 is verified below, not trusted.
  if (declared !== null && iconv.encodingExists(declared) && !/^utf-?8$/.test(declared)) {
    return iconv.decode(buffer, latin1AsWindows1252(declared))
  }
  const utf8 = tryUtf8(buffer)
  if (utf8 !== null) return utf8
  const guess = chardet.detect(buffer)
  const encoding =
    guess !== null && iconv.encodingExists(guess) && !/^utf/i.test(guess) ? guess : 'windows-1252'
  return iconv.decode(buffer, latin1AsWindows1252(encoding))
}

function encodingFromBom(buffer: Buffer): { encoding: string } | null {
  if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) return { encoding: 'utf8' }
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return { encoding: 'utf16le' }
  if (buffer[0] === 0xfe && buffer[1] === 0xff) return { encoding: 'utf16be' }
  return null
}

/** UTF-16 text without a BOM: mostly-ASCII text has a NUL in nearly every other byte. */
function utf16WithoutBom(buffer: Buffer): string | null {
  const sample = buffer.subarray(0, 4096 - (Math.min(buffer.length, 4096) % 2))
  if (sample.length < 4) return null
  let evenZeros = 0
  let oddZeros = 0
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] === 0) {
      if (i % 2 === 0) evenZeros++
      else oddZeros++
    }
  }
  const half = sample.length / 2
  if (oddZeros > half * 0.6 && evenZeros < half * 0.05) return 'utf16le'
  if (evenZeros > half * 0.6 && oddZeros < half * 0.05) return 'utf16be'
  return null
}

/** NUL bytes, or more than 10 % control characters other than tab, newline, form feed, CR. */
function looksBinary(buffer: Buffer): boolean {
  const sample = buffer.subarray(0, 8192)
  let control = 0
  for (const byte of sample) {
    if (byte === 0) return true
    if (
      byte < 0x20 &&
      byte !== 0x09 &&
      byte !== 0x0a &&
      byte !== 0x0c &&
      byte !== 0x0d &&
      byte !== 0x1b
    )
      control++
  }
  return sample.length > 0 && control / sample.length > 0.1
}

// Magic numbers of binary files people feed in by mistake, for a more helpful message.
const MAGIC: readonly (readonly [string, string])[] = [
  ['%PDF-', 'a PDF file'],
  ['PK\x03\x04', 'a ZIP archive (or a DOCX, XLSX or ODT document)'],
  ['\x89PNG', 'a PNG image'],
  ['\xFF\xD8\xFF', 'a JPEG image'],
  ['GIF8', 'a GIF image'],
  ['\x1F\x8B', 'a gzip archive'],
  ['\xD0\xCF\x11\xE0', 'an old Microsoft Office document'],
]

function binaryKind(buffer: Buffer): string | null {
  const head = buffer.subarray(0, 8).toString('latin1')
  return MAGIC.find(([magic]) => head.startsWith(magic))?.[1] ?? null
}

function htmlMetaCharset(buffer: Buffer): string | null {
  const head = buffer.subarray(0, 4096).toString('latin1')
  const match =
    /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head) ??
    /<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)/i.exec(head)
  return match?.[1]?.toLowerCase() ?? null
}

function tryUtf8(buffer: Buffer): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer)
  } catch {
    return null
  }
}

// Pages labelled ISO-8859-1 are nearly always Windows-1252 (browsers treat them so, per WHATWG).
function latin1AsWindows1252(encoding: string): string {
  return /^(iso-?8859-1|latin-?1|us-ascii|ascii)$/i.test(encoding) ? 'windows-1252' : encoding
}
