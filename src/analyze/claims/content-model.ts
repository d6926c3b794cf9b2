/**
 * @module
 * Where an indirect content ends: a binary averaged perceptron asked at each candidate boundary
 * of the content, left to right ("…, but …", "…, which …", "… and …", "— …", "(…"), whether the
 * content stops before it. Trained by `npm run train:attribution` on PolNeAR train (gold contents
 * from their gold start); weights in models/attribution/content-perceptron.json. The same
 * feature function serves training and the stage.
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
import {
  BETWEEN_SPEAKER_AND_CUE,
  closedClass,
  isFiniteVerb,
  isVerbLike,
  type Word,
} from './words.js'

export interface ContentModel {
  readonly format: 'claimgraph/content-perceptron@1'
  /** Score above which the content stops at a boundary (tuned on dev). */
  readonly threshold: number
  readonly bias: number
  readonly weights: Readonly<Record<string, number>>
}

const BOUNDARY_WORDS = new Set([
  ',',
  'and',
  'but',
  '—',
  '–',
  '―',
  '--',
  '-',
  '(',
  'while',
  'as',
  'which',
  'who',
  'in',
  'on',
  'at',
  'during',
  'since',
  'before',
  'after',
  'when',
  'with',
  'for',
  'from',
  'by',
  'because',
  'if',
  'until',
  'amid',
  'over',
  'to',
])

/** Words that make the content so far a clause rather than a noun phrase. */
const CLAUSE_WORDS = new Set([
  'is',
  'was',
  'are',
  'were',
  'be',
  'been',
  'has',
  'have',
  'had',
  'will',
  'would',
  'could',
  'should',
  'can',
  'may',
  'might',
  'must',
  'did',
  'does',
  'do',
  "n't",
  'not',
])

/** Whether the content may stop before words[b]. */
export function isBoundary(words: readonly Word[], b: number): boolean {
  const w = words[b]
  return w !== undefined && BOUNDARY_WORDS.has(w.lower)
}

/** A word's shape for the features: none, a punctuation mark, capitalised or lower case. */
function shape(x: Word | undefined): string {
  return x === undefined ? 'none' : !x.isWord ? `p${x.lower}` : x.upper ? 'cap' : 'low'
}

const bucket = (n: number): string => (n <= 2 ? `${n}` : n <= 5 ? '3-5' : n <= 10 ? '6-10' : '11+')

/**
 * Features of a boundary before words[b] of a content that starts at words[first] and could run to
 * words[last], after the cue `cue` (lower case, last word of the cue).
 */
export function boundaryFeatures(
  words: readonly Word[],
  first: number,
  last: number,
  b: number,
  cue: string,
  /** Whether words[first..b-1] is a clause (`clauseUpTo`), when the caller already knows. */
  known?: 'clause' | 'np',
): string[] {
  const w = words[b] as Word
  const n = words[b + 1]
  const n2 = words[b + 2]
  const p = words[b - 1]
  const start = words[first]?.lower ?? ''
  const nl = n?.lower ?? '$'
  const clause = known ?? (clauseUpTo(words, first, first, b) ? 'clause' : 'np')
  const startShape = start === 'that' || start === 'to' ? start : shape(words[first])
  return [
    `b+clause=${w.lower}|${clause}`,
    `b+clause+len=${w.lower}|${clause}|${bucket(b - first)}`,
    `b+clause+start=${w.lower}|${clause}|${startShape}`,
    `b=${w.lower}`,
    `b+n=${w.lower}|${nl}`,
    `b+ns=${w.lower}|${shape(n)}`,
    `b+n+n2=${w.lower}|${nl}|${n2?.lower ?? '$'}`,
    `b+ns+n2s=${w.lower}|${shape(n)}|${shape(n2)}`,
    `n3=${w.lower}|${nl.slice(-3)}`,
    `p=${p?.lower ?? '^'}`,
    `ps=${shape(p)}`,
    `len=${bucket(b - first)}`,
    `rest=${bucket(last - b)}`,
    `b+len=${w.lower}|${bucket(b - first)}`,
    `start=${start === 'that' ? 'that' : shape(words[first])}`,
    `b+start=${w.lower}|${start === 'that' ? 'that' : shape(words[first])}`,
    `cue=${cue}`,
    `cue+b=${cue}|${w.lower}`,
    `b+ahead=${w.lower}|${ahead(words, b)}`,
  ]
}

