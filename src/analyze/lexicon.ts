/**
 * @module
 * Reading the analysis lexicons under `data/analyze/` (word lists and JSON tables). Each stage
 * reads its data once, at module load; nothing is read while analyzing.
 */
import { readFileSync } from 'node:fs'
import { dataPath } from '../data-path.js'

/** Lines of `data/analyze/<name>`, trimmed, without blank lines and `#` comments. */
export function readWordList(name: string): string[] {
  const text = readFileSync(dataPath(`analyze/${name}`), 'utf8')
  const words: string[] = []
  for (const line of text.split('\n')) {
    const word = line.trim()
    if (word !== '' && !word.startsWith('#')) words.push(word)
  }
  return words
}

/** A lowercased word set from `data/analyze/<name>`. */
export function readWordSet(name: string): ReadonlySet<string> {
  return new Set(readWordList(name).map((word) => word.toLowerCase()))
}

/** The parsed JSON of `data/analyze/<name>` (shape checked by the caller's type). */
export function readJson<T>(name: string): T {
  return JSON.parse(readFileSync(dataPath(`analyze/${name}`), 'utf8')) as T
}
