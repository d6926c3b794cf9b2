import { describe, expect, it } from 'vitest'
import { findClaims } from './index.js'
import type { Section } from '../../model/document.js'
import { layersOf, type GivenEntity } from './fixtures/test-layers.js'

// Fictional cast; every sentence below is written for these tests.
const CAST: readonly GivenEntity[] = [
  { name: 'Orlen', type: 'GPE' },
  { name: 'Tessaly', type: 'GPE' },
  { name: 'Varn', type: 'GPE' },
  { name: 'Mira Kovan', type: 'PERSON', aliases: ['Kovan'] },
]

/** Each claim as "speaker | cue | content | stance | targets". */
function claimsOf(text: string, sections?: readonly Section[]): string[] {
  const { doc, sentences, entities } = layersOf(text, CAST, sections)
  const name = (id: string): string => entities.find((e) => e.id === id)?.name ?? id
  return findClaims(doc, sentences, entities).map((c) =>
    [
      c.speaker?.text ?? '-',
      c.cue?.text ?? '-',
      c.content.text,
      c.stance,
      c.targets.map(name).join(','),
    ].join(' | '),
  )
}

describe('[claims] drafts that report no statement', () => {
  it.each([
    ['She has not shown any evidence.', []],
    ['Neither of them has offered any evidence.', []],
    ['The ministry gave no proof for either accusation.', []],
    ['What we know about the siege of Tessaly', []],
  ])('%s', (text, expected) => {
    expect(claimsOf(text)).toEqual(expected)
  })

  it.each([
    // A statement about evidence that carries what the speaker alleges stays a claim.
    ['Kovan offered no proof that Orlen had a role in the siege.', 1],
    ['He never showed any proof that Tessaly had paid the gunmen.', 1],
  ])('keeps %s', (text, count) => {
    expect(claimsOf(text)).toHaveLength(count)
  })
})

describe('[claims] who is accused', () => {
  it.each([
    // The relative's antecedent is accused when the object stands before the speaker.
    [
      'Nobody has linked the gunmen to Orlen, which officials in Tessaly have accused of arming them.',
      ['officials in Tessaly | have accused | of arming them | accuse | Orlen'],
    ],
    // A passive agent that names no entity is the only one accused.
    [
      'This was staged by our own police to give Kovan an excuse for a war with Orlen.',
      [
        '- | - | This was staged by our own police to give Kovan an excuse for a war with Orlen | accuse | ',
      ],
    ],
    // Only the first sentence of a quotation with nobody before its verb names the accused.
    [
      '"Those who planned this sit in Orlen," Kovan said. "They will not escape the courts of Tessaly."',
      [
        'Kovan | said | "Those who planned this sit in Orlen," Kovan said. "They will not escape the courts of Tessaly." | accuse | Orlen',
      ],
    ],
  ])('%s', (text, expected) => {
    // The passive case is a commenter's own voice.
    const comment: Section[] = [{ kind: 'comment', start: 0, end: text.length }]
    expect(claimsOf(text, text.startsWith('This') ? comment : undefined)).toEqual(expected)
  })
})

describe('[claims] the subject of a continued cue', () => {
  it('ends before a present-tense verb when the cue is in -s', () => {
    expect(
      claimsOf('My cousin works at the Tessaly depot and says the gates were locked that night.'),
    ).toEqual(['My cousin | says | the gates were locked that night | assert | '])
  })
})

describe('[claims] an appositive subject before its cue', () => {
  it('is the speaker, and the clause after the cue its content', () => {
    expect(
      claimsOf('The head of the border police, Mira Kovan, said the gunmen came from Orlen.'),
    ).toEqual([
      'The head of the border police, Mira Kovan, | said | the gunmen came from Orlen | assert | ',
    ])
  })
})

