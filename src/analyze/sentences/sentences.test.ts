import { describe, expect, it } from 'vitest'
import type { NormalizedDocument } from '../../model/document.js'
import { textDocument } from '../text-document.js'
import { sentencesStage } from './index.js'

const here = '[analyze/sentences] '

function split(text: string): string[] {
  return sentencesStage.run(textDocument(text)).map((s) => text.slice(s.start, s.end))
}

const cases: [string, string[]][] = [
  ['One sentence.', ['One sentence.']],
  [
    'First one. Second one! Third one? Fourth',
    ['First one.', 'Second one!', 'Third one?', 'Fourth'],
  ],
  ['Mr. Vance met Dr. Okafor and Gen. Ruiz.', ['Mr. Vance met Dr. Okafor and Gen. Ruiz.']],
  ['The U.S. embassy closed. The U.K. did not.', ['The U.S. embassy closed.', 'The U.K. did not.']],
  [
    'Aid arrived from the U.S. The convoy left at dawn.',
    ['Aid arrived from the U.S.', 'The convoy left at dawn.'],
  ],
  ['U.S. President Dane spoke.', ['U.S. President Dane spoke.']],
  ['It began at 9 p.m. local time on Jan. 4.', ['It began at 9 p.m. local time on Jan. 4.']],
  ['It began at 9 p.m. Police arrived later.', ['It began at 9 p.m.', 'Police arrived later.']],
  ['J. R. Halvorsen wrote it. He left.', ['J. R. Halvorsen wrote it.', 'He left.']],
  ['Turnout was 3.5 percent. Few voted.', ['Turnout was 3.5 percent.', 'Few voted.']],
  ['"We will rebuild," he said. Then he left.', ['"We will rebuild," he said.', 'Then he left.']],
  ['“Who did this?” she asked. Nobody knew.', ['“Who did this?” she asked.', 'Nobody knew.']],
  ['“Who did this?” Marta Quill asked.', ['“Who did this?” Marta Quill asked.']],
  ['He said: “It is over.” The crowd cheered.', ['He said: “It is over.”', 'The crowd cheered.']],
  [
    'And then... nothing happened. Later... The end.',
    ['And then... nothing happened.', 'Later...', 'The end.'],
  ],
  ['Wait… what? Yes.', ['Wait… what?', 'Yes.']],
  [
    'Headline Without A Period\nThe body starts here.',
    ['Headline Without A Period', 'The body starts here.'],
  ],
  [
    'First paragraph has no period\n\nsecond paragraph',
    ['First paragraph has no period', 'second paragraph'],
  ],
  ['A line that wraps\nonto the next line.', ['A line that wraps\nonto the next line.']],
  [
    'Demands:\n- release the hostages\n- open the border\n1. Vote\n2) Leave',
    ['Demands:', 'release the hostages', 'open the border', 'Vote', 'Leave'],
  ],
  ['• one item\n• another item', ['one item', 'another item']],
  [
    'See example.com. Also visit the U.S.-led mission.',
    ['See example.com.', 'Also visit the U.S.-led mission.'],
  ],
  ['He lives at No. 5 Elm Road.', ['He lives at No. 5 Elm Road.']],
  ['It was e.g. a test. Another.', ['It was e.g. a test.', 'Another.']],
  [
    'Acme Inc. said so. Acme Inc. The firm denied it.',
    ['Acme Inc. said so.', 'Acme Inc.', 'The firm denied it.'],
  ],
  ['Toll rose in 2025. 140 people died.', ['Toll rose in 2025.', '140 people died.']],
  ['* * *\nText after a rule.', ['Text after a rule.']],
  ['', []],
  ['   \n\n  ', []],
  ['lol. this is wild!!! #prayfor', ['lol.', 'this is wild!!!', '#prayfor']],
  ['omg!!! just heard. so sad?? yes', ['omg!!!', 'just heard.', 'so sad??', 'yes']],
  ['Yahoo! reported it first.', ['Yahoo! reported it first.']],
  ['See p. 4 of it. At 9 a.m. Both left.', ['See p. 4 of it.', 'At 9 a.m.', 'Both left.']],
  ['Is it true?! Nobody knows.', ['Is it true?!', 'Nobody knows.']],
  ['He (the mayor.) spoke. Then left.', ['He (the mayor.) spoke.', 'Then left.']],
]

describe('sentences', () => {
  it.each(cases)(`${here}%j`, (input, expected) => {
    expect(split(input)).toEqual(expected)
  })

  it(`${here}never crosses a section and records the section index`, () => {
    const text = 'A title without stop\nBody one. Body two.\nA comment. Another'
    const doc: NormalizedDocument = {
      ...textDocument(text),
      sections: [
        { kind: 'title', start: 0, end: 20 },
        { kind: 'body', start: 21, end: 40 },
        { kind: 'boilerplate', start: 40, end: 41 },
        { kind: 'comment', start: 41, end: text.length, author: 'x' },
      ],
    }
    const got = sentencesStage.run(doc).map((s) => [text.slice(s.start, s.end), s.section])
    expect(got).toEqual([
      ['A title without stop', 0],
      ['Body one.', 1],
      ['Body two.', 1],
      ['A comment.', 3],
      ['Another', 3],
    ])
  })

  it(`${here}is total on odd input`, () => {
    const odd = [
      '.',
      '...',
      '?!',
      '\n\n\n',
      '“',
      'a.b.c.d.e.',
      '\u0000\uffff',
      '\ud83d',
      '- ',
      '1.',
      'Mr.',
    ]
    for (const text of odd) {
      const sentences = sentencesStage.run(textDocument(text))
      for (const s of sentences) expect(s.end).toBeGreaterThan(s.start)
    }
  })
})
