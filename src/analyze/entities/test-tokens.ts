/**
 * @module
 * A tiny tokenizer for this folder's tests only (the real one is the `tokens` stage): words keep
 * inner hyphens, apostrophes and dots ("al-Qaeda", "O'Brien", "U.S."), "'s" splits off, other
 * characters are punctuation; a sentence ends after . ! ? before a space, or at a newline.
 */
import type { Tokens } from '../stage.js'

const TOKEN =
  /(?:\p{L}\.){2,}|\p{L}[\p{L}\p{N}]*(?:[-'’.][\p{L}\p{N}]+)*(?=['’]s\b)|['’]s\b|[\p{L}\p{N}]+(?:[-'’.,][\p{L}\p{N}]+)*|\S/gu

/** Tokens of `text` with sentence indices. */
export function testTokens(text: string): Tokens {
  const starts: number[] = []
  const ends: number[] = []
  const sentence: number[] = []
  let s = 0
  let lastEnd = 0
  for (const m of text.matchAll(TOKEN)) {
    const start = m.index
    if (starts.length > 0 && text.slice(lastEnd, start).includes('\n')) s++
    starts.push(start)
    ends.push(start + m[0].length)
    sentence.push(s)
    lastEnd = start + m[0].length
    if (/^[.!?]$/.test(m[0])) s++
  }
  // Renumber so that sentence ids are dense even when a "." ended the text.
  return {
    count: starts.length,
    starts: Uint32Array.from(starts),
    ends: Uint32Array.from(ends),
    sentence: Uint32Array.from(sentence),
  }
}
