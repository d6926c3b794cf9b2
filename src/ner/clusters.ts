/**
 * @module
 * Word clusters learned from unlabeled text (a cheap stand-in for Brown clusters): each frequent
 * word gets a distributional signature (counts of its left and right neighbours among the most
 * frequent words, log-scaled, randomly projected to a dense vector), and hierarchical spherical
 * k-means splits the words into a tree (16 → 16 → 8 branches). A word's cluster is its path,
 * "3.12.5"; the tagger uses the path's prefixes as features, as with Brown clusters.
 * The cluster file holds words and paths only, never text.
 */
import { readFileSync, writeFileSync } from 'node:fs'

/** Words with letters or digits, keeping inner hyphens, apostrophes and dots; punctuation apart. */
const WORD = /[\p{L}\p{N}]+(?:[-'’.][\p{L}\p{N}]+)*\.?|[^\s\p{L}\p{N}]/gu

export interface ClusterSettings {
  readonly minCount: number
  readonly maxWords: number
  readonly contextWords: number
  readonly dims: number
  readonly branching: readonly number[]
  readonly iterations: number
  readonly seed: number
}

export const DEFAULT_CLUSTER_SETTINGS: ClusterSettings = {
  minCount: 3,
  maxWords: 60_000,
  contextWords: 600,
  dims: 96,
  branching: [16, 16, 8],
  iterations: 12,
  seed: 7,
}

/** A small deterministic PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Learns clusters from texts (each string one document); returns word → path. */
export function learnClusters(
  texts: Iterable<string>,
  settings = DEFAULT_CLUSTER_SETTINGS,
): Map<string, string> {
  // Tokenize into word ids.
  const ids = new Map<string, number>()
  const counts: number[] = []
  const stream: number[] = []
  for (const text of texts) {
    for (const line of text.split('\n')) {
      stream.push(-1)
      for (const m of line.matchAll(WORD)) {
        const w = m[0]
        let id = ids.get(w)
        if (id === undefined) {
          id = counts.length
          ids.set(w, id)
          counts.push(0)
        }
        counts[id] = (counts[id] ?? 0) + 1
        stream.push(id)
      }
    }
  }
  const words = [...ids.keys()]
  const byFreq = words.map((_w, i) => i).sort((a, b) => (counts[b] ?? 0) - (counts[a] ?? 0))
  const vocab = byFreq
    .filter((i) => (counts[i] ?? 0) >= settings.minCount)
    .slice(0, settings.maxWords)
  const row = new Int32Array(words.length).fill(-1)
  vocab.forEach((id, r) => (row[id] = r))
  // Context columns: the most frequent words, lowercased, left and right.
  const ctxCol = new Map<string, number>()
  for (const id of byFreq) {
    const lw = (words[id] ?? '').toLowerCase()
    if (!ctxCol.has(lw)) ctxCol.set(lw, ctxCol.size)
    if (ctxCol.size >= settings.contextWords) break
  }
  const colOf = new Int32Array(words.length).fill(-1)
  words.forEach((w, id) => (colOf[id] = ctxCol.get(w.toLowerCase()) ?? -1))
  const C = settings.contextWords
  const sig = new Float32Array(vocab.length * 2 * C)
  for (let i = 0; i < stream.length; i++) {
    const id = stream[i] ?? -1
    if (id < 0) continue
    const r = row[id] ?? -1
    if (r < 0) continue
    const left = stream[i - 1] ?? -1
    const right = stream[i + 1] ?? -1
    const lc = left >= 0 ? (colOf[left] ?? -1) : -1
    const rc = right >= 0 ? (colOf[right] ?? -1) : -1
    if (lc >= 0) sig[r * 2 * C + lc] = (sig[r * 2 * C + lc] ?? 0) + 1
    if (rc >= 0) sig[r * 2 * C + C + rc] = (sig[r * 2 * C + C + rc] ?? 0) + 1
  }
  // Random projection of log-scaled counts to `dims`, then unit length.
  const D = settings.dims
  const random = rng(settings.seed)
  const proj = new Float32Array(2 * C * D)
  for (let i = 0; i < proj.length; i++) proj[i] = random() < 0.5 ? -1 : 1
  const vec = new Float32Array(vocab.length * D)
  for (let r = 0; r < vocab.length; r++) {
    for (let c = 0; c < 2 * C; c++) {
      const v = sig[r * 2 * C + c] ?? 0
      if (v === 0) continue
      const lv = Math.log1p(v)
      for (let d = 0; d < D; d++)
        vec[r * D + d] = (vec[r * D + d] ?? 0) + lv * (proj[c * D + d] ?? 0)
    }
    normalize(vec, r * D, D)
  }
  const paths = new Array<string>(vocab.length).fill('')
  const split = (members: number[], level: number, prefix: string): void => {
    const k = settings.branching[level]
    if (k === undefined || members.length === 0) return
    const assign = kmeans(vec, D, members, Math.min(k, members.length), settings.iterations, random)
    for (let c = 0; c < k; c++) {
      const sub = members.filter((_, i) => assign[i] === c)
      const path = prefix === '' ? String(c) : `${prefix}.${c}`
      for (const m of sub) paths[m] = path
      split(sub, level + 1, path)
    }
  }
  split([...vocab.keys()], 0, '')
  const out = new Map<string, string>()
  vocab.forEach((id, r) => out.set(words[id] ?? '', paths[r] ?? ''))
  return out
}

function normalize(v: Float32Array, off: number, n: number): void {
  let s = 0
  for (let d = 0; d < n; d++) s += (v[off + d] ?? 0) ** 2
  const inv = s > 0 ? 1 / Math.sqrt(s) : 0
  for (let d = 0; d < n; d++) v[off + d] = (v[off + d] ?? 0) * inv
}

/** Spherical k-means over rows `members` of `vec`; returns each member's cluster. */
function kmeans(
  vec: Float32Array,
  D: number,
  members: readonly number[],
  k: number,
  iterations: number,
  random: () => number,
): Int32Array {
  const n = members.length
  const cent = new Float32Array(k * D)
  for (let c = 0; c < k; c++) {
    const m = members[Math.floor(random() * n)] ?? 0
    cent.set(vec.subarray(m * D, m * D + D), c * D)
  }
  const assign = new Int32Array(n)
  for (let it = 0; it < iterations; it++) {
    for (let i = 0; i < n; i++) {
      const off = (members[i] ?? 0) * D
      let best = 0
      let bestDot = -Infinity
      for (let c = 0; c < k; c++) {
        let dot = 0
        for (let d = 0; d < D; d++) dot += (vec[off + d] ?? 0) * (cent[c * D + d] ?? 0)
        if (dot > bestDot) {
          bestDot = dot
          best = c
        }
      }
      assign[i] = best
    }
    cent.fill(0)
    for (let i = 0; i < n; i++) {
      const off = (members[i] ?? 0) * D
      const c = assign[i] ?? 0
      for (let d = 0; d < D; d++) cent[c * D + d] = (cent[c * D + d] ?? 0) + (vec[off + d] ?? 0)
    }
    for (let c = 0; c < k; c++) normalize(cent, c * D, D)
  }
  return assign
}

/** Writes `word<TAB>path` lines with a header saying how the file was made. */
export function writeClusters(
  path: string,
  clusters: ReadonlyMap<string, string>,
  header: string,
): void {
  const lines = [...clusters].map(([w, p]) => `${w}\t${p}`)
  writeFileSync(path, `${header}\n${lines.join('\n')}\n`)
}

/** Reads a cluster file into word → path. */
export function readClusters(path: string): Map<string, string> {
  const out = new Map<string, string>()
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line === '' || line.startsWith('#')) continue
    const tab = line.indexOf('\t')
    if (tab > 0) out.set(line.slice(0, tab), line.slice(tab + 1))
  }
  return out
}