describe('[claims] accusations in two parts', () => {
  it.each([
    // The content stops at "and"; the names after it are accused of a deed all the same.
    [
      'Kovan accused Orlen of planning it and Tessaly and Varn of paying for it.',
      'Kovan | accused Orlen of | planning it | accuse | Orlen,Tessaly,Varn',
    ],
    // "President Pell of Tessaly" is a title, not a second accusation.
    [
      'Kovan accused Orlen of planning the attack, and President Pell of Tessaly called for calm.',
      'Kovan | accused Orlen of | planning the attack | accuse | Orlen',
    ],
    // A run of capitalised words after "and" is read once, in linear time.
    [
      'Kovan accused Orlen of the bombing and WHO UNESCO UNHCR OSCE NATO ICRC UNICEF STAFF LEFT.',
      'Kovan | accused Orlen of | the bombing | accuse | Orlen',
    ],
  ])('%s', (text, expected) => {
    expect(claimsOf(text)[0]).toBe(expected)
  })
})

describe('[claims] hedges', () => {
  it.each([
    ['Kovan said officials had raised the possibility that Orlen was involved.', true],
    ['Kovan said there was no chance of talks with Orlen.', false],
  ])('%s → hedged %s', (text, hedged) => {
    const { doc, sentences, entities } = layersOf(text, CAST)
    expect(findClaims(doc, sentences, entities)[0]?.hedged).toBe(hedged)
  })
})

describe('[claims] quotations that go on from another claim', () => {
  it('go with it when it is dropped, and cite their own sentence', () => {
    expect(claimsOf('Kovan has not shown any evidence. “It is all lies.”')).toEqual([])
    const text = '“We will stay,” Kovan said at the rally. “We will rebuild the hall.”'
    const { doc, sentences, entities } = layersOf(text, CAST)
    expect(findClaims(doc, sentences, entities).map((c) => c.sentence)).toEqual([0, 1])
  })
})

describe('[claims] remarks on evidence that carry an allegation', () => {
  it('stay claims', () => {
    expect(claimsOf('Kovan has not shown any evidence Orlen was involved.')).toHaveLength(1)
  })
})

describe('[claims] a plural after a preposition in a continued subject', () => {
  it('is part of the subject', () => {
    expect(
      claimsOf('The board of directors met on Monday and says the merger with Orlen is off.'),
    ).toEqual(['The board of directors | says | the merger with Orlen is off | assert | '])
  })
})

describe('[claims] a commenter whose sentence only the cue tagger reads', () => {
  it('keeps the sentence in the commenter’s own voice', () => {
    const text = 'The Front has claimed attacks before that it did not carry out.'
    const comment: Section[] = [{ kind: 'comment', start: 0, end: text.length }]
    expect(claimsOf(text, comment)).toContain(
      '- | - | The Front has claimed attacks before that it did not carry out | assert | ',
    )
  })
})

describe('[claims] the speaker of a cue only the tagger reads', () => {
  it.each([
    // The whole subject of the main clause, its relative clause included.
    [
      'Relief agencies that had worked in the valley for years agreed to leave the border towns.',
      'Relief agencies that had worked in the valley for years | agreed | to leave the border towns',
    ],
    // An appositive subject keeps its closing comma (PolNeAR).
    [
      "Tessaly's electoral board, the agency that oversees the vote, said it would recount the ballots.",
      "Tessaly's electoral board, the agency that oversees the vote, | said | it would recount the ballots",
    ],
    [
      'Younger voters, in particular, have expressed doubts about the treaty.',
      'Younger voters, in particular, | have expressed doubts about | the treaty',
    ],
    // A name, its age and a relative clause between commas.
    [
      'Kovan, 56, who has served on the port committee for a decade, told reporters it is clear that the attack came from Orlen.',
      // The addressee and "it is clear" stay out, as after a subject the rules read.
      'Kovan, 56, who has served on the port committee for a decade, | told | that the attack came from Orlen',
    ],
    // After an opening adjunct, the clause's subject.
    [
      'In interviews, Kovan has questioned the very need for observers.',
      'Kovan | has questioned | the very need for observers',
    ],
    // A comma after an opening adverb starts no appositive: "Kovan rounded up" is a clause.
    [
      'Below, Kovan rounded up a sampling of the ways that Pell has been criticised by the press, ahead of what many expect to be a soft interview.',
      '- | expect | to be a soft interview',
    ],
    // A participle after a lone comma modifies the noun: nobody speaks.
    ['The program, called Northwind, allows farmers to borrow seed.', '- | called | Northwind'],
    // An infinitive's subject is not the speaker of the cue the tagger found.
    ['Kovan was able to tout her record in Orlen.', '- | to tout | her record in Orlen'],
  ])('%s', (text, expected) => {
    expect(claimsOf(text).map((c) => c.split(' | ').slice(0, 3).join(' | '))).toContain(expected)
  })
})

