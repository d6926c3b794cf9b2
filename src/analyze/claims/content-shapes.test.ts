/**
 * Content shapes that PolNeAR annotates as one content in several fragments: the words before an
 * attribution that stands between commas, a relative pronoun before the speaker, quotations
 * continued after their attribution. The claim's content runs over its own speaker and cue,
 * which are its holes. Sentences are fictional.
 */
import { describe, expect, it } from 'vitest'
import type { Claim } from '../../model/analysis.js'
import { findClaims } from './index.js'
import { contentFragments } from './polnear.js'
import { layersOf, type GivenEntity } from './fixtures/test-layers.js'

const CAST: readonly GivenEntity[] = [
  { name: 'Lena Varga', type: 'PERSON', aliases: ['Varga', 'Ms. Varga'] },
  { name: 'Tomas Brell', type: 'PERSON', aliases: ['Brell', 'Mr. Brell'] },
  { name: 'Kestria', type: 'GPE' },
]

interface Seen {
  readonly speaker: string | null
  readonly cue: string | null
  /** The content without its speaker and cue, fragment by fragment, as the evaluation reads it. */
  readonly fragments: readonly string[]
}

/** Every span of a claim is non-empty and its text is the text it covers. */
function expectSpansMatch(text: string, claim: Claim): void {
  for (const span of [claim.speaker, claim.cue, claim.content]) {
    if (span === null) continue
    expect(span.start).toBeLessThan(span.end)
    expect(text.slice(span.start, span.end)).toBe(span.text)
  }
}

function fragmentsOf(text: string): Seen[] {
  const { doc, sentences, entities } = layersOf(text, CAST)
  return findClaims(doc, sentences, entities).map((c) => {
    expectSpansMatch(text, c)
    const fragments = contentFragments(text, c).map((f) => text.slice(f.start, f.end))
    return { speaker: c.speaker?.text ?? null, cue: c.cue?.text ?? null, fragments }
  })
}

type Case = readonly [input: string, expected: readonly Seen[]]

function table(name: string, cases: readonly Case[]): void {
  describe(name, () => {
    it.each(cases.map(([input, expected]) => ({ input, expected })))(
      '$input',
      ({ input, expected }) => {
        expect(fragmentsOf(input)).toEqual(expected)
      },
    )
  })
}

table('an attribution between commas inside its sentence', [
  [
    'The bridge, Varga said, will reopen in May.',
    [{ speaker: 'Varga', cue: 'said', fragments: ['The bridge', 'will reopen in May'] }],
  ],
  [
    'The mill was thriving, Brell said, until the river flooded in 2009.',
    [
      {
        speaker: 'Brell',
        cue: 'said',
        fragments: ['The mill was thriving', 'until the river flooded in 2009'],
      },
    ],
  ],
  [
    'In the first winter, she said, the shelters ran out of blankets.',
    [
      {
        speaker: 'she',
        cue: 'said',
        fragments: ['In the first winter', 'the shelters ran out of blankets'],
      },
    ],
  ],
  [
    'The ferries stopped running, officials said.',
    [{ speaker: 'officials', cue: 'said', fragments: ['The ferries stopped running'] }],
  ],
])

table('a relative pronoun before the speaker opens the content', [
  [
    'They cut the budget, which Varga said closed two schools.',
    [{ speaker: 'Varga', cue: 'said', fragments: ['which', 'closed two schools'] }],
  ],
  [
    'The council raised the levy, which he plans to repeal next year.',
    [{ speaker: 'he', cue: 'plans', fragments: ['which', 'to repeal next year'] }],
  ],
])

table('a quotation continued after its attribution', [
  [
    '“We will rebuild the hall,” Varga said. “It will take two years.”',
    [
      {
        speaker: 'Varga',
        cue: 'said',
        fragments: ['“We will rebuild the hall,”', '“It will take two years.”'],
      },
    ],
  ],
  [
    // The words after the cue belong to no span: the second quotation is a claim of its own.
    '“We will rebuild the hall,” Varga said at the ceremony. “It will take two years.”',
    [
      { speaker: 'Varga', cue: 'said', fragments: ['“We will rebuild the hall,”'] },
      { speaker: 'Varga', cue: 'said', fragments: ['“It will take two years.”'] },
    ],
  ],
  [
    '“We will rebuild the hall,” Varga said, smiling.\n\n“It will take two years.”',
    [
      { speaker: 'Varga', cue: 'said', fragments: ['“We will rebuild the hall,”'] },
      { speaker: 'Varga', cue: 'said', fragments: ['“It will take two years.”'] },
    ],
  ],
  [
    // Another sentence between: the quotation is not hers.
    '“We will rebuild the hall,” Varga said. The crowd cheered. “It will take two years.”',
    [{ speaker: 'Varga', cue: 'said', fragments: ['“We will rebuild the hall,”'] }],
  ],
])

