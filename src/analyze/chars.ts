/**
 * @module
 * Character classes over UTF-16 code units, shared by the splitter and the tokenizer. ASCII is a
 * lookup table; other BMP characters are classified once with Unicode property regexes and cached,
 * so the hot loops never build strings.
 */

const WORD = 1
const UPPER = 2
const LOWER = 4
const DIGIT = 8
const SPACE = 16

/** Class bits per BMP code unit; bit 128 marks "already classified". */
const classes = new Uint8Array(65536)
const KNOWN = 128

const reLetterOrMark = /[\p{L}\p{M}\p{N}]/u
const reUpper = /\p{Lu}|\p{Lt}/u
const reLower = /\p{Ll}/u
const reDigit = /\p{Nd}/u
const reSpace = /\s/u

function classify(code: number): number {
  const char = String.fromCharCode(code)
  let bits = KNOWN
  if (reLetterOrMark.test(char)) bits |= WORD
  if (reUpper.test(char)) bits |= UPPER
  if (reLower.test(char)) bits |= LOWER
  if (reDigit.test(char)) bits |= DIGIT
  if (reSpace.test(char)) bits |= SPACE
  // Surrogates are classified by the caller (astral letters are rare; treated as symbols).
  return bits
}

for (let code = 0; code < 128; code++) classes[code] = classify(code)
// Zero-width joiner / non-joiner and soft hyphen stay inside words.
classes[0x200c] = KNOWN | WORD
classes[0x200d] = KNOWN | WORD
classes[0x00ad] = KNOWN | WORD

function bits(code: number): number {
  let value = classes[code]!
  if (value === 0) {
    value = classify(code)
    classes[code] = value
  }
  return value
}

/** Letter, mark or digit (any script). */
export function isWordChar(code: number): boolean {
  return (bits(code) & WORD) !== 0
}

export function isUpper(code: number): boolean {
  return (bits(code) & UPPER) !== 0
}

export function isLower(code: number): boolean {
  return (bits(code) & LOWER) !== 0
}

/** Decimal digit (any script). */
export function isDigit(code: number): boolean {
  return (bits(code) & DIGIT) !== 0
}

/** ASCII digit 0-9 only (numbers we can parse). */
export function isAsciiDigit(code: number): boolean {
  return code >= 48 && code <= 57
}

/** Any white space, including newlines and no-break spaces. */
export function isSpace(code: number): boolean {
  return (bits(code) & SPACE) !== 0
}

/** A letter (word character that is not a digit). */
export function isLetter(code: number): boolean {
  const value = bits(code)
  return (value & WORD) !== 0 && (value & DIGIT) === 0
}

/** Code units used by name in the scanners. */
export const Char = {
  Tab: 9,
  Newline: 10,
  Return: 13,
  Space: 32,
  Bang: 33,
  Quote: 34,
  Hash: 35,
  Dollar: 36,
  Percent: 37,
  Apostrophe: 39,
  OpenParen: 40,
  CloseParen: 41,
  Star: 42,
  Comma: 44,
  Hyphen: 45,
  Dot: 46,
  Slash: 47,
  Colon: 58,
  Semicolon: 59,
  Question: 63,
  At: 64,
  OpenBracket: 91,
  CloseBracket: 93,
  Underscore: 95,
  OpenBrace: 123,
  CloseBrace: 125,
  Ellipsis: 0x2026,
  LeftSingle: 0x2018,
  RightSingle: 0x2019,
  LeftDouble: 0x201c,
  RightDouble: 0x201d,
  Bullet: 0x2022,
  EnDash: 0x2013,
  EmDash: 0x2014,
  Guillemet: 0xbb,
  OpenGuillemet: 0xab,
  Interrobang: 0x203d,
} as const

/** `.`, `!`, `?`, `…`, `‽`: characters that can end a sentence. */
export function isTerminal(code: number): boolean {
  return (
    code === Char.Dot ||
    code === Char.Bang ||
    code === Char.Question ||
    code === Char.Ellipsis ||
    code === Char.Interrobang
  )
}

/** Characters that may close a sentence after its terminal: quotes and closing brackets. */
export function isCloser(code: number): boolean {
  return (
    code === Char.Quote ||
    code === Char.Apostrophe ||
    code === Char.RightDouble ||
    code === Char.RightSingle ||
    code === Char.Guillemet ||
    code === Char.CloseParen ||
    code === Char.CloseBracket
  )
}

/** Opening quotes and brackets (a sentence may start with one). */
export function isOpener(code: number): boolean {
  return (
    code === Char.Quote ||
    code === Char.Apostrophe ||
    code === Char.LeftDouble ||
    code === Char.LeftSingle ||
    code === Char.OpenGuillemet ||
    code === Char.OpenParen ||
    code === Char.OpenBracket
  )
}
