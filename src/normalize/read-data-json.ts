import { readFileSync } from 'node:fs'
import { dataPath } from '../data-path.js'

const cache = new Map<string, unknown>()

/** A JSON file under `data/normalize/`, read once per process. The caller states its shape. */
export function readDataJson<T>(name: string): T {
  let value = cache.get(name)
  if (value === undefined) {
    value = JSON.parse(readFileSync(dataPath(`normalize/${name}`), 'utf8')) as unknown
    cache.set(name, value)
  }
  return value as T
}