describe('[claims] a participle cue after a comma', () => {
  it.each([
    // The sentence's subject speaks, not the phrase before the comma.
    [
      'Kovan spoke out Tuesday about the siege of Tessaly, Orlen, arguing that the border should stay open.',
      'Kovan | arguing | that the border should stay open',
    ],
    // A quantifier before the participle is its speaker.
    [
      'Kovan and Pell met in Varn on Monday, each touting their own plan for the port.',
      'each | touting | their own plan for the port',
    ],
  ])('%s', (text, expected) => {
    expect(claimsOf(text).map((c) => c.split(' | ').slice(0, 3).join(' | '))).toContain(expected)
  })
})

describe('[claims] an "including" phrase in the speaker', () => {
  it('stays in it (PolNeAR)', () => {
    expect(
      claimsOf(
        "Other unions in Orlen, including the dock workers' union, have urged Kovan to keep the port open.",
      )[0],
    ).toBe(
      "Other unions in Orlen, including the dock workers' union, | have urged | Kovan to keep the port open | assert | ",
    )
  })
})

describe('[claims] a bare noun after a singular phrase', () => {
  it.each([
    // "a harsh critic of": the cue word is the phrase's own noun; nobody speaks.
    ['Kovan, a harsh critic of the treaty, left the hall.', []],
    [
      'Kovan has long been a passionate defender of the treaty with Orlen.',
      ['- | defender | of the treaty with Orlen'],
    ],
    // After a plural without -s, or an object pronoun, the bare word is the verb.
    [
      'The police say the port of Varn is closed.',
      ['The police | say | the port of Varn is closed'],
    ],
    [
      'Those close to him say the port of Varn is closed.',
      ['Those close to him | say | the port of Varn is closed'],
    ],
  ])('%s', (text, expected) => {
    expect(claimsOf(text).map((c) => c.split(' | ').slice(0, 3).join(' | '))).toEqual(expected)
  })
})

describe('[claims] the appositive of a speaker after its cue', () => {
  it.each([
    // It ends at a comma before an adjunct, and keeps that comma (PolNeAR).
    [
      '“The hall is safe,” said Mira Kovan, the head of the port police, in a statement.',
      'Mira Kovan, the head of the port police, | said | “The hall is safe,”',
    ],
    // No appositive starts with a preposition.
    [
      '“The hall is safe,” said Kovan, on her first day in office.',
      'Kovan | said | “The hall is safe,”',
    ],
    [
      '“The hall is safe,” said Jan Roe, a guard who has worked there for years.',
      'Jan Roe, a guard who has worked there for years | said | “The hall is safe,”',
    ],
  ])('%s', (text, expected) => {
    expect(claimsOf(text).map((c) => c.split(' | ').slice(0, 3).join(' | '))).toEqual([expected])
  })
})

describe('[claims] time words after a participle in the speaker', () => {
  it.each([
    [
      'A report released last week found that the port of Varn was unsafe.',
      'A report released last week | found | that the port of Varn was unsafe',
    ],
    [
      'An audit released by the ministry on Friday shows that the port of Varn was unsafe.',
      'An audit released by the ministry on Friday | shows | that the port of Varn was unsafe',
    ],
    // Without a participle they date the cue and belong to no span.
    [
      'Kovan last week said that the port of Varn was unsafe.',
      'Kovan | said | that the port of Varn was unsafe',
    ],
  ])('%s', (text, expected) => {
    expect(claimsOf(text).map((c) => c.split(' | ').slice(0, 3).join(' | '))).toEqual([expected])
  })
})

describe('[claims] a noun in -ly before the cue', () => {
  it('is no adverb but the end of the speaker', () => {
    expect(
      claimsOf("Kaldria's family has called on police to release the videos.").map((c) =>
        c.split(' | ').slice(0, 3).join(' | '),
      ),
    ).toEqual(["Kaldria's family | has called on | police to release the videos"])
  })
})

