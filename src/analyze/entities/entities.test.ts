import { describe, expect, it } from 'vitest'
import type { Entity } from '../../model/analysis.js'
import { textDocument } from '../text-document.js'
import type { TypedMention } from '../stage.js'
import { entitiesStage, mentionsStage } from './index.js'
import { testTokens } from './test-tokens.js'

function analyze(text: string): { mentions: readonly TypedMention[]; entities: readonly Entity[] } {
  const doc = textDocument(text)
  const mentions = mentionsStage.run(doc, { tokens: testTokens(text), sentences: [] })
  return { mentions, entities: entitiesStage.run(doc, { mentions }) }
}

/** "name|TYPE|key" per entity, in id order. */
function summary(text: string): string[] {
  return analyze(text).entities.map((e) => `${e.name}|${e.type}|${e.key}`)
}

describe('[entities] aliases resolve to one canonical key', () => {
  const table: [string, string][] = [
    ['Shelling hit Kiev on Monday. Residents of Kyiv fled.', 'gpe:kyiv'],
    [
      'The U.S. responded. The United States sent envoys. US officials agreed.',
      'gpe:united-states',
    ],
    ['The UK objected. Great Britain later agreed.', 'gpe:united-kingdom'],
    ['ISIS claimed the attack. Islamic State fighters were seen.', 'org:islamic-state'],
    [
      'ISIS-K claimed it. Analysts blamed ISIS-Khorasan for the blast.',
      'org:islamic-state-khorasan',
    ],
  ]
  it.each(table)('%s → %s', (text, key) => {
    const entities = analyze(text).entities.filter((e) => e.key === key)
    expect(entities).toHaveLength(1)
    expect(entities[0]?.mentions.length).toBeGreaterThanOrEqual(2)
  })

  it('keeps IS and ISIS-K apart', () => {
    const keys = analyze('IS and ISIS-K are rivals.').entities.map((e) => e.key)
    expect(keys).toEqual(['org:islamic-state', 'org:islamic-state-khorasan'])
  })
})

describe('[entities] people: titles stripped, surnames join the full name', () => {
  it('merges Emmanuel Macron … Macron … President Macron', () => {
    const { entities } = analyze(
      'Emmanuel Macron spoke on Friday. Macron said the attack was cowardly. Later, President Macron left.',
    )
    const people = entities.filter((e) => e.type === 'PERSON')
    expect(people.map((e) => e.name)).toEqual(['Emmanuel Macron'])
    expect(people[0]?.mentions.map((m) => m.text)).toEqual(['Emmanuel Macron', 'Macron', 'Macron'])
    expect(people[0]?.key).toBe('person:emmanuel-macron')
  })

  it('joins a surname seen before the full name', () => {
    const people = analyze(
      'Lavrov denied it. Russian Foreign Minister Sergei Lavrov spoke later.',
    ).entities.filter((e) => e.type === 'PERSON')
    expect(people).toHaveLength(1)
    expect(people[0]?.name).toBe('Sergei Lavrov')
  })

  it('leaves an ambiguous surname alone', () => {
    const smiths = analyze('Anna Smith met John Smith. Smith said nothing.').entities.filter((e) =>
      e.name.includes('Smith'),
    )
    expect(smiths.map((e) => `${e.name}:${e.mentions.length}`)).toEqual([
      'Anna Smith:1',
      'John Smith:1',
      'Smith:1',
    ])
  })

  const titles: [string, string][] = [
    ['Gen. Valery Gerasimov arrived.', 'Valery Gerasimov'],
    ['Prime Minister Keir Starmer spoke.', 'Keir Starmer'],
    ['Ukrainian President Volodymyr Zelensky spoke.', 'Volodymyr Zelensky'],
    ['Sheikh Hassan Nasrallah spoke.', 'Hassan Nasrallah'],
  ]
  it.each(titles)('%s → %s', (text, name) => {
    expect(
      analyze(text)
        .entities.filter((e) => e.type === 'PERSON')
        .map((e) => e.name),
    ).toEqual([name])
  })
})

describe('[entities] metonyms are recorded in provenance', () => {
  const table: [string, string, string][] = [
    ['The Kremlin denied the report.', 'Kremlin', 'metonym:gpe:russia'],
    ['The White House said nothing.', 'White House', 'metonym:gpe:united-states'],
    ['Downing Street declined to comment.', 'Downing Street', 'metonym:gpe:united-kingdom'],
    ['Paris accused Rome of lying.', 'Paris', 'metonym:gpe:france'],
  ]
  it.each(table)('%s → %s %s', (text, name, rule) => {
    const entity = analyze(text).entities.find((e) => e.name === name)
    expect(entity?.provenance.rule).toContain(rule)
  })

  it('does not mark a capital that is only a place', () => {
    const entity = analyze('An attack in Paris killed two.').entities.find(
      (e) => e.name === 'Paris',
    )
    expect(entity?.type).toBe('GPE')
    expect(entity?.provenance.rule).not.toContain('metonym')
  })
})

