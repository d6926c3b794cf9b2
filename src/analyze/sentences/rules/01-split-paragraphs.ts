import { Char, isSpace } from '../../chars.js'

/**
 * Split `[start, end)` at blank lines (a newline, optional spaces, another newline): a paragraph
 * break always ends a sentence. Calls `onParagraph` for each non-empty paragraph, in order.
 */
export function splitParagraphs(
  text: string,
  start: number,
  end: number,
  onParagraph: (start: number, end: number) => void,
): void {
  let paragraphStart = start
  let i = text.indexOf('\n', start)
  while (i !== -1 && i < end) {
    // Look past spaces after this newline for a second one.
    let j = i + 1
    while (j < end && text.charCodeAt(j) !== Char.Newline && isSpace(text.charCodeAt(j))) j++
    if (j < end && text.charCodeAt(j) === Char.Newline) {
      if (i > paragraphStart) onParagraph(paragraphStart, i)
      // Skip the whole run of blank lines.
      while (j < end && isSpace(text.charCodeAt(j))) j++
      paragraphStart = j
      i = text.indexOf('\n', j)
    } else {
      i = text.indexOf('\n', i + 1)
    }
  }
  if (end > paragraphStart) onParagraph(paragraphStart, end)
}
