import { fileURLToPath } from 'node:url'

/**
 * Absolute path of a file under the repository's `data/` folder (lexicons, gazetteers, cue lists).
 * Works from `src/` (tests, tsx) and from `dist/` (the built CLI), which sit at the same depth.
 */
export function dataPath(relative: string): string {
  return fileURLToPath(new URL(`../data/${relative}`, import.meta.url))
}

/** Absolute path of a file under the repository's `models/` folder (trained models). */
export function modelPath(relative: string): string {
  return fileURLToPath(new URL(`../models/${relative}`, import.meta.url))
}