describe('[claims] the subject of a continued cue, after names', () => {
  it.each([
    // A plural noun after a capitalised word, before the verb, ends the subject.
    [
      'Tessalian ministers met in Varn on Monday, promising to reopen the port.',
      'Tessalian ministers | promising',
    ],
    // A dateline before the subject is no part of it.
    [
      'VARN - Tessalian ministers gathered Friday in Varn, offering new talks amid growing concerns.',
      'Tessalian ministers | offering',
    ],
  ])('%s', (text, expected) => {
    expect(claimsOf(text).map((c) => c.split(' | ').slice(0, 2).join(' | '))).toContain(expected)
  })
})

describe('[claims] a passive cue only the tagger reads, with its agent', () => {
  it.each([
    // The agent speaks; the subject is the content (as for the rules' passives).
    [
      'Port guards, called to service by the governor after the riots, are posted throughout Varn.',
      'the governor | called | Port guards',
    ],
    // A reason after the agent is no part of it.
    [
      'Kovan has been called a fraud by fellow doctors for promoting quack cures.',
      'fellow doctors | has been called | Kovan',
    ],
  ])('%s', (text, expected) => {
    expect(claimsOf(text).map((c) => c.split(' | ').slice(0, 3).join(' | '))).toEqual([expected])
  })
})

describe('[claims] an opening "according to"', () => {
  it('takes the words up to the comma for its source', () => {
    expect(
      claimsOf(
        'According to a complaint filed by the port authority and a suit by Orlen, the developers took millions from the fund.',
      ).map((c) => c.split(' | ').slice(0, 3).join(' | ')),
    ).toEqual([
      'a complaint filed by the port authority and a suit by Orlen | According to | the developers took millions from the fund',
    ])
  })
})

describe('[claims] "the government" with no country named', () => {
  /** The entity each claim's speaker resolves to, by speaker text. */
  function speakerEntities(text: string): string[] {
    const { doc, sentences, entities } = layersOf(text, CAST)
    const name = (id: string | null): string => entities.find((e) => e.id === id)?.name ?? '-'
    return findClaims(doc, sentences, entities).map(
      (c) => `${c.speaker?.text ?? '-'} → ${name(c.speaker?.entity ?? null)}`,
    )
  }

  it('is the government of the country the document is set in, not of the nearest one named', () => {
    const text =
      'Gunmen attacked a market in Orlen on Sunday. Minister Kovan blamed Tessaly within hours. ' +
      'The government said the border would close.'
    expect(speakerEntities(text)).toContain('The government → Orlen')
  })

  it('is the country it carries when one is named with it', () => {
    const text =
      'Gunmen attacked a market in Orlen on Sunday. ' +
      'The Tessaly government said it had no part in the attack.'
    expect(speakerEntities(text)).toContain('The Tessaly government → Tessaly')
  })
})

describe('[claims] a cue of asking that requests', () => {
  it.each([
    ['The ministry asks citizens to report any sighting to the hotline.', 'assert'],
    ['The ministry asked residents to stay at home.', 'assert'],
    ['A journalist asked Kovan whether the guards had been paid.', 'question'],
    ['Kovan asked why the doors were locked.', 'question'],
  ])('%s', (text, stance) => {
    expect(claimsOf(text).map((c) => c.split(' | ')[3])).toEqual([stance])
  })
})

describe('[claims] a cue word right after "on"', () => {
  it('is a noun ("The spokesman on accusations by …"), unlike a cue after "on Sunday"', () => {
    expect(claimsOf('Comment by the ministry spokesman on accusations by Orlen officials')).toEqual(
      [],
    )
    expect(claimsOf('Kovan on Sunday said the hall was safe.')).toEqual([
      'Kovan | said | the hall was safe | assert | ',
    ])
  })
})

describe('[claims] a lexicon cue only the tagger reads', () => {
  it('keeps its frame: the accused are targets, the cue runs to "of"', () => {
    expect(
      claimsOf(
        'Relief agencies that had worked in the valley for years accused Orlen of arming the gunmen.',
      ),
    ).toEqual([
      'Relief agencies that had worked in the valley for years | accused Orlen of | arming the gunmen | accuse | Orlen',
    ])
  })
})

