import { describe, expect, it } from 'vitest'
import { reconcileMeasure, type FigureReport } from './figures.js'
import type { Qualifier } from '../model/analysis.js'

/** [value, qualifier, document, source, publishedAt, text] */
type Row = [number, Qualifier, string, string, string | null, string]

const reports = (measure: string, rows: Row[]): FigureReport[] =>
  rows.map(([value, qualifier, document, source, publishedAt, text]) => ({
    measure,
    value,
    qualifier,
    document,
    source,
    publishedAt,
    text,
  }))

describe('reconcileMeasure', () => {
  it.each<[string, string, Row[], string, number | null]>([
    [
      '"at least 50" and "52" agree',
      'injured',
      [
        [50, 'at_least', 'a', 'a', '2026-01-02T10:00Z', 'at least 50 injured'],
        [52, 'exact', 'b', 'b', '2026-01-02T11:00Z', '52 injured'],
      ],
      'consistent',
      52,
    ],
    [
      'one source, however often',
      'killed',
      [
        [12, 'exact', 'a', 'a', '2026-01-02T10:00Z', '12 dead'],
        [12, 'exact', 'a', 'a', '2026-01-02T10:00Z', 'killing 12'],
      ],
      'single_source',
      12,
    ],
    [
      'a copy does not make a second source',
      'killed',
      [
        [12, 'exact', 'a', 'a', '2026-01-02T10:00Z', '12 dead'],
        [12, 'exact', 'copy-of-a', 'a', '2026-01-02T12:00Z', '12 dead'],
      ],
      'single_source',
      12,
    ],
    [
      'two exact values at one time conflict',
      'killed',
      [
        [30, 'exact', 'a', 'a', '2026-01-02T10:00Z', '30 dead'],
        [35, 'exact', 'b', 'b', '2026-01-02T10:00Z', '35 dead'],
      ],
      'conflicting',
      null,
    ],
    [
      '"rose to" marks a later report, not a contradiction',
      'killed',
      [
        [30, 'exact', 'a', 'a', '2026-01-02T10:00Z', '30 dead'],
        [35, 'exact', 'b', 'b', '2026-01-02T10:00Z', 'the toll rose to 35'],
        [30, 'exact', 'c', 'c', '2026-01-02T18:00Z', '30 people died'],
      ],
      'updated',
      35,
    ],
    [
      'published after every earlier report: an update',
      'killed',
      [
        [30, 'exact', 'a', 'a', '2026-01-02T10:00Z', '30 dead'],
        [35, 'exact', 'b', 'b', '2026-01-03T10:00Z', '35 dead'],
      ],
      'updated',
      35,
    ],
    [
      'a cumulative toll that falls later is a contradiction',
      'injured',
      [
        [200, 'approx', 'a', 'a', '2026-01-02T10:00Z', 'around 200 wounded'],
        [150, 'exact', 'b', 'b', '2026-01-03T10:00Z', '150 injured'],
      ],
      'conflicting',
      null,
    ],
    [
      'patients still in hospital may fall',
      'hospitalized',
      [
        [90, 'exact', 'a', 'a', '2026-01-02T10:00Z', '90 in hospital'],
        [70, 'exact', 'b', 'b', '2026-01-03T10:00Z', '70 still in hospital'],
      ],
      'updated',
      70,
    ],
    [
      '"close to 140" fits 139',
      'killed',
      [
        [140, 'approx', 'a', 'a', null, 'close to 140'],
        [139, 'exact', 'b', 'b', null, '139 dead'],
      ],
      'consistent',
      139,
    ],
  ])('%s', (_name, measure, rows, status, current) => {
    const r = reconcileMeasure(measure, reports(measure, rows))
    expect(r.status).toBe(status)
    expect(r.current).toBe(current)
  })

  it('counts independent sources per value and shows both sides of a conflict', () => {
    const r = reconcileMeasure(
      'injured',
      reports('injured', [
        [182, 'exact', 'a', 'a', '2026-01-02T10:00Z', '182 injured'],
        [182, 'exact', 'a2', 'a', '2026-01-02T11:00Z', '182 injured'],
        [182, 'exact', 'b', 'b', '2026-01-02T12:00Z', '182 injured'],
        [200, 'approx', 'c', 'c', '2026-01-02T09:00Z', 'around 200'],
      ]),
    )
    expect(r.values.map((v) => [v.value, v.documents.length, v.independentSources])).toEqual([
      [200, 1, 1],
      [182, 3, 2],
    ])
    expect(r.conflicts).toEqual([{ a: 0, b: 1, kind: 'contradiction' }])
  })
})

describe('reconcileMeasure with stated times ("as of")', () => {
  const at = (rows: [number, string, string, string | null][]): FigureReport[] =>
    rows.map(([value, document, publishedAt, asOf]) => ({
      measure: 'hospitalized',
      value,
      qualifier: 'exact',
      document,
      source: document,
      publishedAt,
      asOf,
      text: `${value} in hospital`,
    }))

  it('a value stated for a later day updates one stated for an earlier day, whatever was published first', () => {
    // The report of Monday's count was published before the report of Sunday's count.
    const r = reconcileMeasure(
      'hospitalized',
      at([
        [17, 'a', '2026-01-06T09:00Z', '2026-01-05'],
        [40, 'b', '2026-01-06T12:00Z', '2026-01-04'],
      ]),
    )
    expect(r.status).toBe('updated')
    expect(r.current).toBe(17)
    expect(r.values.map((v) => [v.value, v.lastAsOf])).toEqual([
      [17, '2026-01-05'],
      [40, '2026-01-04'],
    ])
  })

  it('values stated for one day ("Sunday morning", "Sunday evening") are left to publication order', () => {
    const r = reconcileMeasure(
      'hospitalized',
      at([
        [17, 'a', '2026-01-05T09:00Z', '2026-01-05'],
        [40, 'b', '2026-01-06T12:00Z', '2026-01-05'],
      ]),
    )
    expect(r.status).toBe('updated')
    expect(r.current).toBe(40)
    // Published at one time too: nothing tells which is later.
    const same = reconcileMeasure(
      'hospitalized',
      at([
        [17, 'a', '2026-01-05T09:00Z', '2026-01-05'],
        [40, 'b', '2026-01-05T09:00Z', '2026-01-05'],
      ]),
    )
    expect(same.status).toBe('conflicting')
  })

  it('a month or a year covers all its days ("by March" is not earlier than 14 March)', () => {
    const r = reconcileMeasure(
      'hospitalized',
      at([
        [40, 'a', '2026-03-20T09:00Z', '2026-03'],
        [25, 'b', '2026-03-15T09:00Z', '2026-03-14'],
      ]),
    )
    expect(r.values.map((v) => [v.value, v.asOfDays?.[1] === v.asOfDays?.[0]])).toEqual([
      [25, true],
      [40, false],
    ])
    // The month overlaps 14 March: publication order decides (40 was published later).
    expect(r.status).toBe('updated')
  })

  it('without a stated time on both sides, publication times decide as before', () => {
    const r = reconcileMeasure(
      'hospitalized',
      at([
        [17, 'a', '2026-01-05T09:00Z', '2026-01-05'],
        [40, 'b', '2026-01-06T12:00Z', null],
      ]),
    )
    expect(r.status).toBe('updated')
    expect(r.current).toBe(40)
  })
})
