/**
 * @module
 * Splitting document clusters into subtopics. A cluster of documents that share their words is
 * often one topic with two distinct events of one kind (two earthquakes, two shootings): the
 * documents of each event share names, places and numbers that the other event's documents lack.
 * Inside each cluster the document similarity is computed again with the IDF of that cluster only
 * (so that the words every document of the topic uses weigh nothing) and the cluster is cut in two
 * along the normalised-cut spectral bisection when that cut is cheap enough. The subtopics are
 * pair features of the learned scorer (event-coref.ts), not hard limits: a wrong cut can be
 * overruled by the mentions' own evidence.
 */

import { documentSimilarityMatrix, type CorefDocument } from './event-coref.js'

/**
 * Eigenvalues and eigenvectors of a symmetric matrix by cyclic Jacobi rotations (the matrices
 * here are document clusters: a few dozen rows). `vectors[k]` belongs to `values[k]`.
 */
export function symmetricEigen(matrix: readonly Float64Array[]): {
  values: number[]
  vectors: number[][]
} {
  const n = matrix.length
  const a = matrix.map((row) => Array.from(row))
  // Columns of v are the eigenvectors.
  const v = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => +(i === j)))
  const rotate = (rows: number[][], p: number, q: number, c: number, s: number) => {
    for (const row of rows) {
      const rp = row[p]!
      const rq = row[q]!
      row[p] = c * rp - s * rq
      row[q] = s * rp + c * rq
    }
  }
  for (let sweep = 0; sweep < 100; sweep++) {
    let offDiagonal = 0
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) offDiagonal += a[i]![j]! ** 2
    if (offDiagonal < 1e-18) break
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p]![q]!
        if (Math.abs(apq) < 1e-15) continue
        const theta = (a[q]![q]! - a[p]![p]!) / (2 * apq)
        const t = (theta < 0 ? -1 : 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1))
        const c = 1 / Math.sqrt(t * t + 1)
        const s = t * c
        rotate(a, p, q, c, s)
        // The same rotation on the rows: a ← Jᵀ a J.
        const rowP = a[p]!
        const rowQ = a[q]!
        for (let k = 0; k < n; k++) {
          const pk = rowP[k]!
          const qk = rowQ[k]!
          rowP[k] = c * pk - s * qk
          rowQ[k] = s * pk + c * qk
        }
        rotate(v, p, q, c, s)
      }
    }
  }
  return {
    values: a.map((row, i) => row[i]!),
    vectors: Array.from({ length: n }, (_, k) => v.map((row) => row[k]!)),
  }
}

export interface Bisection {
  readonly parts: readonly [number[], number[]]
  /** Normalised cut: cut / volume of one part + cut / volume of the other (0: unconnected). */
  readonly cut: number
}

/**
 * The normalised-cut bisection of a similarity graph (Shi & Malik): order the nodes by the
 * second eigenvector of the normalised Laplacian and take the prefix with the smallest
 * normalised cut. Needs at least two nodes.
 */
export function spectralBisection(similarity: readonly Float64Array[]): Bisection {
  const n = similarity.length
  const degree = similarity.map((row, i) => row.reduce((s, x, j) => (i === j ? s : s + x), 0))
  // An isolated node would divide by zero; a tiny degree puts it in a part of its own.
  const d = degree.map((x) => Math.max(x, 1e-9))
  const laplacian = similarity.map((row, i) =>
    Float64Array.from(row, (x, j) => (i === j ? 1 : -x / Math.sqrt(d[i]! * d[j]!))),
  )
  const { values, vectors } = symmetricEigen(laplacian)
  const second = values.map((value, k) => ({ value, k })).sort((x, y) => x.value - y.value)[1]!.k
  const fiedler = vectors[second]!.map((x, i) => x / Math.sqrt(d[i]!))
  const order = fiedler.map((_, i) => i).sort((i, j) => fiedler[i]! - fiedler[j]!)
  const volume = d.reduce((s, x) => s + x, 0)
  let best: Bisection = { parts: [order, []], cut: Infinity }
  for (let k = 1; k < n; k++) {
    const left = order.slice(0, k)
    const right = order.slice(k)
    let cut = 0
    for (const i of left) for (const j of right) cut += similarity[i]![j]!
    const leftVolume = left.reduce((s, i) => s + d[i]!, 0)
    const normalised = cut / leftVolume + cut / (volume - leftVolume)
    if (normalised < best.cut) best = { parts: [left, right], cut: normalised }
  }
  return best
}

/** Fewest documents in a cluster worth splitting. */
const MIN_SPLIT = 3

/** What the pair features read of the predicted subtopics. */
export interface DocumentSubtopics {
  /** The subtopic of a document (undefined: a document outside the clusters). */
  readonly subtopicOf: (document: string) => number | undefined
  /**
   * The cluster-local tf-idf cosine of two documents (content words, names and numbers, IDF over
   * their cluster's documents); 0 for documents of different clusters.
   */
  readonly localSimilarity: (a: string, b: string) => number
}

/**
 * The subtopics of document clusters (ids): each cluster is cut once in two when the spectral
 * bisection of its cluster-local similarity has a normalised cut of at most `maxCut`.
 */
export function documentSubtopics(
  docs: readonly CorefDocument[],
  clusters: readonly string[][],
  maxCut: number,
): DocumentSubtopics {
  const byId = new Map(docs.map((d) => [d.id, d]))
  const subtopic = new Map<string, number>()
  const local = new Map<string, { matrix: Float64Array[]; index: number }>()
  let subtopics = 0
  for (const cluster of clusters) {
    const matrix = documentSimilarityMatrix(
      cluster.map((id) => byId.get(id)!),
      1,
      1,
    )
    cluster.forEach((id, index) => local.set(id, { matrix, index }))
    const bisection = cluster.length < MIN_SPLIT ? undefined : spectralBisection(matrix)
    const parts =
      bisection === undefined || bisection.cut > maxCut
        ? [cluster.map((_, i) => i)]
        : bisection.parts
    for (const part of parts) {
      for (const i of part) subtopic.set(cluster[i]!, subtopics)
      subtopics++
    }
  }
  return {
    subtopicOf: (document) => subtopic.get(document),
    localSimilarity: (a, b) => {
      const x = local.get(a)
      const y = local.get(b)
      return x === undefined || y === undefined || x.matrix !== y.matrix
        ? 0
        : x.matrix[x.index]![y.index]!
    },
  }
}
