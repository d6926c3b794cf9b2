import { describe, expect, it } from 'vitest'
import { bcubed, ceafe, corefScores, hungarianMax, muc } from './coref-metrics.js'

// Key {a b c} {d e}; response {a b} {c d e}. Worked by hand:
//   MUC  R = ((3-2) + (2-1)) / (2 + 1) = 2/3;  P = ((2-1) + (3-2)) / (1 + 2) = 2/3
//   B³   R = (2/3 + 2/3 + 1/3 + 1 + 1) / 5 = 11/15;  P = (1 + 1 + 1/3 + 2/3 + 2/3) / 5 = 11/15
//   CEAF-e φ4: K1R1 = 4/5, K1R2 = 1/3, K2R2 = 4/5 → best 8/5; R = P = 8/5 / 2 = 4/5
const KEY = [
  ['a', 'b', 'c'],
  ['d', 'e'],
]
const RESPONSE = [
  ['a', 'b'],
  ['c', 'd', 'e'],
]

describe('coreference metrics on a hand-computed example', () => {
  it.each([
    ['MUC', muc, 2 / 3, 2 / 3],
    ['B³', bcubed, 11 / 15, 11 / 15],
    ['CEAF-e', ceafe, 4 / 5, 4 / 5],
  ] as const)('%s', (_name, metric, recall, precision) => {
    const s = metric(KEY, RESPONSE)
    expect(s.recall).toBeCloseTo(recall, 10)
    expect(s.precision).toBeCloseTo(precision, 10)
  })

  it('CoNLL F1 is the mean of the three F1 values', () => {
    expect(corefScores(KEY, RESPONSE).conll).toBeCloseTo((2 / 3 + 11 / 15 + 4 / 5) / 3, 10)
  })

  it('all-in-one response against two key clusters', () => {
    // MUC R = (2 + 1)/3 = 1, P = (5 - 2)/4 = 3/4. B³ P = (3·3/5 + 2·2/5)/5 = 13/25, R = 1.
    // CEAF-e: one response cluster, best φ4 = 2·3/8 = 3/4; R = 3/8, P = 3/4.
    const all = [['a', 'b', 'c', 'd', 'e']]
    expect(muc(KEY, all)).toMatchObject({ recall: 1, precision: 0.75 })
    expect(bcubed(KEY, all).precision).toBeCloseTo(13 / 25, 10)
    expect(bcubed(KEY, all).recall).toBeCloseTo(1, 10)
    expect(ceafe(KEY, all).recall).toBeCloseTo(3 / 8, 10)
    expect(ceafe(KEY, all).precision).toBeCloseTo(3 / 4, 10)
  })

  it('identical clusterings score 1 everywhere; singletons give MUC 0 (no links)', () => {
    const s = corefScores(KEY, KEY)
    expect([s.muc.f1, s.bcubed.f1, s.ceafe.f1]).toEqual([1, 1, 1])
    const singles = [['a'], ['b']]
    expect(muc(singles, singles).f1).toBe(0)
    expect(bcubed(singles, singles).f1).toBe(1)
    expect(ceafe(singles, singles).f1).toBe(1)
  })

  it('the Hungarian method finds the best assignment, not the greedy one', () => {
    // Greedy takes 0.9 (row 0 → col 0) and then 0.1; the best is 0.8 + 0.8.
    const w = [Float64Array.from([0.9, 0.8]), Float64Array.from([0.8, 0.1])]
    expect(hungarianMax(w)).toBeCloseTo(1.6, 10)
  })
})