table('a quotation after an indirect claim', [
  [
    'The hall will reopen in May, Varga said. “It will take two years to finish.”',
    [
      { speaker: 'Varga', cue: 'said', fragments: ['The hall will reopen in May'] },
      { speaker: 'Varga', cue: 'said', fragments: ['“It will take two years to finish.”'] },
    ],
  ],
  [
    // A quotation with its own attribution is not the indirect claim's.
    'The hall will reopen in May, Varga said. “It will take years,” Brell said.',
    [
      { speaker: 'Varga', cue: 'said', fragments: ['The hall will reopen in May'] },
      { speaker: 'Brell', cue: 'said', fragments: ['“It will take years,”'] },
    ],
  ],
])

table('an interrupted quotation resumed after a conjunction', [
  [
    '“I like the plan,” Varga said, but “it comes two years too late.”',
    [
      {
        speaker: 'Varga',
        cue: 'said',
        fragments: ['“I like the plan,”', 'but “it comes two years too late.”'],
      },
    ],
  ],
])

table('seem and appear: no speaker, the subject opens the content', [
  [
    'The new ferry seems to have vanished from the timetable.',
    [
      {
        speaker: null,
        cue: 'seems',
        fragments: ['The new ferry', 'to have vanished from the timetable'],
      },
    ],
  ],
  [
    'It seems that the ferry will not run this winter.',
    [{ speaker: null, cue: 'seems', fragments: ['that the ferry will not run this winter'] }],
  ],
])

describe('a speech verb after appear', () => {
  it('leaves the subject as the speaker', () => {
    expect(fragmentsOf('Brell appeared to blame the guards for the fire.')[0]?.speaker).toBe(
      'Brell',
    )
  })
})

table('a quoted title before a cue with a content of its own', [
  [
    'In her book “The Long Road,” Varga argued that the hall must be rebuilt.',
    [{ speaker: 'Varga', cue: 'argued', fragments: ['that the hall must be rebuilt'] }],
  ],
  [
    'With the hall gone, “we start again,” Varga said on Monday.',
    [{ speaker: 'Varga', cue: 'said', fragments: ['With the hall gone, “we start again,”'] }],
  ],
])

table('what stands between the cue and the content', [
  [
    'The court ruled Friday against the new rules for voters.',
    [{ speaker: 'The court', cue: 'ruled', fragments: ['against the new rules for voters'] }],
  ],
  [
    'Police announced on Friday the arrest of a man in the case.',
    [{ speaker: 'Police', cue: 'announced', fragments: ['the arrest of a man in the case'] }],
  ],
  [
    'Varga said that, “without the hall, the town has no centre.”',
    [
      {
        speaker: 'Varga',
        cue: 'said',
        fragments: ['that, “without the hall, the town has no centre.”'],
      },
    ],
  ],
])

table('an indirect content runs to the end of a quotation it opens', [
  [
    'Brell posted a photo, tweeting “Look at the hall. A ruin?” on Monday.',
    [
      { speaker: 'Brell', cue: 'posted', fragments: ['a photo'] },
      { speaker: 'Brell', cue: 'tweeting', fragments: ['“Look at the hall. A ruin?”'] },
    ],
  ],
])

table('a passive content stops where the content perceptron says', [
  [
    'The vote is expected to come before the deadline at midnight Friday, but the council seems divided.',
    [
      {
        speaker: null,
        cue: 'is expected',
        fragments: ['The vote', 'to come before the deadline at midnight Friday'],
      },
      { speaker: null, cue: 'seems', fragments: ['the council', 'divided'] },
    ],
  ],
])

