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
import {
  countBucket,
  hasBar,
  punctShape,
  readPerceptron,
  splitWeightTable,
  weight1,
  weight2,
  weightTable,
  type WeightTrie,
} from './perceptron-file.js'
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
/** The last model's gate: the stage asks about one model over and over (no look-up then). */
let lastGate: { readonly model: CueModel; readonly gate: Set<string> } | null = null

/**
 * Whether a word can score above the threshold at all: only words whose own weight is positive
 * are scored (a cheap gate on the hot path; the others would need many context votes).
 */
export function mayBeCue(model: CueModel, lower: string): boolean {
  if (lastGate?.model === model) return lastGate.gate.has(lower)
  let gate = gates.get(model)
  if (gate === undefined) {
    gate = new Set()
    for (const [f, w] of Object.entries(model.weights)) {
      if (w > 0 && f.startsWith('w=')) gate.add(f.slice(2))
    }
    gates.set(model, gate)
  }
  lastGate = { model, gate }
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

/** The templates of `cueFeatures` with their number of parts, in their order. */
const TEMPLATES: readonly (readonly [string, number])[] = [
  ['w', 1],
  ['s3', 1],
  ['s2', 1],
  ['p', 1],
  ['n', 1],
  ['n2', 1],
  ['ns', 1],
  ['ns+n2s', 2],
  ['w+n', 2],
  ['s3+n', 2],
  ['s2+ns', 2],
  ['sp', 1],
  ['spw', 1],
  ['splen', 1],
  ['sp+s2', 2],
  ['sp+w', 2],
  ['spw+w', 2],
  ['aux', 1],
  ['aux+s2', 2],
  ['aux+w', 2],
  ['gap', 1],
  ['first', 1],
]

/** `shape`, without building a new string for a punctuation mark. */
function shapeOf(x: Word | undefined): string {
  return x === undefined || x.isWord ? shape(x) : punctShape(x.lower)
}

/** `bucket` without building a new string. */
const bucketOf = (n: number): string => countBucket(n, bucket)

/**
 * `scoreCue(model, cueFeatures(words, i, speakerFirst, speakerLast, cueFirst))`, the same sum in
 * the same order, without building the feature strings.
 */
export function cueScore(
  model: CueModel,
  words: readonly Word[],
  i: number,
  speakerFirst: number,
  speakerLast: number,
  cueFirst: number,
): number {
  const w = words[i] as Word
  const next = words[i + 1]
  const next2 = words[i + 2]
  const head = words[speakerLast] as Word
  const auxWord = cueFirst < i ? (words[cueFirst] as Word) : undefined
  // A part holding "|" could be read two ways in a feature string: the strings decide.
  if (hasBar(w) || hasBar(next) || hasBar(next2) || hasBar(head) || hasBar(auxWord))
    return scoreCue(model, cueFeatures(words, i, speakerFirst, speakerLast, cueFirst))
  const t = splitWeightTable(model, TEMPLATES) as readonly WeightTrie[]
  const wl = w.lower
  const sp = shapeOf(head)
  const spw = head.upper ? 'CAP' : head.lower
  const aux = auxWord === undefined ? '-' : auxWord.lower
  const s2 = wl.slice(-2)
  const s3 = wl.slice(-3)
  const nl = next?.lower ?? '$'
  const ns = shapeOf(next)
  let score = model.bias
  score += weight1(t[0]!, wl)
  score += weight1(t[1]!, s3)
  score += weight1(t[2]!, s2)
  score += weight1(t[3]!, words[i - 1]?.lower ?? '^')
  score += weight1(t[4]!, nl)
  score += weight1(t[5]!, next2?.lower ?? '$')
  score += weight1(t[6]!, ns)
  score += weight2(t[7]!, ns, shapeOf(next2))
  score += weight2(t[8]!, wl, nl)
  score += weight2(t[9]!, s3, nl)
  score += weight2(t[10]!, s2, ns)
  score += weight1(t[11]!, sp)
  score += weight1(t[12]!, spw)
  score += weight1(t[13]!, bucketOf(speakerLast - speakerFirst + 1))
  score += weight2(t[14]!, sp, s2)
  score += weight2(t[15]!, sp, wl)
  score += weight2(t[16]!, spw, wl)
  score += weight1(t[17]!, aux)
  score += weight2(t[18]!, aux, s2)
  score += weight2(t[19]!, aux, wl)
  score += weight1(t[20]!, bucketOf(i - speakerLast))
  score += weight1(t[21]!, speakerFirst === 0 ? 'yes' : (words[speakerFirst - 1] as Word).lower)
  return score
}

/** The default path, made once: the stage asks for the model for every document. */
const CUE_MODEL_PATH = modelPath('attribution/cue-perceptron.json')

/** The trained model, or null before `npm run train:attribution` has written it. */
export function cueModel(path = CUE_MODEL_PATH): CueModel | null {
  return readPerceptron<CueModel>(path, 'claimgraph/cue-perceptron@2')
}