describe('[claims] a coordinated noun phrase after the cue', () => {
  it('is not cut before "and" and a name when no verb came first', () => {
    expect(claimsOf('Kovan said the ministry and Tessaly officials confirmed the deal.')).toEqual([
      'Kovan | said | the ministry and Tessaly officials confirmed the deal | assert | ',
    ])
  })
})

describe('[claims] an opening "according to" with no comma after its source', () => {
  it.each([
    [
      'According to police the suspect fled on foot, and a search is under way.',
      'police | According to | the suspect fled on foot, and a search is under way',
    ],
    [
      'According to Kovan the port of Varn was closed on Monday.',
      'Kovan | According to | the port of Varn was closed on Monday',
    ],
  ])('ends the source where the clause starts: %s', (text, expected) => {
    expect(claimsOf(text).map((c) => c.split(' | ').slice(0, 3).join(' | '))).toEqual([expected])
  })
})

describe('[claims] a subject with a relative clause on its head', () => {
  it.each([
    [
      'Envoys who have visited the port of Varn say the blockade is tightening.',
      'Envoys who have visited the port of Varn | say',
    ],
    [
      'Two Tessaly officials who toured the treaty zone said the border would stay closed.',
      'Two Tessaly officials who toured the treaty zone | said',
    ],
  ])('speaks as a whole: %s', (text, expected) => {
    expect(claimsOf(text).map((c) => c.split(' | ').slice(0, 2).join(' | '))).toEqual([expected])
  })

  it('not when the cue is inside the relative clause', () => {
    expect(
      claimsOf('One of the reasons that Kovan says the talks failed is the weather.').map((c) =>
        c.split(' | ').slice(0, 2).join(' | '),
      ),
    ).toContain('Kovan | says')
  })
})

describe('[claims] a speaker phrase across a bare possessive mark or a number', () => {
  it.each([
    ['The dockworkers’ union says the port of Varn will close.', 'The dockworkers’ union | says'],
    ["Tessaly's farmers' council says the harvest failed.", "Tessaly's farmers' council | says"],
    ['About 1,200 nurses said the wards were full.', 'About 1,200 nurses | said'],
  ])('%s', (text, expected) => {
    expect(claimsOf(text).map((c) => c.split(' | ').slice(0, 2).join(' | '))).toEqual([expected])
  })
})

describe('[claims] a participle after a quotation and its speaker', () => {
  it('is said by the quotation’s speaker, not by the quotation’s subject', () => {
    const claims = claimsOf(
      'The port of Varn “has reopened for trade,” Kovan said in May, citing new figures.',
    ).map((c) => c.split(' | ').slice(0, 2).join(' | '))
    expect(claims).toContain('Kovan | citing')
    expect(claims).not.toContain('The port of Varn | citing')
  })
})

describe('[claims] a continued cue after an opening adjunct', () => {
  it.each([
    'Speaking in Varn on Monday, Kovan praised the treaty, saying it would hold.',
    'Throughout the siege, Kovan stayed in Varn, insisting the port was safe.',
    'Ultimately, Kovan left Varn, saying the talks had failed.',
  ])('is said by the subject after the adjunct: %s', (text) => {
    const speakers = claimsOf(text).map((c) => c.split(' | ')[0])
    expect(speakers).toContain('Kovan')
    expect(speakers).not.toContain('Speaking')
    expect(speakers).not.toContain('Throughout')
    expect(speakers).not.toContain('Ultimately')
  })
})

describe('[claims] a participle the cue tagger reads, with no speaker before it', () => {
  it.each([
    ['Citing an old rumor, Kovan repeatedly accused the ministry of lying.', 'Kovan | Citing'],
    ['Lamenting their fate, Tessalians often say the border is cursed.', 'Tessalians | Lamenting'],
  ])('opening the sentence, is said by the subject after its comma: %s', (text, expected) => {
    expect(claimsOf(text).map((c) => c.split(' | ').slice(0, 2).join(' | '))).toContain(expected)
  })

  it('after a comma, is said by the sentence subject', () => {
    const text =
      'Kovan openly admires the envoy of Varn as a “strong leader,” comparing him favorably to the old king.'
    expect(claimsOf(text).map((c) => c.split(' | ').slice(0, 2).join(' | '))).toContain(
      'Kovan | comparing',
    )
  })
})