/**
 * How each word is written inside sentences of running text (not at a sentence start): 0 always
 * lower case … 4 always capitalised, keyed by lowercase word; only words seen `minCount` times.
 * "will" is 0 or 1, "bush" 3 or 4: evidence for headline and sentence-initial words.
 */
export function learnCaseProfile(texts: Iterable<string>, minCount = 3): Map<string, number> {
  const caps = new Map<string, number>()
  const total = new Map<string, number>()
  for (const text of texts) {
    for (const line of text.split('\n')) {
      const words = [...line.matchAll(WORD)].map((m) => m[0])
      let letters = 0
      let upper = 0
      for (const w of words) {
        if (!/^\p{L}/u.test(w)) continue
        letters++
        if (/^\p{Lu}/u.test(w)) upper++
      }
      if (letters >= 4 && upper / letters >= 0.8) continue // headline
      for (let i = 1; i < words.length; i++) {
        const w = words[i] ?? ''
        const prev = words[i - 1] ?? ''
        if (!/^\p{L}/u.test(w) || /^[.!?:"“]$/.test(prev)) continue
        const key = w.toLowerCase()
        total.set(key, (total.get(key) ?? 0) + 1)
        if (/^\p{Lu}/u.test(w)) caps.set(key, (caps.get(key) ?? 0) + 1)
      }
    }
  }
  const out = new Map<string, number>()
  for (const [key, n] of total) {
    if (n < minCount) continue
    const r = (caps.get(key) ?? 0) / n
    out.set(key, r === 0 ? 0 : r < 0.3 ? 1 : r < 0.7 ? 2 : r < 1 ? 3 : 4)
  }
  return out
}

/** Reads `word<TAB>class` lines (the case profile). */
export function readCaseProfile(path: string): Map<string, number> {
  const out = new Map<string, number>()
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line === '' || line.startsWith('#')) continue
    const tab = line.indexOf('\t')
    if (tab > 0) out.set(line.slice(0, tab), Number(line.slice(tab + 1)))
  }
  return out
}
