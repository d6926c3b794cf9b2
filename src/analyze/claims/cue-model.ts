/**
 * @module
 * A binary averaged perceptron that says whether a word outside the cue lexicon is the head of an
 * attribution cue ("urges", "conceded"), from the word and its neighbours. Trained by
 * `npm run train:attribution` on PolNeAR train; weights in models/attribution/cue-perceptron.json.
 * The same feature function serves training and the stage.
 */
import { existsSync, readFileSync } from 'node:fs'
import { modelPath } from '../../data-path.js'
import type { Word } from './words.js'

export interface CueModel {
  readonly format: 'claimgraph/cue-perceptron@1'
  /** Score above which a word is taken as a cue (tuned on dev). */
  readonly threshold: number
  readonly bias: number
  readonly weights: Readonly<Record<string, number>>
}

const PRONOUNS = new Set(['he', 'she', 'they', 'we', 'i', 'it', 'who', 'which'])

/** Feature names of word i (lowercase letters, digits and a few marks only). */
export function cueFeatures(words: readonly Word[], i: number): string[] {
  const w = words[i] as Word
  const prev = words[i - 1]
  const next = words[i + 1]
  const next2 = words[i + 2]
  const shape = (x: Word | undefined): string =>
    x === undefined
      ? 'none'
      : !x.isWord
        ? `p${x.lower}`
        : PRONOUNS.has(x.lower)
          ? 'pron'
          : x.upper
            ? 'cap'
            : 'low'
  return [
    `w=${w.lower}`,
    `s3=${w.lower.slice(-3)}`,
    `s2=${w.lower.slice(-2)}`,
    `p=${prev?.lower ?? '^'}`,
    `n=${next?.lower ?? '$'}`,
    `ps=${shape(prev)}`,
    `ns=${shape(next)}`,
    `n2=${next2?.lower ?? '$'}`,
    `ps+ns=${shape(prev)}|${shape(next)}`,
    `w+n=${w.lower}|${next?.lower ?? '$'}`,
    `p+w=${prev?.lower ?? '^'}|${w.lower}`,
    `s3+n=${w.lower.slice(-3)}|${next?.lower ?? '$'}`,
    `ps+s2=${shape(prev)}|${w.lower.slice(-2)}`,
    `ps+s2+ns=${shape(prev)}|${w.lower.slice(-2)}|${shape(next)}`,
    `p2=${words[i - 2]?.lower ?? '^'}`,
    `ns+n2s=${shape(next)}|${shape(next2)}`,
  ]
}

const gates = new WeakMap<CueModel, Set<string>>()

/**
 * Whether a word can score above the threshold at all: only words whose own or suffix weight is
 * positive are scored (a cheap gate on the hot path; the others would need many context votes).
 */
export function mayBeCue(model: CueModel, lower: string): boolean {
  let gate = gates.get(model)
  if (gate === undefined) {
    gate = new Set()
    for (const [f, w] of Object.entries(model.weights)) {
      if (w > 0 && (f.startsWith('w=') || f.startsWith('s3='))) gate.add(f)
    }
    gates.set(model, gate)
  }
  return gate.has(`w=${lower}`) || gate.has(`s3=${lower.slice(-3)}`)
}

export function scoreCue(model: CueModel, features: readonly string[]): number {
  let score = model.bias
  for (const f of features) score += model.weights[f] ?? 0
  return score
}

let cached: CueModel | null | undefined

/** The trained model, or null before `npm run train:attribution` has written it. */
export function cueModel(path = modelPath('attribution/cue-perceptron.json')): CueModel | null {
  if (cached !== undefined) return cached
  cached = existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as CueModel) : null
  if (cached !== null && cached.format !== 'claimgraph/cue-perceptron@1') cached = null
  return cached
}
