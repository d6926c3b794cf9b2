/**
 * @module
 * Where the cue perceptron is asked: a lower-case word outside the cue lexicon after a speaker
 * phrase that opens a clause, as the rules would read it ("The senator has also pledged …"). The
 * same function picks the training candidates (scripts/train-attribution.ts) and the stage's.
 */
import type { ClaimsLexicon } from './lexicon.js'
import { leftOfCue, opensClause, speakerLeftSpan } from './phrases.js'
import { DETERMINERS, PREDETERMINERS, type Word } from './words.js'

export interface CueCandidate {
  readonly speakerFirst: number
  readonly speakerLast: number
  readonly cueFirst: number
}

const NOT_AFTER = new Set(['to', 'of', 'the', 'a', 'an'])

/** Whether words[i] can be a learned cue head at all (cheap checks only). */
export function isCueShaped(words: readonly Word[], i: number, lexicon: ClaimsLexicon): boolean {
  const w = words[i] as Word
  if (!w.isWord || w.upper || w.lower.length < 3 || lexicon.cues.has(w.lower)) return false
  const before = words[i - 1]
  return (
    before !== undefined &&
    !NOT_AFTER.has(before.lower) &&
    !(DETERMINERS.has(before.lower) && !PREDETERMINERS.has(before.lower))
  )
}

/** The speaker and cue start of candidate words[i], or null when no speaker opens a clause. */
export function cueCandidate(
  words: readonly Word[],
  i: number,
  lexicon: ClaimsLexicon,
): CueCandidate | null {
  const left = leftOfCue(words, i)
  if (left.last < 0 || left.passive) return null
  const [speakerFirst, speakerLast] = speakerLeftSpan(words, left.last, lexicon)
  if (speakerFirst < 0 || !opensClause(words, speakerFirst)) return null
  return { speakerFirst, speakerLast, cueFirst: left.cueFirst }
}
