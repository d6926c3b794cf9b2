/**
 * @module
 * Direct quotations in a whole text, in any quote style: “…”, "…", «…», ‘…’, „…“, and
 * block quotes that run over several paragraphs (each paragraph reopens, only the last closes).
 */
import type { Span } from '../../model/document.js'

export interface Quote extends Span {
  /** Inside the quote marks. */
  readonly innerStart: number
  readonly innerEnd: number
}

const CLOSERS: Readonly<Record<string, string>> = {
  '“': '”',
  '„': '“',
  '«': '»',
  '‹': '›',
  '‘': '’',
  '"': '"',
  '”': '”',
  "''": "''",
}

const isLetterOrDigit = (ch: string | undefined): boolean =>
  ch !== undefined && /[\p{L}\p{N}]/u.test(ch)

/** Whether the quote character at i can open a quotation. */
function canOpen(text: string, i: number): boolean {
  const ch = text.startsWith("''", i) ? "''" : (text[i] ?? '')
  const prev = text[i - 1]
  const next = text[i + ch.length]
  if (next === undefined || /\s/.test(next)) return false
  // Apostrophes and straight quotes inside words ("don't", "5'10") never open.
  if ((ch === '‘' || ch === '"' || ch === '”' || ch === "''") && isLetterOrDigit(prev)) return false
  // ”…” pairs (some sites use the right quote on both sides) only open after a space.
  if (ch === '”') return prev === undefined || /[\s([—–-]/.test(prev)
  return true
}

/** Whether the character at j closes a quote opened with `open`. */
function canClose(text: string, j: number, open: string): boolean {
  if (open === "''")
    return text.startsWith("''", j) && !isLetterOrDigit(text[j + 2]) && text[j - 1] !== ' '
  const ch = text[j]
  if (ch !== CLOSERS[open]) return false
  const next = text[j + 1]
  // An apostrophe ’ inside a word ("don’t") is not a closing single quote.
  if (ch === '’' && isLetterOrDigit(next)) return false
  if (ch === '"' || ch === '”') return !isLetterOrDigit(next) || open === '„'
  return true
}

/** Find quotations, in text order, never overlapping. */
export function findQuotes(text: string): Quote[] {
  const quotes: Quote[] = []
  const openers = /''|[“„«‹‘"”]/g
  let match: RegExpExecArray | null
  while ((match = openers.exec(text)) !== null) {
    const i = match.index
    const open = match[0]
    if (!canOpen(text, i)) continue
    let j = i + open.length
    let end = -1
    // Only a quote's own closing mark can close it: other characters skip `canClose` (hot loop).
    const closer = open === "''" ? "'" : (CLOSERS[open] as string)
    while (j < text.length) {
      const ch = text[j]
      if (ch !== closer && ch !== '\n') {
        j++
        continue
      }
      if (ch === '\n') {
        // Block quote: the next paragraph reopens with the same mark and goes on.
        let k = j
        while (k < text.length && /\s/.test(text[k] ?? '')) k++
        if (
          text.startsWith(open, k) &&
          open !== '"' &&
          lastNonSpace(text, j) !== CLOSERS[open]?.slice(-1)
        ) {
          j = k + open.length
          continue
        }
        if (text[k] === open && open === '"' && !isClosedBefore(text, i + 1, j)) {
          j = k + 1
          continue
        }
        break
      }
      if (canClose(text, j, open)) {
        end = j + open.length
        break
      }
      j++
    }
    if (end < 0) continue
    if (end - i < 3) continue
    quotes.push({ start: i, end, innerStart: i + open.length, innerEnd: end - open.length })
    openers.lastIndex = end
  }
  return quotes
}

function lastNonSpace(text: string, before: number): string | undefined {
  let k = before - 1
  while (k >= 0 && /\s/.test(text[k] ?? '')) k--
  return text[k]
}

/** A straight-quote paragraph that already has an even number of marks is closed. */
function isClosedBefore(text: string, from: number, to: number): boolean {
  let count = 0
  for (let k = from; k < to; k++) if (text[k] === '"') count++
  return count % 2 === 1
}
