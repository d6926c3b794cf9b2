/**
 * @module
 * The claims stage's trained perceptrons (models/attribution/*-perceptron.json): reading a file
 * once, and its weights as a Map (faster to look up than a large object).
 */
import { existsSync, readFileSync } from 'node:fs'

/** What every perceptron file has: a format tag and the weights of its features. */
export interface PerceptronFile {
  readonly format: string
  readonly weights: Readonly<Record<string, number>>
}

const loaded = new Map<string, PerceptronFile | null>()

/**
 * The model at `path`, read once; null when the file is missing (before `npm run
 * train:attribution` has written it) or holds another format.
 */
export function readPerceptron<M extends PerceptronFile>(
  path: string,
  format: M['format'],
): M | null {
  let model = loaded.get(path)
  if (model === undefined) {
    model = existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as PerceptronFile) : null
    if (model !== null && model.format !== format) model = null
    loaded.set(path, model)
  }
  return model as M | null
}

const tables = new WeakMap<PerceptronFile, Map<string, number>>()

/** The model's weights as a Map. */
export function weightTable(model: PerceptronFile): Map<string, number> {
  let table = tables.get(model)
  if (table === undefined) {
    table = new Map(Object.entries(model.weights))
    tables.set(model, table)
  }
  return table
}

/**
 * Weights of one feature template, by the parts of the feature's value (the values the feature
 * function joins with "|"), one Map level a part.
 */
export type WeightTrie = Map<string, WeightTrie | number>

const splitTables = new WeakMap<PerceptronFile, WeightTrie[]>()
let lastSplit: { readonly model: PerceptronFile; readonly tries: WeightTrie[] } | null = null

/**
 * The model's weights split by feature template ("name=part|part…"; `templates` gives each name
 * and its number of parts), as one trie a template in the order of `templates`: a feature is
 * then looked up from its parts' own strings, without building the feature string. A weight
 * whose value splits into another number of parts (a part holding "|") is left out: a caller
 * reads a feature with such a part from the feature strings instead. One split a model: always
 * pass the same templates for a model.
 */
export function splitWeightTable(
  model: PerceptronFile,
  templates: readonly (readonly [string, number])[],
): readonly WeightTrie[] {
  // The stage asks for the same few models over and over: the last one answers without a look-up.
  if (model === lastSplit?.model) return lastSplit.tries
  let tries = splitTables.get(model)
  if (tries !== undefined) {
    lastSplit = { model, tries }
    return tries
  }
  const built: WeightTrie[] = templates.map(() => new Map())
  const index = new Map(templates.map(([name, arity], k) => [name, [k, arity] as const]))
  for (const [feature, weight] of weightTable(model)) {
    const eq = feature.indexOf('=')
    if (eq < 0) continue
    const template = index.get(feature.slice(0, eq))
    if (template === undefined) continue
    const [k, arity] = template
    const rest = feature.slice(eq + 1)
    const parts = arity === 1 ? [rest] : rest.split('|')
    if (parts.length !== arity) continue
    let node = built[k] as WeightTrie
    for (let p = 0; p < arity - 1; p++) {
      const part = parts[p] as string
      let next = node.get(part)
      if (next === undefined || typeof next === 'number') node.set(part, (next = new Map()))
      node = next
    }
    node.set(parts[arity - 1] as string, weight)
  }
  tries = built
  splitTables.set(model, tries)
  lastSplit = { model, tries }
  return tries
}

/** The weight of a one-part feature, 0 when the model has none. */
export function weight1(t: WeightTrie, a: string): number {
  const x = t.get(a)
  return typeof x === 'number' ? x : 0
}

/** The weight of a two-part feature, 0 when the model has none. */
export function weight2(t: WeightTrie, a: string, b: string): number {
  const x = t.get(a)
  if (x === undefined || typeof x === 'number') return 0
  const y = x.get(b)
  return typeof y === 'number' ? y : 0
}

/** The weight of a three-part feature, 0 when the model has none. */
export function weight3(t: WeightTrie, a: string, b: string, c: string): number {
  const x = t.get(a)
  if (x === undefined || typeof x === 'number') return 0
  const y = x.get(b)
  if (y === undefined || typeof y === 'number') return 0
  const z = y.get(c)
  return typeof z === 'number' ? z : 0
}

// Helpers of the scorers that read split weight tables: they build no string per word.

const PUNCT_SHAPES = new Map<string, string>()

/** A punctuation mark's shape feature ("p," for ","), made once per mark. */
export function punctShape(mark: string): string {
  let s = PUNCT_SHAPES.get(mark)
  if (s === undefined) PUNCT_SHAPES.set(mark, (s = `p${mark}`))
  return s
}

const SMALL_BUCKETS = ['0', '1', '2']

/** A count's bucket feature: "0"–"2" without building a string, else `wide(n)`. */
export function countBucket(n: number, wide: (n: number) => string): string {
  return n >= 0 && n <= 2 ? (SMALL_BUCKETS[n] as string) : wide(n)
}

/**
 * A word holding "|" cannot be told apart from a part boundary in a split table: the scorers
 * fall back to the feature strings for it.
 */
export const hasBar = (x: { readonly lower: string } | undefined): boolean =>
  x !== undefined && x.lower.includes('|')
