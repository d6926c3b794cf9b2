import { describe, expect, it } from 'vitest'
import type { Entity, EntityType, Event } from '../../model/analysis.js'
import { datesStage } from '../dates/index.js'
import { quantitiesStage } from '../quantities/index.js'
import { sentencesStage } from '../sentences/index.js'
import { textDocument } from '../text-document.js'
import { tokensStage } from '../tokens/index.js'
import { eventsStage } from './index.js'

const here = '[analyze/events] '

/** Entities for a test: each [surface text, type] becomes one entity with all its occurrences. */
function entitiesFor(text: string, names: readonly [string, EntityType][]): Entity[] {
  return names.map(([name, type], index) => {
    const mentions = []
    for (let at = text.indexOf(name); at !== -1; at = text.indexOf(name, at + name.length)) {
      mentions.push({
        start: at,
        end: at + name.length,
        text: name,
        provenance: { stage: 'test', rule: 'test' },
      })
    }
    return {
      id: `E${index + 1}`,
      name,
      type,
      key: `${type}:${name}`,
      mentions,
      provenance: { stage: 'test', rule: 'test' },
    }
  })
}

function events(
  text: string,
  names: readonly [string, EntityType][] = [],
  publishedAt: string | null = null,
): Event[] {
  const doc = textDocument(text, { publishedAt })
  const sentences = sentencesStage.run(doc)
  const tokens = tokensStage.run(doc, { sentences })
  const quantities = quantitiesStage.run(doc, { sentences, tokens })
  const dates = datesStage.run(doc, { sentences, tokens })
  const entities = entitiesFor(text, names)
  const found = eventsStage.run(doc, {
    sentences,
    tokens,
    quantities,
    dates,
    entities,
    mentions: [],
  })
  for (const event of found) {
    expect(text.slice(event.trigger.start, event.trigger.end)).toBe(event.trigger.text)
    for (const f of event.figures) expect(text.slice(f.span.start, f.span.end)).toBe(f.span.text)
  }
  return found
}

type FigureRow = [measure: string, value: number, qualifier: string, valueMax?: number]

function figures(text: string): FigureRow[] {
  return events(text).flatMap((e) =>
    e.figures.map((f) => {
      const row: FigureRow = [f.measure, f.value, f.qualifier]
      if (f.valueMax !== undefined) row.push(f.valueMax)
      return row
    }),
  )
}

const figureCases: [string, FigureRow[]][] = [
  ['In the attack at least 139 people were killed.', [['killed', 139, 'at_least']]],
  [
    'The attack left 139 dead and injured 182.',
    [
      ['killed', 139, 'exact'],
      ['injured', 182, 'exact'],
    ],
  ],
  ['After the attack, the death toll rose to 140.', [['killed', 140, 'exact']]],
  [
    'The attack: more than 100 hospitalized, dozens missing.',
    [
      ['hospitalized', 100, 'at_least'],
      ['missing', 24, 'approx', 99],
    ],
  ],
  [
    'Four gunmen opened fire, killing six.',
    [
      ['attackers', 4, 'exact'],
      ['killed', 6, 'exact'],
    ],
  ],
  ['After the attack 11 people were detained.', [['arrested', 11, 'exact']]],
  ['The attack cost $5 million and hit 50% of stalls.', []],
]

