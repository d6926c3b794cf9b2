import type { Tokens } from './stage.js'

const cache = new WeakMap<Tokens, readonly string[]>()

/**
 * The lowercased text of every token, computed once per token layer and shared by the stages that
 * look words up in lexicons (quantities, dates, events).
 */
export function lowerWords(text: string, tokens: Tokens): readonly string[] {
  const cached = cache.get(tokens)
  if (cached !== undefined) return cached
  const lower = text.toLowerCase()
  // toLowerCase can change the length for a few characters (İ); then slice the original instead.
  const aligned = lower.length === text.length
  const words = new Array<string>(tokens.count)
  for (let i = 0; i < tokens.count; i++) {
    const start = tokens.starts[i]!
    const end = tokens.ends[i]!
    words[i] = aligned ? lower.slice(start, end) : text.slice(start, end).toLowerCase()
  }
  cache.set(tokens, words)
  return words
}
