import { describe, expect, it } from 'vitest'
import { AppError } from '../errors.js'
import { loadFromText } from './load-from-text.js'
import { sectionTexts } from './section-texts.js'

describe('loadFromText', () => {
  it('reads pasted plain text like a saved page; stated metadata wins', () => {
    const doc = loadFromText(
      'Blast at the terminal\nBy Jane Roe\nAt least 23 people were injured, officials said.',
      {
        site: 'Daily Meridian',
        author: 'J. Roe',
      },
    )
    expect(doc.metadata).toMatchObject({
      source: 'pasted',
      title: 'Blast at the terminal',
      author: 'J. Roe',
      site: 'Daily Meridian',
    })
    expect(sectionTexts(doc)).toEqual([
      { kind: 'title', text: 'Blast at the terminal' },
      { kind: 'byline', text: 'By Jane Roe' },
      { kind: 'body', text: 'At least 23 people were injured, officials said.' },
    ])
  })

  it('takes a stated title instead of the first line', () => {
    const doc = loadFromText('First line is body here.\nSecond line too.', {
      title: 'Given title',
      source: 'ui',
    })
    expect(doc.text).toBe('Given title\n\nFirst line is body here.\n\nSecond line too.')
    expect(doc.metadata.source).toBe('ui')
  })

  it('recognises pasted HTML', () => {
    const doc = loadFromText(
      '<html><head><title>Pasted page</title></head><body><p>The port reopened on Monday morning.</p></body></html>',
    )
    expect(doc.metadata.title).toBe('Pasted page')
    expect(doc.text).toBe('Pasted page\n\nThe port reopened on Monday morning.')
  })

  it('throws INPUT_EMPTY for blank text', () => {
    expect(() => loadFromText('  \n ')).toThrow(AppError)
    expect(() => loadFromText('  \n ')).toThrow(/empty/)
  })
})
