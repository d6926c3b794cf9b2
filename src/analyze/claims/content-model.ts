/**
 * @module
 * Where an indirect content ends: a binary averaged perceptron asked at each candidate boundary
 * of the content, left to right ("…, but …", "…, which …", "… and …", "— …", "(…"), whether the
 * content stops before it. Trained by `npm run train:attribution` on PolNeAR train (gold contents
 * from their gold start); weights in models/attribution/content-perceptron.json. The same
 * feature function serves training and the stage.
 */
import { modelPath } from '../../data-path.js'
import { readPerceptron, weightTable } from './perceptron-file.js'
import type { Word } from './words.js'

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
  ]
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

/**
 * The weights of `model` split by feature template and then by the parts of the feature (the
 * values joined by "|" in `boundaryFeatures`), so that `boundaryScore` looks a feature up from
 * the words' own strings without building the feature string. A weight whose name splits into
 * more parts than its template has (a part holding "|") is left out: `boundaryScore` reads such
 * boundaries from `boundaryFeatures` instead.
 */
type Trie = Map<string, Trie | number>

interface SplitWeights {
  readonly bClause: Trie
  readonly bClauseLen: Trie
  readonly bClauseStart: Trie
  readonly b: Trie
  readonly bN: Trie
  readonly bNs: Trie
  readonly bNN2: Trie
  readonly bNsN2s: Trie
  readonly n3: Trie
  readonly p: Trie
  readonly ps: Trie
  readonly len: Trie
  readonly rest: Trie
  readonly bLen: Trie
  readonly start: Trie
  readonly bStart: Trie
  readonly cue: Trie
  readonly cueB: Trie
}

/** Feature template name → [field of SplitWeights, number of parts]. */
const TEMPLATES: ReadonlyMap<string, readonly [keyof SplitWeights, number]> = new Map([
  ['b+clause', ['bClause', 2]],
  ['b+clause+len', ['bClauseLen', 3]],
  ['b+clause+start', ['bClauseStart', 3]],
  ['b', ['b', 1]],
  ['b+n', ['bN', 2]],
  ['b+ns', ['bNs', 2]],
  ['b+n+n2', ['bNN2', 3]],
  ['b+ns+n2s', ['bNsN2s', 3]],
  ['n3', ['n3', 2]],
  ['p', ['p', 1]],
  ['ps', ['ps', 1]],
  ['len', ['len', 1]],
  ['rest', ['rest', 1]],
  ['b+len', ['bLen', 2]],
  ['start', ['start', 1]],
  ['b+start', ['bStart', 2]],
  ['cue', ['cue', 1]],
  ['cue+b', ['cueB', 2]],
])

const splitTables = new WeakMap<ContentModel, SplitWeights>()

function splitWeights(model: ContentModel): SplitWeights {
  let split = splitTables.get(model)
  if (split !== undefined) return split
  const tables: Record<string, Trie> = {}
  for (const [field] of TEMPLATES.values()) tables[field] = new Map()
  for (const [feature, weight] of weightTable(model)) {
    const eq = feature.indexOf('=')
    if (eq < 0) continue
    const template = TEMPLATES.get(feature.slice(0, eq))
    if (template === undefined) continue
    const [field, arity] = template
    const rest = feature.slice(eq + 1)
    const parts = arity === 1 ? [rest] : rest.split('|')
    if (parts.length !== arity) continue
    let node = tables[field] as Trie
    for (let k = 0; k < arity - 1; k++) {
      const part = parts[k] as string
      let next = node.get(part)
      if (next === undefined || typeof next === 'number') node.set(part, (next = new Map()))
      node = next
    }
    node.set(parts[arity - 1] as string, weight)
  }
  split = tables as unknown as SplitWeights
  splitTables.set(model, split)
  return split
}

function weight1(t: Trie, a: string): number {
  const x = t.get(a)
  return typeof x === 'number' ? x : 0
}

function weight2(t: Trie, a: string, b: string): number {
  const x = t.get(a)
  if (x === undefined || typeof x === 'number') return 0
  const y = x.get(b)
  return typeof y === 'number' ? y : 0
}

function weight3(t: Trie, a: string, b: string, c: string): number {
  const x = t.get(a)
  if (x === undefined || typeof x === 'number') return 0
  const y = x.get(b)
  if (y === undefined || typeof y === 'number') return 0
  const z = y.get(c)
  return typeof z === 'number' ? z : 0
}

/** Shapes of punctuation marks, made once each ("p," …). */
const PUNCT_SHAPES = new Map<string, string>()

/** `shape` without building a new string for a punctuation mark. */
function shapeOf(x: Word | undefined): string {
  if (x === undefined) return 'none'
  if (x.isWord) return x.upper ? 'cap' : 'low'
  let s = PUNCT_SHAPES.get(x.lower)
  if (s === undefined) PUNCT_SHAPES.set(x.lower, (s = `p${x.lower}`))
  return s
}

const SMALL_BUCKETS = ['0', '1', '2']

/** `bucket` without building a new string. */
function bucketOf(n: number): string {
  return n >= 0 && n <= 2 ? (SMALL_BUCKETS[n] as string) : bucket(n)
}

const hasBar = (x: Word | undefined): boolean => x !== undefined && x.lower.includes('|')

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
  const t = splitWeights(model)
  const wl = (words[b] as Word).lower
  const start = head?.lower ?? ''
  const nl = n?.lower ?? '$'
  const startShape = start === 'that' || start === 'to' ? start : shapeOf(head)
  const startThat = start === 'that' ? 'that' : shapeOf(head)
  const len = bucketOf(b - first)
  const ns = shapeOf(n)
  let score = model.bias
  score += weight2(t.bClause, wl, clause)
  score += weight3(t.bClauseLen, wl, clause, len)
  score += weight3(t.bClauseStart, wl, clause, startShape)
  score += weight1(t.b, wl)
  score += weight2(t.bN, wl, nl)
  score += weight2(t.bNs, wl, ns)
  score += weight3(t.bNN2, wl, nl, n2?.lower ?? '$')
  score += weight3(t.bNsN2s, wl, ns, shapeOf(n2))
  score += weight2(t.n3, wl, nl.length <= 3 ? nl : nl.slice(-3))
  score += weight1(t.p, p?.lower ?? '^')
  score += weight1(t.ps, shapeOf(p))
  score += weight1(t.len, len)
  score += weight1(t.rest, bucketOf(last - b))
  score += weight2(t.bLen, wl, len)
  score += weight1(t.start, startThat)
  score += weight2(t.bStart, wl, startThat)
  score += weight1(t.cue, cue)
  score += weight2(t.cueB, cue, wl)
  return score
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
  for (let b = first + 1; b <= last; b++) {
    if (!isBoundary(words, b)) continue
    const w = words[b] as Word
    if (insideQuote(w)) continue
    if (!clause) clause = clauseUpTo(words, first, seen, b)
    seen = b
    if (
      boundaryScore(model, words, first, last, b, cue, clause ? 'clause' : 'np') > model.threshold
    ) {
      let end = b - 1
      while (end > first && TRAILING.has(words[end]?.lower ?? '')) end--
      return end
    }
  }
  return last
}

/** Marks a content does not end with when it stops at a boundary. */
export const TRAILING = new Set([',', '—', '–', '―', '--', '-', ':'])

/** The trained model, or null before `npm run train:attribution` has written it. */
export function contentModel(
  path = modelPath('attribution/content-perceptron.json'),
): ContentModel | null {
  return readPerceptron<ContentModel>(path, 'claimgraph/content-perceptron@1')
}
