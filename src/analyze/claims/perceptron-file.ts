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
