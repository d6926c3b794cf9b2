/**
 * @module
 * A binary averaged perceptron that says whether a word outside the cue lexicon is the head of an
 * attribution cue ("urges", "conceded", "unleashed"). It is asked only where the rules would take
 * a cue: a lower-case word after a speaker phrase that opens a clause ("Trump [has] unleashed
 * …"), so it learns which verbs, after which subjects and before which objects, PolNeAR counts as
 * attributions. Trained by `npm run train:attribution` on PolNeAR train; weights in
 * models/attribution/cue-perceptron.json. The same feature function serves training and the stage.
 */
import { modelPath } from '../../data-path.js'
import { readPerceptron, weightTable } from './perceptron-file.js'
import type { Word } from './words.js'

export interface CueModel {
  readonly format: 'claimgraph/cue-perceptron@2'
  /** Score above which a word is taken as a cue (tuned on dev). */
  readonly threshold: number
  readonly bias: number
  readonly weights: Readonly<Record<string, number>>
}

const PRONOUNS = new Set(['he', 'she', 'they', 'we', 'i', 'it', 'who', 'which', 'you'])

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

const bucket = (n: number): string => (n <= 2 ? `${n}` : n <= 4 ? '3-4' : n <= 8 ? '5-8' : '9+')

/**
 * Feature names of candidate cue words[i] whose speaker phrase is words[speakerFirst..speakerLast]
 * and whose cue starts at words[cueFirst] (auxiliaries and adverbs before the head: "has also").
 */
export function cueFeatures(
  words: readonly Word[],
  i: number,
  speakerFirst: number,
  speakerLast: number,
  cueFirst: number,
): string[] {
  const w = words[i] as Word
  const prev = words[i - 1]
  const next = words[i + 1]
  const next2 = words[i + 2]
  const head = words[speakerLast] as Word
  const sp = shape(head)
  const spw = head.upper ? 'CAP' : head.lower
  const aux = cueFirst < i ? (words[cueFirst] as Word).lower : '-'
  const s2 = w.lower.slice(-2)
  const s3 = w.lower.slice(-3)
  const nl = next?.lower ?? '$'
  return [
    `w=${w.lower}`,
    `s3=${s3}`,
    `s2=${s2}`,
    `p=${prev?.lower ?? '^'}`,
    `n=${nl}`,
    `n2=${next2?.lower ?? '$'}`,
    `ns=${shape(next)}`,
    `ns+n2s=${shape(next)}|${shape(next2)}`,
    `w+n=${w.lower}|${nl}`,
    `s3+n=${s3}|${nl}`,
    `s2+ns=${s2}|${shape(next)}`,
    `sp=${sp}`,
    `spw=${spw}`,
    `splen=${bucket(speakerLast - speakerFirst + 1)}`,
    `sp+s2=${sp}|${s2}`,
    `sp+w=${sp}|${w.lower}`,
    `spw+w=${spw}|${w.lower}`,
    `aux=${aux}`,
    `aux+s2=${aux}|${s2}`,
    `aux+w=${aux}|${w.lower}`,
    `gap=${bucket(i - speakerLast)}`,
    `first=${speakerFirst === 0 ? 'yes' : (words[speakerFirst - 1] as Word).lower}`,
  ]
}

const gates = new WeakMap<CueModel, Set<string>>()

/**
 * Whether a word can score above the threshold at all: only words whose own weight is positive
 * are scored (a cheap gate on the hot path; the others would need many context votes).
 */
export function mayBeCue(model: CueModel, lower: string): boolean {
  let gate = gates.get(model)
  if (gate === undefined) {
    gate = new Set()
    for (const [f, w] of Object.entries(model.weights)) {
      if (w > 0 && f.startsWith('w=')) gate.add(f.slice(2))
    }
    gates.set(model, gate)
  }
  return gate.has(lower)
}

const patterns = new WeakMap<CueModel, RegExp>()
/**
 * Own weight from which a word opens a sentence without a lexicon cue: on dev, 2.5 keeps the
 * F1 of every positive weight (0) and reads fewer sentences; 3 costs 0.1 point.
 */
const PATTERN_WEIGHT = 2.5

/**
 * The words with a positive weight of their own, as one pattern: a sentence without any of them
 * and without a lexicon cue is not read at all (a cheap pre-test).
 */
export function cueWordPattern(model: CueModel): RegExp {
  let pattern = patterns.get(model)
  if (pattern === undefined) {
    const words = Object.entries(model.weights)
      .filter(([f, w]) => w >= PATTERN_WEIGHT && f.startsWith('w='))
      .map(([f]) => f.slice(2).replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .sort((a, b) => b.length - a.length)
    // No such word: a pattern that matches nothing (an empty alternation would match everything).
    pattern = words.length === 0 ? /(?!)/ : new RegExp(`\\b(?:${words.join('|')})\\b`)
    patterns.set(model, pattern)
  }
  return pattern
}

export function scoreCue(model: CueModel, features: readonly string[]): number {
  const weights = weightTable(model)
  let score = model.bias
  for (const f of features) score += weights.get(f) ?? 0
  return score
}

/** The trained model, or null before `npm run train:attribution` has written it. */
export function cueModel(path = modelPath('attribution/cue-perceptron.json')): CueModel | null {
  return readPerceptron<CueModel>(path, 'claimgraph/cue-perceptron@2')
}
