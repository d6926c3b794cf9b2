import { describe, expect, it } from 'vitest'
import type { Entity, EntityType } from '../../model/analysis.js'
import { textDocument } from '../text-document.js'
import { entitiesStage, mentionsStage } from './index.js'
import { testTokens } from './test-tokens.js'

// Every name here is made up: the rules must work for places no gazetteer knows.
function entities(text: string): readonly Entity[] {
  const doc = textDocument(text)
  const mentions = mentionsStage.run(doc, { tokens: testTokens(text), sentences: [] })
  return entitiesStage.run(doc, { mentions })
}

function typesOf(text: string, name: string): EntityType[] {
  return entities(text)
    .filter((e) => e.name === name)
    .map((e) => e.type)
}

describe('[entities] a name the document treats as a place is a GPE', () => {
  const table: [string, string, string][] = [
    [
      'possessive + state noun',
      "Drevania's president spoke on Monday. Drevania wants calm.",
      'Drevania',
    ],
    [
      'possessive + foreign ministry',
      "On Monday Ostrel denied it, and Ostrel's foreign ministry called the claim absurd.",
      'Ostrel',
    ],
    [
      'a demonym derived from the name',
      'On Friday Talvoria closed the road, and Talvorian officials said the measure was temporary.',
      'Talvoria',
    ],
    [
      'a preposition, then the next names of a list',
      'The money came from donors in Norvath and Selvara, the minister said. Selvara denied it.',
      'Selvara',
    ],
    ['a neighbour word', 'The president blamed neighbouring Bremoria for the attack.', 'Bremoria'],
    [
      'a located thing before "in"',
      'The death toll from the attack on the Linden Concert Hall in Varesk rose to 40.',
      'Varesk',
    ],
  ]
  it.each(table)('%s: %s', (_rule, text, name) => {
    expect(typesOf(text, name)).toEqual(['GPE'])
  })
})

describe('[entities] the place rules leave people and companies alone', () => {
  it('keeps a company that is mostly named as one', () => {
    const text =
      'Korvex reported higher profits. Korvex said sales rose. Analysts like Korvex shares. ' +
      'Korvex plans a new plant. Investors in Korvex were pleased.'
    expect(typesOf(text, 'Korvex')).not.toContain('GPE')
  })

  it('keeps a person whose full name is in the document', () => {
    const text = 'Senator Maren Holt spoke in Oslo. Holt said she would run. Holt’s campaign began.'
    expect(typesOf(text, 'Maren Holt')).toEqual(['PERSON'])
    expect(typesOf(text, 'Holt')).toEqual([])
  })
})

describe('[entities] demonym-shaped words before a noun are NORP', () => {
  const table: [string, string][] = [
    ['On Friday, Talvorian officials rejected the report.', 'Talvorian'],
    ['The talks stalled after the Kestrelese delegation left.', 'Kestrelese'],
    ['The police said two Ostrelians were injured in the crash.', 'Ostrelians'],
  ]
  it.each(table)('%s → %s', (text, name) => {
    expect(typesOf(text, name)).toEqual(['NORP'])
  })
})

describe('[entities] a name right after an organisation noun is an ORG', () => {
  const table: [string, string][] = [
    ['Fans waited before the rock band The Silver Ferns was due on stage.', 'Silver Ferns'],
    ['Shares of the mining company Orvale Minerals rose on Tuesday.', 'Orvale Minerals'],
  ]
  it.each(table)('%s → %s', (text, name) => {
    expect(typesOf(text, name)).toEqual(['ORG'])
  })
})

describe('[entities] spans that name nothing are dropped', () => {
  const table: [string, string][] = [
    ['counters', 'Great show tonight.\n842 Reposts   1.1K Likes   96 Quotes'],
    ['a share bar', 'The mayor resigned.\nShare this: Twitter Facebook Email'],
    ['a month beside a number', 'Posted 13 Mar 2026, 21:05. Crowds gathered.'],
    ['a number', 'In total 104 were admitted.'],
  ]
  it.each(table)('%s', (_what, text) => {
    const names = entities(text).map((e) => e.name)
    for (const junk of ['Reposts', 'Likes', 'Quotes', 'Twitter Facebook Email', 'Mar', '104'])
      expect(names).not.toContain(junk)
  })

  it('keeps a service named alone', () => {
    expect(
      entities('The mayor said Twitter suspended his account on Monday.').map((e) => e.name),
    ).toContain('Twitter')
  })
})

describe('[entities] a venue short form joins the full name', () => {
  it('joins "Linden Hall" and "Linden" to "Linden Concert Hall"', () => {
    const text =
      'Fire broke out at the Linden Concert Hall on Friday. Witnesses at the Linden Hall said the ' +
      'exits were locked. Staff at the Linden said nothing.'
    const venues = entities(text).filter((e) => e.name.startsWith('Linden'))
    expect(venues.map((e) => e.name)).toEqual(['Linden Concert Hall'])
    expect(venues[0]?.mentions.map((m) => m.text)).toEqual([
      'Linden Concert Hall',
      'Linden Hall',
      'Linden',
    ])
  })

  it('does not join two companies that share a head word', () => {
    const text = 'Brenna Motor Company sold cars. Brenna Motor Credit Company lent money.'
    expect(entities(text).filter((e) => e.name.startsWith('Brenna'))).toHaveLength(2)
  })
})
