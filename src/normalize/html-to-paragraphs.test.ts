import { JSDOM } from 'jsdom'
import { describe, expect, it } from 'vitest'
import { htmlToParagraphs } from './html-to-paragraphs.js'

const paragraphs = (html: string): string[] => htmlToParagraphs(JSDOM.fragment(html))

describe('htmlToParagraphs', () => {
  it.each([
    ['<p>One  <b>bold</b>\n word.</p><p>Two.</p>', ['One bold word.', 'Two.']],
    [
      '<div>Line one<br>line two<br><br>New paragraph</div>',
      ['Line one\nline two', 'New paragraph'],
    ],
    ['<ul><li>First</li><li>Second</li></ul>', ['First', 'Second']],
    [
      '<p>Text<script>alert(1)</script><style>p{}</style></p><noscript>Enable JS</noscript>',
      ['Text'],
    ],
    ['<table><tr><td>Killed</td><td>139</td></tr></table>', ['Killed 139']],
    [
      '<h2>Heading</h2>Loose text <a href="#">with a link</a>',
      ['Heading', 'Loose text with a link'],
    ],
  ])('%s', (html, expected) => {
    expect(paragraphs(html)).toEqual(expected)
  })
})