table('a quotation interrupted by its attribution and more words', [
  [
    '“Every time you say that,” Brell said, pointing at the hall, “you make it worse.”',
    [
      { speaker: 'Brell', cue: 'said', fragments: ['“Every time you say that,”'] },
      { speaker: 'Brell', cue: 'said', fragments: ['“you make it worse.”'] },
    ],
  ],
  [
    // A cue between is an attribution of its own.
    '“We will rebuild,” Varga said, adding, “it will take years.”',
    [
      { speaker: 'Varga', cue: 'said', fragments: ['“We will rebuild,”'] },
      { speaker: 'Varga', cue: 'adding', fragments: ['“it will take years.”'] },
    ],
  ],
])

table('the words before an attribution between commas', [
  [
    // The opening conjunction stays out, as before a cue.
    'And perhaps, Varga said, the hall could open in May.',
    [{ speaker: 'Varga', cue: 'said', fragments: ['perhaps', 'the hall could open in May'] }],
  ],
  [
    'The park is near the stadium, which, Varga said, is full of people on game days.',
    [{ speaker: 'Varga', cue: 'said', fragments: ['which', 'is full of people on game days'] }],
  ],
])

table('a name before a quotation it is the subject of', [
  [
    'Varga “got a better deal than anyone,” Brell said.',
    [{ speaker: 'Brell', cue: 'said', fragments: ['Varga “got a better deal than anyone,”'] }],
  ],
])

table('a speaker with party and state after the quotation', [
  [
    '"We cannot wait. They may go," Rep. Jan Roe (R-Fla.) said.',
    [
      {
        speaker: 'Rep. Jan Roe (R-Fla.)',
        cue: 'said',
        fragments: ['"We cannot wait. They may go,"'],
      },
    ],
  ],
])

table('a quotation over several paragraphs', [
  [
    'The ministry wrote:\n\n“The hall will reopen in May. The works are on time.\n\n“The town will pay for the roof.”',
    [
      {
        speaker: 'The ministry',
        cue: 'wrote:',
        fragments: ['“The hall will reopen in May. The works are on time.'],
      },
      { speaker: 'The ministry', cue: 'wrote:', fragments: ['“The town will pay for the roof.”'] },
    ],
  ],
])

table('a one-word content resumed after the attribution', [
  [
    // The resumed part is a single word: the content is not empty nor reversed.
    'And, Varga said, no.',
    [{ speaker: 'Varga', cue: 'said', fragments: ['no'] }],
  ],
  ['Still, Brell said, fine.', [{ speaker: 'Brell', cue: 'said', fragments: ['fine'] }]],
])

table('a quotation after words of its sentence is a title only when it looks like one', [
  [
    // A tell-type cue's object is the addressee, never a content of its own.
    'The deal “is a disgrace,” Varga told the council.',
    [{ speaker: 'Varga', cue: 'told', fragments: ['The deal “is a disgrace,”'] }],
  ],
  [
    'The levy “will ruin us,” Brell told reporters.',
    [{ speaker: 'Brell', cue: 'told', fragments: ['The levy “will ruin us,”'] }],
  ],
  [
    'In her book “The Long Road,” Varga argued that the mill would close.',
    [{ speaker: 'Varga', cue: 'argued', fragments: ['that the mill would close'] }],
  ],
  [
    'In his report “a quiet harbour,” Brell argued the port would shrink.',
    [{ speaker: 'Brell', cue: 'argued', fragments: ['the port would shrink'] }],
  ],
])

table('two quotations are one content only across a conjunction and a short adverb', [
  [
    // The second quotation is the critics', not Varga's.
    '“We will rebuild,” Varga said, but critics “doubt it will happen.”',
    [{ speaker: 'Varga', cue: 'said', fragments: ['“We will rebuild,”'] }],
  ],
  [
    // A second cue is no part of the first content; after "but", as after "and", the speaker of
    // the first goes on.
    '“We will rebuild,” Varga said, but warned “it will take years.”',
    [
      { speaker: 'Varga', cue: 'said', fragments: ['“We will rebuild,”'] },
      { speaker: 'Varga', cue: 'warned', fragments: ['“it will take years.”'] },
    ],
  ],
  [
    '“We will rebuild,” Varga said, and added “it will take years.”',
    [
      { speaker: 'Varga', cue: 'said', fragments: ['“We will rebuild,”'] },
      { speaker: 'Varga', cue: 'added', fragments: ['“it will take years.”'] },
    ],
  ],
  [
    '“The mill will reopen,” Brell said, and then “it will hire again.”',
    [
      {
        speaker: 'Brell',
        cue: 'said',
        fragments: ['“The mill will reopen,”', 'and then “it will hire again.”'],
      },
    ],
  ],
])

