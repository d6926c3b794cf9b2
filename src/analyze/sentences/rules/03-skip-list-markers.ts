import { Char, isAsciiDigit, isLetter, isSpace } from '../../chars.js'

/** Bullet characters that open a list item when a space follows. */
function isBullet(code: number): boolean {
  return (
    code === Char.Hyphen ||
    code === Char.Star ||
    code === Char.Bullet ||
    code === Char.EnDash ||
    code === Char.EmDash ||
    code === 0x00b7 /* · */ ||
    code === 0x2023 /* ‣ */ ||
    code === 0x25aa /* ▪ */ ||
    code === 0x25ba /* ► */ ||
    code === 0x25cb /* ○ */ ||
    code === 0x25e6 /* ◦ */ ||
    code === 0x25cf /* ● */ ||
    code === 0x2043 /* ⁃ */ ||
    code === 43 /* + */
  )
}

/**
 * If a list marker ("- ", "• ", "1. ", "2) ", "a) ") starts at `start`, the position after it and
 * its spaces; otherwise `start`. The marker is not part of the item's sentence.
 */
export function listMarkerEnd(text: string, start: number, end: number): number {
  if (start >= end) return start
  const code = text.charCodeAt(start)
  let i = start
  if (isBullet(code)) {
    i = start + 1
  } else if (isAsciiDigit(code)) {
    // One to three digits, then "." or ")".
    i = start + 1
    while (i < end && i - start < 3 && isAsciiDigit(text.charCodeAt(i))) i++
    if (i >= end) return start
    const after = text.charCodeAt(i)
    if (after !== Char.Dot && after !== Char.CloseParen) return start
    i++
  } else if (isLetter(code) && start + 1 < end && text.charCodeAt(start + 1) === Char.CloseParen) {
    i = start + 2
  } else {
    return start
  }
  // The marker must be followed by a space and then text.
  if (i >= end || !isSpace(text.charCodeAt(i)) || text.charCodeAt(i) === Char.Newline) return start
  while (i < end && isSpace(text.charCodeAt(i))) i++
  return i < end ? i : start
}