/** Words that end a list item after a comma (", Kaldria and …"). */
const LIST_MARKS = closedClass('list-marks')
/** Conjunctions after a comma that `ahead` looks past (", and …", ", but …"). */
const AHEAD_CONJUNCTIONS = closedClass('ahead-conjunctions')
/** Ahead values, made once: a list item of n words; the others, plain and after ", and". */
const ITEM_AHEAD = ['item0', 'item1', 'item2', 'item3', 'item4', 'item5']
const AHEAD = {
  plain: { vp: 'vp', clause: 'clause', mark: 'mark', end: 'end', long: 'long' },
  conj: { vp: 'c-vp', clause: 'c-clause', mark: 'c-mark', end: 'c-end', long: 'c-long' },
} as const

/**
 * What the words after a boundary words[b] look like, up to the sentence's end (after ", and"
 * the words after the conjunction, as "c-…"): "vp" when a verb opens them, after auxiliaries or
 * adverbs ("…, and pledged …", "… but would …"), "clause" when a verb follows within five words
 * ("…, but the Velenor plan failed"), "item1"–"item5" when a list mark follows first ("…, Kaldria
 * and Velenor": a list goes on), "mark" at another punctuation mark, "end" when the sentence ends
 * first and "long" otherwise. The sentence's end, not the content's limit: the training reads
 * whole sentences.
 */
function ahead(words: readonly Word[], b: number): string {
  const last = words.length - 1
  let n = b + 1
  let kinds: (typeof AHEAD)['plain' | 'conj'] = AHEAD.plain
  if (words[b]?.lower === ',' && AHEAD_CONJUNCTIONS.has(words[n]?.lower ?? '')) {
    n++
    kinds = AHEAD.conj
  }
  let k = n
  while (k <= last && k < n + 3 && BETWEEN_SPEAKER_AND_CUE.has(words[k]?.lower ?? '')) k++
  const head = words[k]
  if (
    k <= last &&
    head !== undefined &&
    ((k > n && isFiniteVerb(words[n] as Word)) || isVerbLike(head))
  )
    return kinds.vp
  for (let c = n; c <= last && c <= n + 5; c++) {
    const x = words[c] as Word
    if (c > n && LIST_MARKS.has(x.lower))
      return kinds === AHEAD.plain ? (ITEM_AHEAD[c - n] as string) : kinds.mark
    if (!x.isWord) return kinds.mark
    if (c > n && isVerbLike(x)) return kinds.clause
  }
  return n + 5 >= last ? kinds.end : kinds.long
}

/** Whether a word of words[from..b-1] makes a content starting at `first` a clause. */
function clauseUpTo(words: readonly Word[], first: number, from: number, b: number): boolean {
  for (let k = from; k < b; k++) {
    const x = words[k] as Word
    if (CLAUSE_WORDS.has(x.lower) || (k > first && x.lower.endsWith('ed'))) return true
  }
  return false
}

export function scoreBoundary(model: ContentModel, features: readonly string[]): number {
  const weights = weightTable(model)
  let score = model.bias
  for (const f of features) score += weights.get(f) ?? 0
  return score
}

/** The templates of `boundaryFeatures` with their number of parts, in their order. */
const TEMPLATES: readonly (readonly [string, number])[] = [
  ['b+clause', 2],
  ['b+clause+len', 3],
  ['b+clause+start', 3],
  ['b', 1],
  ['b+n', 2],
  ['b+ns', 2],
  ['b+n+n2', 3],
  ['b+ns+n2s', 3],
  ['n3', 2],
  ['p', 1],
  ['ps', 1],
  ['len', 1],
  ['rest', 1],
  ['b+len', 2],
  ['start', 1],
  ['b+start', 2],
  ['cue', 1],
  ['cue+b', 2],
  ['b+ahead', 2],
]

/** `shape` without building a new string for a punctuation mark. */
function shapeOf(x: Word | undefined): string {
  if (x === undefined) return 'none'
  return x.isWord ? (x.upper ? 'cap' : 'low') : punctShape(x.lower)
}

/** `bucket` without building a new string. */
const bucketOf = (n: number): string => countBucket(n, bucket)

/**
 * `scoreBoundary(model, boundaryFeatures(words, first, last, b, cue, clause))`, the same sum in
 * the same order, without building the feature strings. words[b] must be a boundary word.
 */