describe('[claims] a cue with the word PolNeAR keeps after it', () => {
  it.each([
    [
      'Kovan has always railed against the harbor tax in Varn.',
      'Kovan | has always railed against',
    ],
    [
      'Many Tessaly farmers believe in the old harbor of Varn.',
      'Many Tessaly farmers | believe in',
    ],
    ['Kovan expressed concern that the harbor of Varn would close.', 'Kovan | expressed concern'],
  ])('%s', (text, expected) => {
    expect(claimsOf(text).map((c) => c.split(' | ').slice(0, 2).join(' | '))).toEqual([expected])
  })
})

describe('[claims] a pronoun with a contracted auxiliary', () => {
  it.each([
    ['He’s claiming that the port of Varn is closed.', 'He | ’s claiming'],
    ["We've suggested that the port of Varn is closed.", "We | 've suggested"],
    ['They’re worried about the port of Varn.', 'They | ’re worried about'],
  ])('puts the auxiliary in the cue: %s', (text, expected) => {
    expect(claimsOf(text).map((c) => c.split(' | ').slice(0, 2).join(' | '))).toEqual([expected])
  })
})

describe('[claims] the source of a closing "according to"', () => {
  it.each([
    [
      'The harbor of Varn will close in May, according to people familiar with the talks.',
      'people familiar with the talks',
    ],
    [
      'Grain exports fell by half, according to the Tessaly trade office, and the port of Varn closed for a week.',
      'the Tessaly trade office',
    ],
    [
      'Grain exports fell by half, according to the Varn Front, an armed group in the hills.',
      'the Varn Front, an armed group in the hills',
    ],
    ['Grain exports fell by half, according to a report on Friday.', 'a report'],
  ])('%s', (text, expected) => {
    expect(claimsOf(text).map((c) => c.split(' | ')[0])).toEqual([expected])
  })
})

describe('[claims] a speaker with an appositive between double hyphens', () => {
  it.each([
    [
      'Kovan -- co-editor of a book on Varn -- said the port was closed.',
      'Kovan -- co-editor of a book on Varn -- | said',
    ],
    ['Kovan -- whose party lost in Varn -- said the port was closed.', 'Kovan | said'],
  ])('%s', (text, expected) => {
    expect(claimsOf(text).map((c) => c.split(' | ').slice(0, 2).join(' | '))).toEqual([expected])
  })
})

describe('[claims] a quantifier over a relative pronoun', () => {
  it.each([
    [
      'Kovan met the farmers of Varn, many of whom say the harbor tax is unfair.',
      'many of whom | say',
    ],
    [
      'Kovan met the farmers, most of whom had previously announced their support for the tax.',
      'most of whom | had previously announced',
    ],
  ])('speaks: %s', (text, expected) => {
    expect(claimsOf(text).map((c) => c.split(' | ').slice(0, 2).join(' | '))).toContain(expected)
  })
})

describe('[claims] sentences inside a quotation', () => {
  // The claims stage skips a sentence that lies wholly inside a claim's content: no pass may
  // take a cue, a speaker or a content from used text.
  it('reads no claim inside a quoted speech, only the quotation itself', () => {
    const text =
      'Kovan spoke after the vote. “Orlen says the port is safe. Tessaly claims the opposite. We will decide alone,” Kovan said on Monday.'
    const claims = claimsOf(text)
    expect(claims).toEqual([
      'Kovan | said | “Orlen says the port is safe. Tessaly claims the opposite. We will decide alone,” | assert | ',
    ])
  })
})

describe('[claims] a continued cue after quotations in several sentences', () => {
  // Each "citing" takes the speaker of its own sentence's quotation, not one from another
  // sentence (the quotation pass's claims are looked up by where their cue stands).
  it('gives each continued cue its own sentence’s speaker', () => {
    const speakers = claimsOf(
      '“The port is closed,” Kovan said, citing a report. “The port is open,” Orlen said on Monday, citing new figures. “Nothing has changed,” Tessaly said.',
    )
      .filter((c) => c.split(' | ')[1] === 'citing')
      .map((c) => c.split(' | ')[0])
    expect(speakers).toEqual(['Kovan', 'Orlen'])
  })
})
