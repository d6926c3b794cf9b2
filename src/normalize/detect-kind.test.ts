import { describe, expect, it } from 'vitest'
import { detectKind, type KindEvidence } from './detect-kind.js'

const base: KindEvidence = {
  declared: null,
  url: null,
  hasComments: false,
  body: '',
  hasTitle: true,
}
const prose = 'The port authority said the terminal would reopen on Monday. '.repeat(6)

describe('detectKind', () => {
  it.each([
    ['a declared type wins', { declared: 'social', hasComments: true, body: prose }, 'social'],
    ['a social network URL', { url: 'https://x.com/harbour_eyes/status/1', body: prose }, 'social'],
    [
      'a subdomain of a social network',
      { url: 'https://m.facebook.com/post/1', body: 'x' },
      'social',
    ],
    ['a comment thread', { hasComments: true, body: prose, articleHint: true }, 'blog'],
    [
      'a short text with hashtags',
      { hasTitle: false, body: 'Smoke over the quay #MarrowBay' },
      'social',
    ],
    [
      'a short text with a handle',
      { hasTitle: false, body: '@port_authority when will you reopen?' },
      'social',
    ],
    ['a blog host', { url: 'https://harbournotes.wordpress.com/p/1', body: prose }, 'blog'],
    ['a /blog/ path', { url: 'https://news.example/blog/quay', body: prose }, 'blog'],
    [
      'a dated news path is not a blog',
      { url: 'https://news.example/2026/02/16/quay', body: prose },
      'article',
    ],
    ['og:type article', { articleHint: true, body: 'Short.' }, 'article'],
    ['a titled text of some length', { body: prose }, 'article'],
    ['long prose without a title', { hasTitle: false, body: prose.repeat(3) }, 'article'],
    ['a short untitled text', { hasTitle: false, body: 'Port closed.' }, 'other'],
  ] as const)('%s', (_name, evidence, expected) => {
    expect(detectKind({ ...base, ...evidence })).toBe(expected)
  })
})