export function boundaryScore(
  model: ContentModel,
  words: readonly Word[],
  first: number,
  last: number,
  b: number,
  cue: string,
  clause: 'clause' | 'np',
): number {
  const n = words[b + 1]
  const n2 = words[b + 2]
  const p = words[b - 1]
  const head = words[first]
  // A part holding "|" could be read two ways in a feature string: the strings decide.
  if (hasBar(n) || hasBar(n2) || hasBar(p) || hasBar(head) || cue.includes('|'))
    return scoreBoundary(model, boundaryFeatures(words, first, last, b, cue, clause))
  const t = splitWeightTable(model, TEMPLATES)
  const wl = (words[b] as Word).lower
  // The templates that open with the boundary word, past that word: one look-up for all.
  const g = byBoundaryWord(model, t).get(wl)
  if (g === undefined)
    return scoreBoundary(model, boundaryFeatures(words, first, last, b, cue, clause))
  const start = head?.lower ?? ''
  const nl = n?.lower ?? '$'
  const startShape = start === 'that' || start === 'to' ? start : shapeOf(head)
  const startThat = start === 'that' ? 'that' : shapeOf(head)
  const len = bucketOf(b - first)
  const ns = shapeOf(n)
  let score = model.bias
  score += sub1(g[0], clause)
  score += sub2(g[1], clause, len)
  score += sub2(g[2], clause, startShape)
  score += typeof g[3] === 'number' ? g[3] : 0
  score += sub1(g[4], nl)
  score += sub1(g[5], ns)
  score += sub2(g[6], nl, n2?.lower ?? '$')
  score += sub2(g[7], ns, shapeOf(n2))
  score += sub1(g[8], nl.length <= 3 ? nl : nl.slice(-3))
  score += weight1(t[9]!, p?.lower ?? '^')
  score += weight1(t[10]!, shapeOf(p))
  score += weight1(t[11]!, len)
  score += weight1(t[12]!, bucketOf(last - b))
  score += sub1(g[13], len)
  score += weight1(t[14]!, startThat)
  score += sub1(g[15], startThat)
  score += weight1(t[16]!, cue)
  score += weight2(t[17]!, cue, wl)
  score += sub1(g[18], ahead(words, b))
  return score
}

/** A template's weights past its first part: a trie, a weight, or nothing. */
type Sub = WeightTrie | number | undefined

/**
 * Each boundary word's sub-tries of every template (`undefined` where a template has none), made
 * once a model: `boundaryScore` looks the boundary word up once instead of once a template. Only
 * the entries of the templates that open with the boundary word are read.
 */
let boundaryGroups: {
  readonly model: ContentModel
  readonly groups: ReadonlyMap<string, readonly Sub[]>
} | null = null

function byBoundaryWord(
  model: ContentModel,
  tries: readonly WeightTrie[],
): ReadonlyMap<string, readonly Sub[]> {
  if (boundaryGroups?.model === model) return boundaryGroups.groups
  const groups = new Map<string, readonly Sub[]>()
  for (const word of BOUNDARY_WORDS)
    groups.set(
      word,
      tries.map((trie) => trie.get(word)),
    )
  boundaryGroups = { model, groups }
  return groups
}

/** The weight of the next part in a sub-trie (0 when none). */
function sub1(s: Sub, a: string): number {
  return s === undefined || typeof s === 'number' ? 0 : weight1(s, a)
}

/** The weight of the next two parts in a sub-trie (0 when none). */
function sub2(s: Sub, a: string, b: string): number {
  return s === undefined || typeof s === 'number' ? 0 : weight2(s, a, b)
}

/**
 * The last word of a content [first, last] cut at its first boundary the model stops at (`last`
 * when none). A boundary inside a quotation is not tried.
 */
export function contentEnd(
  model: ContentModel,
  words: readonly Word[],
  first: number,
  last: number,
  cue: string,
  insideQuote: (w: Word) => boolean,
): number {
  // Whether the content so far is a clause, carried along instead of re-read at each boundary.
  let clause = false
  let seen = first
  // The features read the rest of the sentence, as the training does, not the content's limit.
  let sentenceLast = words.length - 1
  while (sentenceLast > first && SENTENCE_ENDS.has(words[sentenceLast]?.lower ?? '')) sentenceLast--
  for (let b = first + 1; b <= last; b++) {
    if (!isBoundary(words, b)) continue
    const w = words[b] as Word
    if (insideQuote(w)) continue
    if (!clause) clause = clauseUpTo(words, first, seen, b)
    seen = b
    if (
      boundaryScore(model, words, first, sentenceLast, b, cue, clause ? 'clause' : 'np') >
      model.threshold
    ) {
      let end = b - 1
      while (end > first && TRAILING.has(words[end]?.lower ?? '')) end--
      return end
    }
  }
  return last
}

/** Marks that end a sentence, which the training leaves out of a content's possible words. */
const SENTENCE_ENDS = new Set(['.', '!', '?'])

/** Marks a content does not end with when it stops at a boundary. */
export const TRAILING = new Set([',', '—', '–', '―', '--', '-', ':'])

/** The trained model, or null before `npm run train:attribution` has written it. */
export function contentModel(
  path = modelPath('attribution/content-perceptron.json'),
): ContentModel | null {
  return readPerceptron<ContentModel>(path, 'claimgraph/content-perceptron@1')
}
