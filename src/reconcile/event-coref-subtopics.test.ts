import { describe, expect, it } from 'vitest'
import { documentSubtopics, spectralBisection, symmetricEigen } from './event-coref-subtopics.js'

const bag = (text: string) => {
  const map = new Map<string, number>()
  for (const w of text.split(/\s+/)) map.set(w, (map.get(w) ?? 0) + 1)
  return map
}

const doc = (id: string, words: string, names: string, numbers: string) => ({
  id,
  terms: bag(words),
  names: bag(names),
  numbers: bag(numbers),
})

// One topic (a flood), two events: three documents each on the Portmere and the Lindhall floods.
const floods = [
  doc('p1', 'flood river rescue boats harbour wall', 'portmere tuesday', '12 2019'),
  doc('p2', 'flood river harbour mayor wall', 'portmere tuesday', '12'),
  doc('p3', 'flood rescue harbour wall boats', 'portmere', '2019'),
  doc('l1', 'flood river rain valley farms', 'lindhall sunday', '300 2021'),
  doc('l2', 'flood rain valley farms evacuated', 'lindhall sunday', '300'),
  doc('l3', 'flood river valley evacuated', 'lindhall', '2021'),
]

describe('symmetricEigen', () => {
  it('finds the eigenpairs of a symmetric matrix', () => {
    const { values, vectors } = symmetricEigen([Float64Array.of(2, 1), Float64Array.of(1, 2)])
    const order = values.map((v, k) => ({ v, k })).sort((a, b) => a.v - b.v)
    expect(order.map((o) => o.v)).toEqual([expect.closeTo(1, 9), expect.closeTo(3, 9)])
    const [x, y] = vectors[order[1]!.k]!
    expect(Math.abs(x!)).toBeCloseTo(Math.SQRT1_2, 9)
    expect(x).toBeCloseTo(y!, 9)
  })
})

describe('spectralBisection', () => {
  it('cuts two dense blocks apart at a low normalised cut', () => {
    const strong = 1
    const weak = 0.05
    const similarity = [0, 1, 2, 3].map((i) =>
      Float64Array.from([0, 1, 2, 3], (j) =>
        i === j ? 0 : Math.floor(i / 2) === Math.floor(j / 2) ? strong : weak,
      ),
    )
    const { parts, cut } = spectralBisection(similarity)
    expect(parts.map((p) => [...p].sort().join('')).sort()).toEqual(['01', '23'])
    expect(cut).toBeLessThan(0.2)
  })
})

describe('documentSubtopics', () => {
  const ids = floods.map((d) => d.id)
  const groups = (subtopicOf: (id: string) => number | undefined) => {
    const byTopic = new Map<number | undefined, string[]>()
    for (const id of ids) byTopic.set(subtopicOf(id), [...(byTopic.get(subtopicOf(id)) ?? []), id])
    return [...byTopic.values()].map((g) => g.join(' ')).sort()
  }

  it('splits a cluster holding two events of one kind', () => {
    const { subtopicOf } = documentSubtopics(floods, [ids], 0.6)
    expect(groups(subtopicOf)).toEqual(['l1 l2 l3', 'p1 p2 p3'])
  })

  it('keeps a cluster whole when the cut is above the limit, and small clusters always', () => {
    expect(groups(documentSubtopics(floods, [ids], 0).subtopicOf)).toEqual([ids.join(' ')])
    const small = documentSubtopics(floods, [['p1', 'l1']], 1)
    expect(small.subtopicOf('p1')).toBe(small.subtopicOf('l1'))
    expect(small.subtopicOf('p2')).toBeUndefined()
  })

  it('measures similarity with the IDF of the cluster, and none across clusters', () => {
    const { localSimilarity } = documentSubtopics(floods, [ids.slice(0, 3), ids.slice(3)], 0)
    expect(localSimilarity('p1', 'p2')).toBeGreaterThan(0)
    expect(localSimilarity('p1', 'l1')).toBe(0)
  })
})