describe('[entities] name parts join across particles', () => {
  const table: [string, string][] = [
    ['Volodymyr Zelenskyy met Mohammed bin Salman in Riyadh.', 'Mohammed bin Salman'],
    ['Later, Ursula von der Leyen spoke in Brussels.', 'Ursula von der Leyen'],
  ]
  it.each(table)('%s → %s', (text, name) => {
    expect(analyze(text).entities.find((e) => e.name === name)?.type).toBe('PERSON')
  })
})

describe('[entities] types from the gazetteers', () => {
  const table: [string, string, string][] = [
    ['Hamas fighters crossed the border.', 'Hamas', 'ORG'],
    ['Officials in Pakistan spoke.', 'Pakistan', 'GPE'],
    ['Russian officials spoke.', 'Russian', 'NORP'],
    ['Boats crossed the Black Sea.', 'Black Sea', 'LOC'],
    ['The Ministry of Defence issued a statement.', 'Ministry of Defence', 'ORG'],
  ]
  it.each(table)('%s → %s %s', (text, name, type) => {
    expect(analyze(text).entities.find((e) => e.name === name)?.type).toBe(type)
  })
})

describe('[entities] one entity per actor within a document', () => {
  it('gives a name one type: a place acting is still the place', () => {
    const { entities } = analyze(
      "Troops crossed from Drovnia on Monday. Drovnia's intelligence service denied it. Drovnia has closed the border.",
    )
    const drovnia = entities.filter((e) => e.name === 'Drovnia')
    expect(drovnia).toHaveLength(1)
    expect(drovnia[0]?.mentions).toHaveLength(3)
  })

  const shortForms: [string, string, number][] = [
    [
      'The Crimson Dawn Front claimed the attack. The Front gave no proof.',
      'Crimson Dawn Front',
      2,
    ],
    [
      'Fire broke out at the Silver Gate Concert Hall. Survivors left Silver Gate at dawn.',
      'Silver Gate Concert Hall',
      2,
    ],
  ]
  it.each(shortForms)('%s → %s', (text, name, count) => {
    const entity = analyze(text).entities.find((e) => e.name === name)
    expect(entity?.mentions).toHaveLength(count)
  })

  it('types a name ending in an outlet or place word by that word', () => {
    const { entities } = analyze(
      'Rosa Lind wrote for the Harbour Ledger. Rosa Lind lives near Kettle Bridge.',
    )
    expect(entities.map((e) => `${e.name}|${e.type}`)).toEqual(
      expect.arrayContaining(['Rosa Lind|PERSON', 'Harbour Ledger|ORG']),
    )
  })
})

describe('[entities] title phrases join the one person with that title', () => {
  const table: [string, string, string[]][] = [
    [
      'French President Emmanuel Macron condemned the attack. The French president said aid would come.',
      'Emmanuel Macron',
      ['Emmanuel Macron', 'French president'],
    ],
    [
      'Prime Minister Keir Starmer spoke first, and the minister then left.',
      'Keir Starmer',
      ['Keir Starmer', 'minister'],
    ],
  ]
  it.each(table)('%s → %s', (text, name, mentions) => {
    const person = analyze(text).entities.find((e) => e.name === name)
    expect(person?.mentions.map((m) => m.text)).toEqual(mentions)
  })

  it('leaves "the president" alone when two people are called President', () => {
    const { entities } = analyze(
      'President Anna Berg met President Tomas Kell. The president said little.',
    )
    expect(entities.flatMap((e) => e.mentions.map((m) => m.text))).not.toContain('president')
  })
})

describe('[entities] corrections to the tagger', () => {
  it('makes a first name and a surname a person even where the tagger saw a team', () => {
    const { entities } = analyze(
      'The final debate between Donald Trump and Hillary Clinton starts tonight.',
    )
    expect(entities.filter((e) => e.type === 'PERSON').map((e) => e.name)).toEqual([
      'Donald Trump',
      'Hillary Clinton',
    ])
  })
})

describe('[entities] boilerplate and layout', () => {
  it('finds no names in boilerplate sections', () => {
    const text = 'Home | World | Sport\nMarta Vell spoke in Oslo.'
    const nav = text.indexOf('\n')
    const doc = {
      ...textDocument(text),
      sections: [
        { kind: 'boilerplate' as const, start: 0, end: nav },
        { kind: 'body' as const, start: nav + 1, end: text.length },
      ],
    }
    const tokens = testTokens(text)
    const mentions = mentionsStage.run(doc, { tokens, sentences: [] })
    expect(mentions.every((m) => m.start > nav)).toBe(true)
    expect(mentions.map((m) => text.slice(m.start, m.end))).toContain('Marta Vell')
  })
})

describe('[entities] contract', () => {
  it('numbers entities E1, E2 … by first mention and keeps offsets exact', () => {
    const text = 'NATO met in Brussels. Jens Stoltenberg spoke for NATO.'
    const { entities } = analyze(text)
    expect(entities.map((e) => e.id)).toEqual(entities.map((_, i) => `E${i + 1}`))
    const firsts = entities.map((e) => e.mentions[0]?.start ?? 0)
    expect(firsts).toEqual([...firsts].sort((a, b) => a - b))
    for (const e of entities)
      for (const m of e.mentions) expect(text.slice(m.start, m.end)).toBe(m.text)
  })

  it('is total on empty and odd input', () => {
    expect(summary('')).toEqual([])
    expect(summary('... !!! ???')).toEqual([])
  })
})
