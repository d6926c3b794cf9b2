import { Char, isLower, isSpace } from '../../chars.js'
import { listMarkerEnd } from './03-skip-list-markers.js'

/**
 * Split a paragraph at the single line breaks that end a sentence: before and after list items,
 * and after a line without final punctuation (a headline, a dateline) when the next line starts
 * like a sentence. A line break inside running text (the next line starts lowercase, or the line
 * ends with a comma, colon, dash …) joins the lines.
 */
export function splitLines(
  text: string,
  start: number,
  end: number,
  onSegment: (start: number, end: number) => void,
): void {
  let segmentStart = start
  let lineStart = start
  for (;;) {
    let lineEnd = text.indexOf('\n', lineStart)
    if (lineEnd === -1 || lineEnd >= end) break
    const nextStart = lineEnd + 1
    if (endsSentenceAtLineBreak(text, segmentStart, lineStart, lineEnd, nextStart, end)) {
      onSegment(segmentStart, lineEnd)
      segmentStart = nextStart
    }
    lineStart = nextStart
    lineEnd = -1
  }
  onSegment(segmentStart, end)
}

/** The last non-space code unit before `end`, or -1. */
function lastCode(text: string, start: number, end: number): number {
  for (let i = end - 1; i >= start; i--) {
    const code = text.charCodeAt(i)
    if (!isSpace(code)) return code
  }
  return -1
}

function firstNonSpace(text: string, start: number, end: number): number {
  let i = start
  while (i < end && isSpace(text.charCodeAt(i))) i++
  return i
}

/** Characters that announce that the line goes on: `, ; : - – — ( & /`. */
function continuesLine(code: number): boolean {
  return (
    code === Char.Comma ||
    code === Char.Semicolon ||
    code === Char.Colon ||
    code === Char.Hyphen ||
    code === Char.EnDash ||
    code === Char.EmDash ||
    code === Char.OpenParen ||
    code === 38 /* & */ ||
    code === Char.Slash
  )
}

function endsSentenceAtLineBreak(
  text: string,
  segmentStart: number,
  lineStart: number,
  lineEnd: number,
  nextStart: number,
  end: number,
): boolean {
  const next = firstNonSpace(text, nextStart, end)
  if (next >= end) return false
  // A list item starts a new sentence.
  if (listMarkerEnd(text, next, end) !== next) return true
  const nextCode = text.charCodeAt(next)
  const currentIsItem =
    listMarkerEnd(text, firstNonSpace(text, lineStart, lineEnd), lineEnd) !==
    firstNonSpace(text, lineStart, lineEnd)
  // Lowercase on the next line: the sentence wraps (also inside a list item).
  if (isLower(nextCode)) return false
  if (currentIsItem) return true
  const last = lastCode(text, Math.max(segmentStart, lineStart), lineEnd)
  if (last === -1) return false
  if (continuesLine(last)) return false
  // Anything else (a headline, a dateline, a line ending in . ! ? followed by a capital) ends here.
  return true
}
