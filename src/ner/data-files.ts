/**
 * @module
 * Readers for the line-oriented data files under `data/entities/` (comments start with `#`).
 */
import { readFileSync } from 'node:fs'
import { dataPath } from '../data-path.js'

/** Non-empty, non-comment lines of `data/<relative>`. */
export function dataLines(relative: string): string[] {
  const text = readFileSync(dataPath(relative), 'utf8')
  const lines: string[] = []
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '')
    if (line.trim() === '' || line.startsWith('#')) continue
    lines.push(line)
  }
  return lines
}

/** Tab-separated rows of `data/<relative>` (empty trailing cells kept as ''). */
export function dataRows(relative: string): string[][] {
  return dataLines(relative).map((line) => line.split('\t').map((cell) => cell.trim()))
}
