import { describe, expect, it } from 'vitest'
import type { Qualifier } from '../model/analysis.js'
import { figureAgreement, valueInterval } from './figure-agreement.js'

type Report = [value: number, qualifier: Qualifier, document: string]
const reports = (...rows: Report[]) =>
  rows.map(([value, qualifier, document]) => ({ value, qualifier, document }))

describe('valueInterval', () => {
  it.each([
    [139, 'exact', [139, 139]],
    [139, 'at_least', [139, Infinity]],
    [140, 'at_most', [-Infinity, 140]],
    [140, 'approx', [133, 147]],
    [4, 'approx', [3, 5]],
  ] as const)('%d %s → %j', (value, qualifier, interval) => {
    expect(valueInterval({ value, qualifier })).toEqual(interval)
  })

  it('reads a range from value to valueMax', () => {
    expect(valueInterval({ value: 24, valueMax: 99, qualifier: 'exact' })).toEqual([24, 99])
  })
})

describe('figureAgreement', () => {
  it.each([
    [
      '"at least 139", "139" and "close to 140" agree',
      reports([139, 'at_least', 'a'], [139, 'exact', 'b'], [140, 'approx', 'c']),
      'consistent',
    ],
    ['139 and 143 conflict', reports([139, 'exact', 'a'], [143, 'exact', 'b']), 'conflicting'],
    [
      '182 and "around 200" conflict',
      reports([182, 'exact', 'a'], [200, 'approx', 'b']),
      'conflicting',
    ],
    [
      '"more than 180" and 182 agree',
      reports([181, 'at_least', 'a'], [182, 'exact', 'b']),
      'consistent',
    ],
    [
      '"at least 100" and "at most 90" conflict',
      reports([100, 'at_least', 'a'], [90, 'at_most', 'b']),
      'conflicting',
    ],
    [
      'one document is a single source',
      reports([139, 'exact', 'a'], [139, 'at_least', 'a']),
      'single_source',
    ],
    [
      'one document can conflict with itself (an article and its comments)',
      reports([200, 'approx', 'a'], [182, 'exact', 'a']),
      'conflicting',
    ],
    ['no reports is a single source', reports(), 'single_source'],
  ] as const)('%s', (_, input, expected) => {
    expect(figureAgreement(input)).toBe(expected)
  })
})
