/**
 * @module
 * Where a speaker phrase before its cue starts: the rules find a phrase ("state officials"), and
 * a perceptron ranks the other words it could start at, up to 20 words to the left or inside it
 * ("Federal and state officials", "A 2014 study by …", "experts" for "20 million experts").
 * Trained by `npm run train:attribution` on PolNeAR train (gold sources that end where the rules'
 * phrase ends); weights in models/attribution/source-perceptron.json. The same candidate and
 * feature functions serve training and the stage.
 */
import { modelPath } from '../../data-path.js'
import {
  countBucket,
  hasBar,
  punctShape,
  readPerceptron,
  splitWeightTable,
  weight1,
  weight2,
  weight3,
  weightTable,
  type WeightTrie,
} from './perceptron-file.js'
import { isVerbLike, type Word } from './words.js'

export interface SourceModel {
  readonly format: 'claimgraph/source-perceptron@1'
  /** How much better than the rules' start a candidate must score to replace it (tuned on dev). */
  readonly margin: number
  readonly weights: Readonly<Record<string, number>>
}

/** How far left of the rules' start a candidate may be. */
const REACH = 6
/** How far into the rules' phrase a candidate may be. */
const INSIDE = 3
const BARRIERS = new Set(['“', '”', '"', '‘', ';', ':', '(', ')', '.', '?', '!'])
const PRONOUNS = new Set(['he', 'she', 'they', 'we', 'i', 'it', 'who', 'which', 'you'])

/** Whether a string starts with an ASCII digit (`/^\d/`, without a regular expression). */
const startsWithDigit = (s: string): boolean => {
  const c = s.charCodeAt(0)
  return c >= 48 && c <= 57
}

const shape = (x: Word | undefined): string =>
  x === undefined
    ? '^'
    : !x.isWord
      ? `p${x.lower}`
      : PRONOUNS.has(x.lower)
        ? 'pron'
        : startsWithDigit(x.lower)
          ? 'num'
          : x.upper
            ? 'cap'
            : 'low'

const bucket = (n: number): string => (n <= 2 ? `${n}` : n <= 4 ? '3-4' : n <= 8 ? '5-8' : '9+')

/** Candidate starts of a speaker phrase that ends at `last` and that the rules start at `first`. */
export function sourceCandidates(words: readonly Word[], first: number, last: number): number[] {
  const out: number[] = []
  // "The army withdrew and local officials said": past "and", a verb ends the phrase (two
  // clauses, not two nouns as in "Federal and state officials"); "Elected and appointed
  // officials" may still start at the verb-like word itself.
  const afterAnd = words[first - 1]?.lower === 'and'
  for (let k = first - 1; k >= 0 && first - k <= REACH; k--) {
    const w = words[k] as Word
    if (BARRIERS.has(w.lower)) break
    if (w.isWord) out.push(k)
    if (afterAnd && k < first - 1 && isVerbLike(w)) break
  }
  out.reverse()
  for (let k = first; k <= last && k - first <= INSIDE; k++) {
    const w = words[k] as Word
    if (w.isWord && (k === first || !BARRIERS.has(words[k - 1]?.lower ?? ''))) out.push(k)
  }
  return out
}

/** Features of starting the phrase at words[k] rather than at the rules' words[first]. */
export function sourceFeatures(words: readonly Word[], k: number, first: number): string[] {
  const w = words[k] as Word
  const p = words[k - 1]
  const rel = k < first ? 'L' : k === first ? 'S' : 'R'
  const pl = p?.lower ?? '^'
  const out = [
    `rel+d=${rel}|${bucket(Math.abs(k - first))}`,
    `w=${rel}|${w.lower}`,
    `p=${rel}|${pl}`,
    `p+ws=${rel}|${pl}|${shape(w)}`,
  ]
  if (k < first) {
    const link = words[first - 1] as Word
    out.push(`link+w=${link.lower}|${w.lower}`, `link+ws=${link.lower}|${shape(w)}`)
  } else if (k > first) {
    const dropped = words[first] as Word
    out.push(`drop=${dropped.lower}`, `drop+ws=${shape(dropped)}|${shape(w)}`)
  }
  return out
}

export function scoreSource(model: SourceModel, features: readonly string[]): number {
  const t = weightTable(model)
  let score = 0
  for (const f of features) score += t.get(f) ?? 0
  return score
}

/** The templates of `sourceFeatures` with their number of parts, in `sourceScore`'s order. */
const TEMPLATES: readonly (readonly [string, number])[] = [
  ['rel+d', 2],
  ['w', 2],
  ['p', 2],
  ['p+ws', 3],
  ['link+w', 2],
  ['link+ws', 2],
  ['drop', 1],
  ['drop+ws', 2],
]

/** `shape` of a word, without building a new string for a punctuation mark. */
function shapeOf(x: Word): string {
  return x.isWord ? shape(x) : punctShape(x.lower)
}

/**
 * `scoreSource(model, sourceFeatures(words, k, first))`, the same sum in the same order, without
 * building the feature strings.
 */
export function sourceScore(
  model: SourceModel,
  words: readonly Word[],
  k: number,
  first: number,
): number {
  const w = words[k] as Word
  const p = words[k - 1]
  const link = k < first ? words[first - 1] : undefined
  const dropped = k > first ? words[first] : undefined
  // A part holding "|" could be read two ways in a feature string: the strings decide.
  if (hasBar(w) || hasBar(p) || hasBar(link) || hasBar(dropped))
    return scoreSource(model, sourceFeatures(words, k, first))
  const t = splitWeightTable(model, TEMPLATES)
  const rel = k < first ? 'L' : k === first ? 'S' : 'R'
  const pl = p?.lower ?? '^'
  const d = Math.abs(k - first)
  const ws = shapeOf(w)
  let score = 0
  score += weight2(t[0] as WeightTrie, rel, countBucket(d, bucket))
  score += weight2(t[1] as WeightTrie, rel, w.lower)
  score += weight2(t[2] as WeightTrie, rel, pl)
  score += weight3(t[3] as WeightTrie, rel, pl, ws)
  if (link !== undefined) {
    score += weight2(t[4] as WeightTrie, link.lower, w.lower)
    score += weight2(t[5] as WeightTrie, link.lower, ws)
  } else if (dropped !== undefined) {
    score += weight1(t[6] as WeightTrie, dropped.lower)
    score += weight2(t[7] as WeightTrie, shapeOf(dropped), ws)
  }
  return score
}

/** The start the model prefers over the rules' `first` by at least its margin, or `first`. */
export function sourceStart(
  model: SourceModel,
  words: readonly Word[],
  first: number,
  last: number,
): number {
  const base = sourceScore(model, words, first, first)
  let best = first
  let bestScore = base + model.margin
  for (const k of sourceCandidates(words, first, last)) {
    if (k === first) continue
    const s = sourceScore(model, words, k, first)
    if (s > bestScore) {
      best = k
      bestScore = s
    }
  }
  return best
}

/** The default path, made once: the stage asks for the model for every document. */
const SOURCE_MODEL_PATH = modelPath('attribution/source-perceptron.json')

/** The trained model, or null before `npm run train:attribution` has written it. */
export function sourceModel(path = SOURCE_MODEL_PATH): SourceModel | null {
  return readPerceptron<SourceModel>(path, 'claimgraph/source-perceptron@1')
}
