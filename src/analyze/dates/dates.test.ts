import { describe, expect, it } from 'vitest'
import { sentencesStage } from '../sentences/index.js'
import { textDocument } from '../text-document.js'
import { tokensStage } from '../tokens/index.js'
import { datesStage } from './index.js'
import { formatIsoWeek } from './calendar-math.js'

const here = '[analyze/dates] '

type Row = [text: string, value: string | null, relative: boolean]

function dates(text: string, publishedAt: string | null): Row[] {
  const doc = textDocument(text, { publishedAt })
  const sentences = sentencesStage.run(doc)
  const tokens = tokensStage.run(doc, { sentences })
  return datesStage.run(doc, { sentences, tokens }).map((d) => {
    expect(text.slice(d.start, d.end)).toBe(d.text)
    return [d.text, d.value, d.relative]
  })
}

// 2026-03-23 is a Monday.
const PUB = '2026-03-23T09:00:00Z'

const cases: [string, string | null, Row[]][] = [
  [
    'It happened on March 22, 2026 and on 22 March 2026.',
    null,
    [
      ['March 22, 2026', '2026-03-22', false],
      ['22 March 2026', '2026-03-22', false],
    ],
  ],
  [
    'Filed 2026-03-22 and 3/22/2026 and 22/3/2026.',
    null,
    [
      ['2026-03-22', '2026-03-22', false],
      ['3/22/2026', '2026-03-22', false],
      ['22/3/2026', '2026-03-22', false],
    ],
  ],
  [
    'On March 22 and on the 21st of March.',
    PUB,
    [
      ['March 22', '2026-03-22', false],
      ['21st of March', '2026-03-21', false],
    ],
  ],
  ['On March 22.', null, [['March 22', null, true]]],
  ['In December 28 talks.', '2026-01-03', [['December 28', '2025-12-28', false]]],
  [
    'Yesterday, last night and today; tomorrow too.',
    PUB,
    [
      ['Yesterday', '2026-03-22', false],
      ['last night', '2026-03-22', false],
      ['today', '2026-03-23', false],
      ['tomorrow', '2026-03-24', false],
    ],
  ],
  ['Yesterday it rained.', null, [['Yesterday', null, true]]],
  [
    'On Friday, and last Sunday, and next Monday, and Monday night.',
    PUB,
    [
      ['Friday', '2026-03-20', false],
      ['last Sunday', '2026-03-22', false],
      ['next Monday', '2026-03-30', false],
      ['Monday night', '2026-03-23', false],
    ],
  ],
  [
    'Last week, last month, last year, two days ago.',
    PUB,
    [
      ['Last week', '2026-W12', false],
      ['last month', '2026-02', false],
      ['last year', '2025', false],
      ['two days ago', '2026-03-21', false],
    ],
  ],
  [
    'In March 2026 and since 1999.',
    null,
    [
      ['March 2026', '2026-03', false],
      ['1999', '1999', false],
    ],
  ],
  ['You may go and march on; he may 5 times.', PUB, []],
  ['Friday, March 20, 2026 it was.', PUB, [['March 20, 2026', '2026-03-20', false]]],
  ['February 30, 2026 is not a day.', null, []],
  [
    'Ahead of the May 20 vote and after the December 28 talks.',
    '2026-01-03',
    [
      ['May 20', '2026-05-20', false],
      ['December 28', '2025-12-28', false],
    ],
  ],
  ['On Super Tuesday and Black Friday he spoke on CBS This Morning.', PUB, []],
]

describe('dates', () => {
  it.each(cases)(`${here}%j (published %j)`, (input, publishedAt, expected) => {
    expect(dates(input, publishedAt)).toEqual(expected)
  })

  it(`${here}ISO weeks`, () => {
    expect(formatIsoWeek({ year: 2026, month: 1, day: 1 })).toBe('2026-W01')
    expect(formatIsoWeek({ year: 2027, month: 1, day: 1 })).toBe('2026-W53')
    expect(formatIsoWeek({ year: 2026, month: 3, day: 16 })).toBe('2026-W12')
  })

  it(`${here}without publishedAt, resolves against a dateline or byline date`, () => {
    const text = 'CITY, March 13, 2026 — Gunmen struck on Friday evening. Yesterday was calm.'
    const doc = textDocument(text)
    const sentences = sentencesStage.run(doc)
    const tokens = tokensStage.run(doc, { sentences })
    const found = datesStage.run(doc, { sentences, tokens })
    expect(found.map((d) => [d.text, d.value, d.relative, d.provenance.confidence])).toEqual([
      ['March 13, 2026', '2026-03-13', false, undefined],
      ['Friday evening', '2026-03-13', false, 0.8],
      ['Yesterday', '2026-03-12', false, 0.8],
    ])
  })

  it(`${here}ignores an unusable publishedAt`, () => {
    expect(dates('Yesterday.', 'soon')).toEqual([['Yesterday', null, true]])
  })
})