table('a time adjunct after the cue', [
  [
    'Varga said this weekend the ferry would run again.',
    [{ speaker: 'Varga', cue: 'said', fragments: ['the ferry would run again'] }],
  ],
  [
    'Brell said on Friday the mill had closed.',
    [{ speaker: 'Brell', cue: 'said', fragments: ['the mill had closed'] }],
  ],
  [
    // The day opens the content's subject: a possessive or a bare noun follows it.
    "Varga said Friday's fire was set by Kestria.",
    [{ speaker: 'Varga', cue: 'said', fragments: ["Friday's fire was set by Kestria"] }],
  ],
  [
    'Brell said this week’s vote was rigged.',
    [{ speaker: 'Brell', cue: 'said', fragments: ['this week’s vote was rigged'] }],
  ],
  [
    "Varga said Sunday night's match was cancelled.",
    [{ speaker: 'Varga', cue: 'said', fragments: ["Sunday night's match was cancelled"] }],
  ],
  [
    'Brell said Monday talks with Kestria had failed.',
    [{ speaker: 'Brell', cue: 'said', fragments: ['Monday talks with Kestria had failed'] }],
  ],
])

table('a speaker after a relative pronoun', [
  [
    // The speaker does not run back over "who": the accuser is Kestria, and the spans of the
    // speaker and of the content never interleave.
    'Tomas Brell, whom Kestria accused of fraud, resigned.',
    [{ speaker: 'Kestria', cue: 'accused', fragments: ['of fraud'] }],
  ],
])

table('appear makes a claim only before a raising complement', [
  ['Varga appeared before the committee.', []],
  ['Brell appeared on television on Monday.', []],
  [
    'The ferry appears likely to stop in May.',
    [{ speaker: null, cue: 'appears', fragments: ['The ferry', 'likely to stop in May'] }],
  ],
  [
    'The port appeared as if it had closed.',
    [{ speaker: null, cue: 'appeared', fragments: ['The port', 'as if it had closed'] }],
  ],
  [
    'The mill appeared to close early.',
    [{ speaker: null, cue: 'appeared', fragments: ['The mill', 'to close early'] }],
  ],
])

table('the lead-in and the end of a content around its attribution', [
  [
    // A lone adverb before the quotation is no part of the content.
    'Then “we will rebuild,” Varga said.',
    [{ speaker: 'Varga', cue: 'said', fragments: ['“we will rebuild,”'] }],
  ],
  [
    // The relative's content ends at the comma that closes the relative.
    'The stadium, which, Varga said, is full on game days, will close.',
    [{ speaker: 'Varga', cue: 'said', fragments: ['which', 'is full on game days'] }],
  ],
])

table('an indirect content that opens a quotation runs to its end', [
  [
    // The sentence splitter cuts the chant at its first "!"; the content still closes the quote.
    'Brell said the fans were chanting “Var-ga! Var-ga!” all night.',
    [
      {
        speaker: 'Brell',
        cue: 'said',
        fragments: ['the fans were chanting “Var-ga! Var-ga!”'],
      },
    ],
  ],
  [
    'Varga said the crowd kept chanting “No more! No more!”',
    [{ speaker: 'Varga', cue: 'said', fragments: ['the crowd kept chanting “No more! No more!”'] }],
  ],
])

table('a "that" or wh-word inside an infinitive after the cue opens no content', [
  [
    'Varga agreed to rebuild the old bridge that the flood had destroyed.',
    [
      {
        speaker: 'Varga',
        cue: 'agreed',
        fragments: ['to rebuild the old bridge that the flood had destroyed'],
      },
    ],
  ],
  [
    'Brell told his aides to find out how the money was spent.',
    [
      {
        speaker: 'Brell',
        cue: 'told',
        fragments: ['his aides to find out how the money was spent'],
      },
    ],
  ],
  [
    // "to" before a plural is an adjunct: the that-clause is the content.
    'Varga said to reporters that the bridge would reopen.',
    [{ speaker: 'Varga', cue: 'said', fragments: ['that the bridge would reopen'] }],
  ],
])

