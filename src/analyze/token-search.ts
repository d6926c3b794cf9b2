import type { Tokens } from './stage.js'

/** Index of the first token that starts at or after `offset` (`tokens.count` if none). */
export function tokenAtOrAfter(tokens: Tokens, offset: number): number {
  let low = 0
  let high = tokens.count
  const starts = tokens.starts
  while (low < high) {
    const mid = (low + high) >>> 1
    if (starts[mid]! < offset) low = mid + 1
    else high = mid
  }
  return low
}

/** Index after the last token that ends at or before `offset`. */
export function tokenEndingBy(tokens: Tokens, offset: number): number {
  let low = 0
  let high = tokens.count
  const ends = tokens.ends
  while (low < high) {
    const mid = (low + high) >>> 1
    if (ends[mid]! <= offset) low = mid + 1
    else high = mid
  }
  return low
}
