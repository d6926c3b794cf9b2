/**
 * @module
 * The reconcile step's phrase lists (data/reconcile/*.txt), read once.
 */
import { readFileSync } from 'node:fs'
import { dataPath } from '../data-path.js'

const cache = new Map<string, readonly string[]>()

/** The non-empty, non-comment lines of data/reconcile/<name>, lower-cased. */
export function phraseList(name: string): readonly string[] {
  let list = cache.get(name)
  if (list === undefined) {
    list = readFileSync(dataPath(`reconcile/${name}`), 'utf8')
      .split('\n')
      .map((line) => line.trim().toLowerCase())
      .filter((line) => line !== '' && !line.startsWith('#'))
    cache.set(name, list)
  }
  return list
}

const patterns = new Map<string, RegExp>()

/** One case-insensitive pattern matching any phrase of the list as whole words. */
export function phrasePattern(name: string): RegExp {
  let pattern = patterns.get(name)
  if (pattern === undefined) {
    const escaped = phraseList(name)
      .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+'))
      .sort((a, b) => b.length - a.length)
    pattern = new RegExp(`\\b(?:${escaped.join('|')})\\b`, 'i')
    patterns.set(name, pattern)
  }
  return pattern
}