table('the addressee of a cue of telling is no part of the content', [
  [
    'Varga told the crowd he would rebuild the bridge.',
    [{ speaker: 'Varga', cue: 'told', fragments: ['he would rebuild the bridge'] }],
  ],
  [
    'Varga told voters this weekend she would rebuild the bridge.',
    [{ speaker: 'Varga', cue: 'told', fragments: ['she would rebuild the bridge'] }],
  ],
  [
    'Varga told him the bridge was closed.',
    [{ speaker: 'Varga', cue: 'told', fragments: ['the bridge was closed'] }],
  ],
])

table('the object of a cue of asking stays in the content unless a question follows it', [
  [
    'Varga asked the council whether the bridge would reopen.',
    [{ speaker: 'Varga', cue: 'asked', fragments: ['whether the bridge would reopen'] }],
  ],
  [
    'Varga asked the crowd to welcome the new mayor.',
    [{ speaker: 'Varga', cue: 'asked', fragments: ['the crowd to welcome the new mayor'] }],
  ],
  [
    'Brell demands accountability and openness from the council.',
    [
      {
        speaker: 'Brell',
        cue: 'demands',
        fragments: ['accountability and openness from the council'],
      },
    ],
  ],
])

table('a subject with its appositive before the cue is the speaker, not a content', [
  [
    // A contracted negation makes the words after the cue a clause, not a speaker.
    'Mira Kovan, a retired engineer, said Varga\u2019s plan didn\u2019t work.',
    [
      {
        speaker: 'Mira Kovan, a retired engineer,',
        cue: 'said',
        fragments: ['Varga\u2019s plan didn\u2019t work'],
      },
    ],
  ],
  [
    'Mira Kovan, the mayor\u2019s eldest daughter, noted the new rule.',
    [
      {
        speaker: 'Mira Kovan, the mayor\u2019s eldest daughter,',
        cue: 'noted',
        fragments: ['the new rule'],
      },
    ],
  ],
  [
    'The bridge will close, said Mira Kovan, a retired engineer.',
    [
      {
        speaker: 'Mira Kovan, a retired engineer',
        cue: 'said',
        fragments: ['The bridge will close'],
      },
    ],
  ],
])

table('a participle before "by" and its agent: the subject is the content, the agent speaks', [
  [
    'Tessaly paid a record penalty imposed by the trade board.',
    [{ speaker: 'the trade board', cue: 'imposed', fragments: ['a record penalty'] }],
  ],
  [
    // An active verb and its manner.
    'The campaign responded by attacking the board.',
    [{ speaker: 'The campaign', cue: 'responded', fragments: ['by attacking the board'] }],
  ],
  [
    'Calls to open an inquiry into the floods, which hit the coast hard, were rejected by the Kestrian council in 2015.',
    [
      {
        speaker: 'the Kestrian council',
        cue: 'were rejected',
        fragments: ['Calls to open an inquiry into the floods, which hit the coast hard'],
      },
    ],
  ],
  [
    'Super PACs, first authorized by court rulings in 2010, can raise unlimited sums.',
    [{ speaker: 'court rulings', cue: 'first authorized', fragments: ['Super PACs'] }],
  ],
])

table('a conjunction that opens a clause with its own speaker and cue ends the content', [
  [
    'Varga said the bridge was \u201csafe enough,\u201d but she said the road needs work.',
    [
      { speaker: 'Varga', cue: 'said', fragments: ['the bridge was \u201csafe enough,\u201d'] },
      { speaker: 'she', cue: 'said', fragments: ['the road needs work'] },
    ],
  ],
  [
    'Residents say it is too early to judge the plan but noted that Varga won the vote.',
    [
      { speaker: 'Residents', cue: 'say', fragments: ['it is too early to judge the plan'] },
      { speaker: 'Residents', cue: 'noted', fragments: ['that Varga won the vote'] },
    ],
  ],
  [
    'Officials said the council mishandled the vote and Kestrian leaders accused the mayor of lying.',
    [
      { speaker: 'Officials', cue: 'said', fragments: ['the council mishandled the vote'] },
      { speaker: 'Kestrian leaders', cue: 'accused the mayor of', fragments: ['lying'] },
    ],
  ],
  [
    // A lower-case phrase after "and" goes on.
    'Brell said the floods and the storms forced the town to close the port.',
    [
      {
        speaker: 'Brell',
        cue: 'said',
        fragments: ['the floods and the storms forced the town to close the port'],
      },
    ],
  ],
])

