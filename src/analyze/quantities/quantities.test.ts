import { describe, expect, it } from 'vitest'
import { sentencesStage } from '../sentences/index.js'
import { textDocument } from '../text-document.js'
import { tokensStage } from '../tokens/index.js'
import { quantitiesStage } from './index.js'

const here = '[analyze/quantities] '

type Row = [text: string, value: number, qualifier: string, valueMax?: number]

function quantities(text: string): Row[] {
  const doc = textDocument(text)
  const sentences = sentencesStage.run(doc)
  const tokens = tokensStage.run(doc, { sentences })
  return quantitiesStage.run(doc, { sentences, tokens }).map((q) => {
    expect(text.slice(q.start, q.end)).toBe(q.text)
    const row: Row = [q.text, q.value, q.qualifier]
    if (q.valueMax !== undefined) row.push(q.valueMax)
    return row
  })
}

const cases: [string, Row[]][] = [
  ['139 people died.', [['139', 139, 'exact']]],
  [
    'At least 139 people were killed and 1,200 injured.',
    [
      ['At least 139', 139, 'at_least'],
      ['1,200', 1200, 'exact'],
    ],
  ],
  [
    'More than 100 were hospitalized, over 40 critically.',
    [
      ['More than 100', 100, 'at_least'],
      ['over 40', 40, 'at_least'],
    ],
  ],
  [
    'Up to 12 gunmen; fewer than 20 shots; less than 3.5 percent.',
    [
      ['Up to 12', 12, 'at_most'],
      ['fewer than 20', 20, 'at_most'],
      ['less than 3.5', 3.5, 'at_most'],
    ],
  ],
  [
    'Nearly 140, close to 150, around 60, about 70, some 80, roughly 90, approximately 95.',
    [
      ['Nearly 140', 140, 'approx'],
      ['close to 150', 150, 'approx'],
      ['around 60', 60, 'approx'],
      ['about 70', 70, 'approx'],
      ['some 80', 80, 'approx'],
      ['roughly 90', 90, 'approx'],
      ['approximately 95', 95, 'approx'],
    ],
  ],
  [
    'Six men and a hundred women and two dozen children.',
    [
      ['Six', 6, 'exact'],
      ['a hundred', 100, 'exact'],
      ['two dozen', 24, 'exact'],
    ],
  ],
  [
    'Two hundred and thirty-five people and 1.5 million dollars.',
    [
      ['Two hundred and thirty-five', 235, 'exact'],
      ['1.5 million', 1500000, 'exact'],
    ],
  ],
  [
    'Dozens were hurt and hundreds fled; tens of thousands marched.',
    [
      ['Dozens', 24, 'approx', 99],
      ['hundreds', 200, 'approx', 999],
      ['tens of thousands', 20000, 'approx', 99999],
    ],
  ],
  [
    'Between 10 and 12 died; 20 to 30 fled; 40-50 hid; two or three ran.',
    [
      ['Between 10 and 12', 10, 'exact', 12],
      ['20 to 30', 20, 'exact', 30],
      ['40-50', 40, 'exact', 50],
      ['two or three', 2, 'approx', 3],
    ],
  ],
  ['In 2015 and since 1999, on March 22, 2026 and 22 March at 10:30 or 9 p.m., the 3rd time.', []],
  ['Call 5551234 or 555-123-4567 about Flight 370 and Article 5 on 2026-03-22.', []],
  ['No one knew; one of them left; one man stayed.', [['one', 1, 'exact']]],
  ['2000 people marched in 2015.', [['2000', 2000, 'exact']]],
  [
    'Ranked #2 with 50% and $5 million.',
    [
      ['50', 50, 'exact'],
      ['5 million', 5000000, 'exact'],
    ],
  ],
  ['A 20-year-old man in the 1990s.', []],
  ['It cost over half a million dollars.', [['over half a million', 500000, 'at_least']]],
  ['Lina Orsk, 27, said the first one was part 3 of the plan.', []],
]

describe('quantities', () => {
  it.each(cases)(`${here}%j`, (input, expected) => {
    expect(quantities(input)).toEqual(expected)
  })

  it(`${here}is total on odd input`, () => {
    for (const text of [
      '1,2',
      '1,',
      ',000',
      '1.2.3',
      '10-',
      '-10',
      'a',
      'and',
      'between',
      'tens of',
      '99999999999999999999999',
    ]) {
      expect(() => quantities(text)).not.toThrow()
    }
  })
})
