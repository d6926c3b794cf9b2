/**
 * @module
 * Coreference scores as the CoNLL-2012 scorer defines them: MUC (Vilain et al. 1995), B³ (Bagga
 * and Baldwin 1998) and CEAF-e (Luo 2005, entity similarity φ4), and the CoNLL F1, their mean.
 * A clustering is a list of clusters of mention ids; key and response may cover different
 * mentions (a mention missing from one side counts as a singleton there where the metric says so).
 */

export interface Score {
  readonly recall: number
  readonly precision: number
  readonly f1: number
}

export interface CorefScores {
  readonly muc: Score
  readonly bcubed: Score
  readonly ceafe: Score
  /** Mean of the three F1 values. */
  readonly conll: number
}

export type Clustering = readonly (readonly string[])[]

const score = (recall: number, precision: number): Score => ({
  recall,
  precision,
  f1: recall + precision === 0 ? 0 : (2 * recall * precision) / (recall + precision),
})

function clusterOf(clusters: Clustering): Map<string, number> {
  const map = new Map<string, number>()
  clusters.forEach((cluster, i) => {
    for (const mention of cluster) map.set(mention, i)
  })
  return map
}

/** MUC recall of `key` against `response` (swap them for precision). */
function mucRecall(key: Clustering, response: Clustering): number {
  const where = clusterOf(response)
  let numerator = 0
  let denominator = 0
  for (const cluster of key) {
    const parts = new Set<string>()
    for (const mention of cluster) {
      const r = where.get(mention)
      // A mention the response does not have is a partition of its own.
      parts.add(r === undefined ? `missing:${mention}` : `r${r}`)
    }
    numerator += cluster.length - parts.size
    denominator += cluster.length - 1
  }
  return denominator === 0 ? 0 : numerator / denominator
}

export function muc(key: Clustering, response: Clustering): Score {
  return score(mucRecall(key, response), mucRecall(response, key))
}

function bcubedRecall(key: Clustering, response: Clustering): number {
  const where = clusterOf(response)
  let total = 0
  let mentions = 0
  for (const cluster of key) {
    const overlap = new Map<number, number>()
    for (const mention of cluster) {
      const r = where.get(mention)
      if (r !== undefined) overlap.set(r, (overlap.get(r) ?? 0) + 1)
    }
    for (const n of overlap.values()) total += (n * n) / cluster.length
    mentions += cluster.length
  }
  return mentions === 0 ? 0 : total / mentions
}

export function bcubed(key: Clustering, response: Clustering): Score {
  return score(bcubedRecall(key, response), bcubedRecall(response, key))
}

/** CEAF with entity similarity φ4(K, R) = 2|K ∩ R| / (|K| + |R|) and the best one-to-one map. */
export function ceafe(key: Clustering, response: Clustering): Score {
  const where = clusterOf(response)
  // Sparse similarities: only pairs that share a mention.
  const edges: { k: number; r: number; phi: number }[] = []
  key.forEach((cluster, k) => {
    const overlap = new Map<number, number>()
    for (const mention of cluster) {
      const r = where.get(mention)
      if (r !== undefined) overlap.set(r, (overlap.get(r) ?? 0) + 1)
    }
    for (const [r, n] of overlap) {
      edges.push({ k, r, phi: (2 * n) / (cluster.length + response[r]!.length) })
    }
  })
  const best = maxAssignment(key.length, response.length, edges)
  return score(
    key.length === 0 ? 0 : best / key.length,
    response.length === 0 ? 0 : best / response.length,
  )
}

/**
 * Maximum-weight one-to-one matching of a sparse bipartite graph: split into connected
 * components, then the Hungarian method on each component's dense matrix.
 */
function maxAssignment(
  left: number,
  right: number,
  edges: readonly { k: number; r: number; phi: number }[],
): number {
  const parent = Array.from({ length: left + right }, (_, i) => i)
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!
      i = parent[i]!
    }
    return i
  }
  for (const e of edges) parent[find(e.k)] = find(left + e.r)
  const components = new Map<number, { k: number; r: number; phi: number }[]>()
  for (const e of edges) {
    const root = find(e.k)
    const list = components.get(root) ?? []
    list.push(e)
    components.set(root, list)
  }
  let total = 0
  for (const list of components.values()) {
    if (list.length === 1) {
      total += list[0]!.phi
      continue
    }
    const ks = [...new Set(list.map((e) => e.k))]
    const rs = [...new Set(list.map((e) => e.r))]
    const n = Math.max(ks.length, rs.length)
    const kIndex = new Map(ks.map((k, i) => [k, i]))
    const rIndex = new Map(rs.map((r, i) => [r, i]))
    const weight = Array.from({ length: n }, () => new Float64Array(n))
    for (const e of list) weight[kIndex.get(e.k)!]![rIndex.get(e.r)!] = e.phi
    total += hungarianMax(weight)
  }
  return total
}

/** The Hungarian method (Kuhn–Munkres, O(n³)) for the maximum-weight perfect matching. */
export function hungarianMax(weight: readonly Float64Array[]): number {
  const n = weight.length
  // Minimise cost = -weight with potentials (the e-maxx formulation, 1-based).
  const u = new Float64Array(n + 1)
  const v = new Float64Array(n + 1)
  const p = new Int32Array(n + 1)
  const way = new Int32Array(n + 1)
  for (let i = 1; i <= n; i++) {
    p[0] = i
    let j0 = 0
    const minv = new Float64Array(n + 1).fill(Infinity)
    const used = new Uint8Array(n + 1)
    do {
      used[j0] = 1
      const i0 = p[j0]!
      let delta = Infinity
      let j1 = 0
      for (let j = 1; j <= n; j++) {
        if (used[j]) continue
        const cur = -weight[i0 - 1]![j - 1]! - u[i0]! - v[j]!
        if (cur < minv[j]!) {
          minv[j] = cur
          way[j] = j0
        }
        if (minv[j]! < delta) {
          delta = minv[j]!
          j1 = j
        }
      }
      for (let j = 0; j <= n; j++) {
        if (used[j]) {
          u[p[j]!] = u[p[j]!]! + delta
          v[j] = v[j]! - delta
        } else minv[j] = minv[j]! - delta
      }
      j0 = j1
    } while (p[j0] !== 0)
    do {
      const j1 = way[j0]!
      p[j0] = p[j1]!
      j0 = j1
    } while (j0 !== 0)
  }
  let total = 0
  for (let j = 1; j <= n; j++) if (p[j]! > 0) total += weight[p[j]! - 1]![j - 1]!
  return total
}

export function corefScores(key: Clustering, response: Clustering): CorefScores {
  const m = muc(key, response)
  const b = bcubed(key, response)
  const c = ceafe(key, response)
  return { muc: m, bcubed: b, ceafe: c, conll: (m.f1 + b.f1 + c.f1) / 3 }
}