table('a quotation right after its cue that its sentence goes on after opens a mixed content', [
  [
    'Varga said \u201cit makes me angry\u201d every time she sees the closed bridge.',
    [
      {
        speaker: 'Varga',
        cue: 'said',
        fragments: ['\u201cit makes me angry\u201d every time she sees the closed bridge'],
      },
    ],
  ],
  [
    // A quotation closed by its own mark is the content.
    'Varga said, \u201cWe will win.\u201d',
    [{ speaker: 'Varga', cue: 'said', fragments: ['\u201cWe will win.\u201d'] }],
  ],
])

table('the frame of a lexicon cue places the content of a tagged cue too', [
  [
    // No rule reads the speaker; the tagged cue's content is the that-clause, as for "said".
    'Varga, 56, who has served on the council for a decade, told reporters on Friday that the bridge must close.',
    [
      {
        speaker: 'Varga, 56, who has served on the council for a decade,',
        cue: 'told',
        fragments: ['that the bridge must close'],
      },
    ],
  ],
  [
    // A cue of asking before its object and the end of the sentence: the object is the content.
    'Brell has questioned the very need for an inquiry.',
    [{ speaker: 'Brell', cue: 'has questioned', fragments: ['the very need for an inquiry'] }],
  ],
])

table('words before a quotation that are no adjunct open the content', [
  [
    'Varga called Friday\u2019s vote a \u201chuge win for the town.\u201d',
    [
      {
        speaker: 'Varga',
        cue: 'called',
        fragments: ['Friday\u2019s vote a \u201chuge win for the town.\u201d'],
      },
    ],
  ],
  [
    'Brell still says things such as, \u201cWe are not all equal.\u201d',
    [
      {
        speaker: 'Brell',
        cue: 'still says',
        fragments: ['things such as, \u201cWe are not all equal.\u201d'],
      },
    ],
  ],
  [
    // An adjunct before the quotation belongs to no span.
    'Varga said Friday: \u201cWe will win.\u201d',
    [{ speaker: 'Varga', cue: 'said', fragments: ['\u201cWe will win.\u201d'] }],
  ],
])

table('a content before its attribution does not go on into a speech participle after it', [
  [
    'The bridge will close, Varga said, citing the floods.',
    [{ speaker: 'Varga', cue: 'said', fragments: ['The bridge will close'] }],
  ],
  [
    // Another clause goes on.
    'The bridge thrived, Varga said, until the floods came.',
    [{ speaker: 'Varga', cue: 'said', fragments: ['The bridge thrived', 'until the floods came'] }],
  ],
])

table('a content inside a subordinate clause that opens the sentence ends at its comma', [
  [
    'While Brell insisted that the port would reopen, the council closed it on Monday.',
    [{ speaker: 'Brell', cue: 'insisted', fragments: ['that the port would reopen'] }],
  ],
])

table('an adjunct after the cue is skipped to "that" only when no clause stands between', [
  [
    'Varga said at a rally in Tarn, the capital, that the hall would reopen.',
    [{ speaker: 'Varga', cue: 'said', fragments: ['that the hall would reopen'] }],
  ],
  [
    // "at least 40" opens the content: its clause ("were") is not an adjunct.
    'Varga said at least 40 people were still in hospital, and that the toll would rise.',
    [
      {
        speaker: 'Varga',
        cue: 'said',
        fragments: ['at least 40 people were still in hospital, and that the toll would rise'],
      },
    ],
  ],
])