describe('events', () => {
  it.each(figureCases)(`${here}figures in %j`, (input, expected) => {
    expect(figures(input)).toEqual(expected)
  })

  it(`${here}merges mentions of one type, keeps the first trigger, accumulates figures`, () => {
    const text =
      'Gunmen attack a concert hall.\n\nThe attack killed at least 139 people. Officials later said the attack killed 139.'
    const found = events(text)
    expect(found).toHaveLength(1)
    const [event] = found
    expect(event!.type).toBe('attack')
    expect(event!.trigger.text).toBe('attack')
    expect(event!.trigger.start).toBe(7)
    expect(event!.sentence).toBe(0)
    expect(event!.figures.map((f) => [f.measure, f.value, f.qualifier, f.sentence])).toEqual([
      ['killed', 139, 'at_least', 1],
      ['killed', 139, 'exact', 2],
    ])
  })

  it(`${here}types from the lexicon; not "heart attack"`, () => {
    const text =
      'A blast hit the market. Police arrested two men. The Front claimed responsibility. He had a heart attack.'
    expect(events(text).map((e) => [e.type, e.trigger.text])).toEqual([
      ['explosion', 'blast'],
      ['arrest', 'arrested'],
      ['claim', 'claimed responsibility'],
    ])
    expect(events(text)[1]!.figures.map((f) => [f.measure, f.value])).toEqual([['arrested', 2]])
  })

  it(`${here}place prefers "in/at <place>", agents are grammatical agents`, () => {
    const text =
      'Officials in Norvia said the Red Hand attacked the Amber Hall in Dravnik. Gunmen from the Blue Circle helped. Norvia blamed Lortia.'
    const found = events(text, [
      ['Norvia', 'GPE'],
      ['Red Hand', 'ORG'],
      ['Amber Hall', 'FAC'],
      ['Dravnik', 'GPE'],
      ['Blue Circle', 'ORG'],
      ['Lortia', 'GPE'],
    ])
    expect(found).toHaveLength(1)
    expect(found[0]!.place?.text).toBe('Amber Hall')
    expect(found[0]!.agents).toEqual(['E2'])
    // Without the object, "in <place>" after the trigger beats "in <place>" before it.
    const inPlace = events('Officials in Norvia said gunmen attacked a hall in Dravnik.', [
      ['Norvia', 'GPE'],
      ['Dravnik', 'GPE'],
    ])
    expect(inPlace[0]!.place?.text).toBe('Dravnik')
    const named = events('Officials in Norvia condemned the Dravnik attack.', [
      ['Norvia', 'GPE'],
      ['Dravnik', 'GPE'],
    ])
    expect(named[0]!.place?.text).toBe('Dravnik')
    const second = events(
      'The attack by the Blue Circle hit a market in Dravnik. Gunmen from the Red Hand fired in the attack.',
      [
        ['Blue Circle', 'ORG'],
        ['Dravnik', 'GPE'],
        ['Red Hand', 'ORG'],
      ],
    )
    expect(second[0]!.agents).toEqual(['E1', 'E3'])
    expect(second[0]!.place).toEqual({ start: 46, end: 53, text: 'Dravnik', entity: 'E2' })
  })

  it(`${here}a trigger pointing back, or a claim, takes no place from elsewhere in its sentence`, () => {
    const back = events('"Those who planned this massacre sit in Lortia," the minister said.', [
      ['Lortia', 'GPE'],
    ])
    expect(back.map((e) => [e.type, e.place])).toEqual([['massacre', null]])
    for (const sentence of [
      'The minister condemned this attack in Dravnik.',
      'This bombing in Dravnik killed four people.',
      'Police said that attacks in Dravnik had doubled.',
    ]) {
      expect(events(sentence, [['Dravnik', 'GPE']])[0]!.place?.text).toBe('Dravnik')
    }
    const claimant = events('The Red Hand, a group active in Lortia, claimed responsibility.', [
      ['Red Hand', 'ORG'],
      ['Lortia', 'GPE'],
    ])
    expect(claimant.map((e) => [e.type, e.place])).toEqual([['claim', null]])
    const near = events('The Red Hand claimed responsibility for the bombing in Dravnik.', [
      ['Red Hand', 'ORG'],
      ['Dravnik', 'GPE'],
    ])
    expect(near.map((e) => [e.type, e.place?.text])).toEqual([
      ['claim', 'Dravnik'],
      ['bombing', 'Dravnik'],
    ])
  })

  it(`${here}date from the trigger sentence, else the document's first date`, () => {
    const pub = '2026-03-23'
    const same = events('On Sunday officials met. The attack happened on Friday.', [], pub)
    expect(same[0]!.date).toMatchObject({ text: 'Friday', value: '2026-03-20', relative: false })
    const first = events('On Sunday officials met. The attack was huge.', [], pub)
    expect(first[0]!.date).toMatchObject({ text: 'Sunday', value: '2026-03-22' })
    expect(events('The attack was huge.')[0]!.date).toBeNull()
    // A dateline is farther from the trigger than the date of the happening.
    const dateline = events(
      'DRAVNIK, March 22, 2026 — Gunmen opened fire on Friday night.',
      [],
      pub,
    )
    expect(dateline[0]!.date).toMatchObject({ text: 'Friday night', value: '2026-03-20' })
  })

  it(`${here}tolls, subsets and repeated paragraphs`, () => {
    expect(
      figures('The death toll from the attack on the hall in the city rose to 143 on Saturday.'),
    ).toEqual([['killed', 143, 'exact']])
    expect(figures('The number of people killed in the attack has reached 139.')).toEqual([
      ['killed', 139, 'exact'],
    ])
    expect(figures('After the attack four of the wounded died.')).toEqual([])
    expect(figures('After the attack the number of voters rose to 1,200.')).toEqual([])
    const text = 'The attack left 50 dead.\n\nThe attack left 50 dead.'
    const doc = {
      ...textDocument(text),
      repeats: [{ start: 26, end: 50, of: { start: 0, end: 24 } }],
    }
    const sentences = sentencesStage.run(doc)
    const tokens = tokensStage.run(doc, { sentences })
    const quantities = quantitiesStage.run(doc, { sentences, tokens })
    const found = eventsStage.run(doc, {
      sentences,
      tokens,
      quantities,
      dates: [],
      entities: [],
      mentions: [],
    })
    expect(found[0]!.figures).toHaveLength(1)
  })

  it(`${here}prefers the date of the happening to the date of the statement`, () => {
    const found = events(
      'The ministry said on Saturday that the attack killed 139. The group claimed the attack on Friday night.',
      [],
      '2026-03-23',
    )
    expect(found[0]!.date).toMatchObject({ text: 'Friday night', value: '2026-03-20' })
  })

  it(`${here}the main event is the umbrella "attack" and borrows the date of its violent siblings`, () => {
    const found = events(
      'Gunmen kill 20 in market attack.\n\nGunmen opened fire on Friday, killing 20.',
      [],
      '2026-03-23',
    )
    expect(found.map((e) => e.type)).toEqual(['attack', 'shooting'])
    expect(found[0]!.date).toMatchObject({ text: 'Friday', value: '2026-03-20' })
    expect(found[0]!.figures.map((f) => [f.measure, f.value])).toEqual([
      ['killed', 20],
      ['killed', 20],
    ])
    expect(found[1]!.figures).toEqual([])
  })

  it(`${here}a figure keeps the time its sentence gives it ("as of", "by"), resolved when it can be`, () => {
    const pub = '2026-03-23'
    const text =
      'The attack on the depot killed at least 40 people. ' +
      'By Sunday evening the death toll had risen to 52, officials said. ' +
      'As of Monday, 17 people were still in hospital.'
    const [attack] = events(text, [], pub)
    const asOf = attack!.figures.map((f) => [f.measure, f.value, f.asOf?.text ?? null])
    expect(asOf).toEqual([
      ['killed', 40, null],
      ['killed', 52, 'Sunday evening'],
      ['hospitalized', 17, 'Monday'],
    ])
    expect(attack!.figures[1]!.asOf).toMatchObject({ value: '2026-03-22', relative: false })
  })

  it(`${here}"until", a date naming an event ("by the Friday attack") or another figure's time is no "as of"`, () => {
    const asOf = (text: string) =>
      events(text, [], '2026-03-23').flatMap((e) =>
        e.figures.map((f) => [f.measure, f.value, f.asOf?.text ?? null]),
      )
    expect(asOf('The blast killed 12 people and the road stays closed until Monday.')).toEqual([
      ['killed', 12, null],
    ])
    expect(asOf('Twelve people were killed by the Friday attack on the depot.')).toEqual([
      ['killed', 12, null],
    ])
    expect(
      asOf('The attack killed 12 people, police said, up from 9 dead by Sunday evening.'),
    ).toEqual([
      ['killed', 12, null],
      ['killed', 9, 'Sunday evening'],
    ])
  })

  it(`${here}a date that names the cause ("by Friday's blast") or another sentence's date is no "as of"`, () => {
    const found = events(
      'Twelve people were injured by Friday’s blast at the depot. On Saturday the mayor spoke.',
      [],
      '2026-03-23',
    )
    expect(found[0]!.figures.map((f) => [f.measure, f.value, f.asOf])).toEqual([
      ['injured', 12, undefined],
    ])
  })

  it(`${here}no trigger, no event`, () => {
    expect(events('Taxes rose by 3 percent; 139 people voted.')).toEqual([])
  })
})