table('an adjunct after the cue before a subject pronoun or "not to" is no part of the content', [
  [
    'Varga said after the hearing she would not resign.',
    [{ speaker: 'Varga', cue: 'said', fragments: ['she would not resign'] }],
  ],
  [
    'The council decided after a long inquiry not to close the port.',
    [{ speaker: 'The council', cue: 'decided', fragments: ['not to close the port'] }],
  ],
  [
    // No preposition of that kind: the words stay.
    'Brell hinted at the role he wanted in Kestria.',
    [{ speaker: 'Brell', cue: 'hinted', fragments: ['at the role he wanted in Kestria'] }],
  ],
])

table('a content after an opening "according to" runs on over a clause with its own cue', [
  [
    'According to Varga, the ferry left the harbour early, and they ordered the crew to stay.',
    [
      {
        speaker: 'Varga',
        cue: 'According to',
        fragments: ['the ferry left the harbour early, and they ordered the crew to stay'],
      },
    ],
  ],
])

table('a passive subject with an amount keeps its currency sign and determiner', [
  [
    'Kestria paid $40 million, including a record $12 million fine imposed by the Tessaly board.',
    [
      {
        speaker: 'the Tessaly board',
        cue: 'imposed',
        fragments: ['a record $12 million fine'],
      },
    ],
  ],
])

table('a cue of asking keeps its object before a comma and a plain word', [
  [
    'Kovan supporters have also questioned the health of Brell, who is 81.',
    [
      {
        speaker: 'Kovan supporters',
        cue: 'have also questioned',
        // Where it ends is the content perceptron's choice.
        fragments: ['the health of Brell, who is 81'],
      },
    ],
  ],
  [
    'Varga asked the minister, “Where is the money?”',
    [{ speaker: 'Varga', cue: 'asked', fragments: ['“Where is the money?”'] }],
  ],
])

table('"what" after a preposition opens the content, "which" does not', [
  [
    'The ferry was late again after what Varga called a disgrace.',
    [{ speaker: 'Varga', cue: 'called', fragments: ['what', 'a disgrace'] }],
  ],
  [
    'Varga gave a speech in which she said that the ferry was late.',
    [{ speaker: 'she', cue: 'said', fragments: ['that the ferry was late'] }],
  ],
])

table('a relative before the speaker of a quotation opens the content', [
  [
    'Given the levy -- which the chief minister, Lena Varga, called “a farce” -- the port waits.',
    [
      {
        speaker: 'the chief minister, Lena Varga,',
        cue: 'called',
        fragments: ['which', '“a farce”'],
      },
    ],
  ],
])

table('"as" between the cue and a quotation opens the content', [
  [
    'Varga is describing as “reckless” a plan by Brell to close the port.',
    [{ speaker: 'Varga', cue: 'is describing', fragments: ['as “reckless”'] }],
  ],
])

table('the one told after a cue of telling at the end of the sentence belongs to no span', [
  [
    'The port will reopen in May, Varga told reporters.',
    [{ speaker: 'Varga', cue: 'told', fragments: ['The port will reopen in May'] }],
  ],
  [
    'The port will reopen in May, Varga told The Kestria Post on Thursday.',
    [{ speaker: 'Varga', cue: 'told', fragments: ['The port will reopen in May'] }],
  ],
])

table('a second accusation with its cue left out ends the first one', [
  [
    'Varga accused Brell of hiding the report, and Orlen and Tessaly of paying for it.',
    [{ speaker: 'Varga', cue: 'accused Brell of', fragments: ['hiding the report'] }],
  ],
  [
    'Varga accused Brell of hiding the report and Orlen of paying for it.',
    [{ speaker: 'Varga', cue: 'accused Brell of', fragments: ['hiding the report'] }],
  ],
])

table('a past participle between commas without a subject ends its content at its comma', [
  [
    'The fund, called Harbourline, pays farmers to plant trees.',
    [{ speaker: null, cue: 'called', fragments: ['Harbourline'] }],
  ],
])

table('the content perceptron reads what follows a boundary (a list item, a clause)', [
  [
    'Varga warned against smugglers from Velenor, Kaldria and Tessaly.',
    [
      {
        speaker: 'Varga',
        cue: 'warned against',
        fragments: ['smugglers from Velenor, Kaldria and Tessaly'],
      },
    ],
  ],
  [
    'Varga wants to build a bridge over the Orla river, but her plan would need money from Kestria.',
    [{ speaker: 'Varga', cue: 'wants', fragments: ['to build a bridge over the Orla river'] }],
  ],
])
