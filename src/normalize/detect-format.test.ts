import { describe, expect, it } from 'vitest'
import { detectFormat } from './detect-format.js'

describe('detectFormat', () => {
  it.each([
    // [media type, source, text, expected]
    ['text/html; charset=utf-8', 'https://a.example/x', 'whatever', 'html'],
    ['application/rss+xml', 'feed', '<rss></rss>', 'feed'],
    [null, 'page.htm', '<p>x</p>', 'html'],
    [null, 'notes.txt', 'Plain words', 'text'],
    [null, 'saved.txt', '<!DOCTYPE html><html><body>x</body></html>', 'html'],
    [null, 'post.md', '# Title', 'markdown'],
    [null, 'data.jsonl', '{"text":"a"}', 'jsonl'],
    [
      'text/plain',
      'https://a.example/feed',
      '<?xml version="1.0"?>\n<?xml-stylesheet href="s.xsl"?>\n<rss version="2.0">',
      'feed',
    ],
    [
      'application/xml',
      'atom.xml',
      '<?xml version="1.0"?><!-- generator --><feed xmlns="http://www.w3.org/2005/Atom">',
      'feed',
    ],
    ['application/octet-stream', 'download', '{"title":"x","text":"y"}', 'json'],
    [null, 'stdin', '{"text":"a"}\n{"text":"b"}\n', 'jsonl'],
    [null, 'stdin', '[{"text":"a"}]', 'json'],
    [null, 'stdin', '# Heading\n\nSome **bold** text', 'markdown'],
    [null, 'stdin', '# not markdown, a hashtag line', 'text'],
    [
      null,
      'page.xhtml',
      '<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml">',
      'html',
    ],
    [null, 'sitemap.xml', '<?xml version="1.0"?><urlset/>', 'xml'],
  ] as const)('%s %s → %s', (mediaType, source, text, expected) => {
    expect(detectFormat(mediaType, source, text)).toBe(expected)
  })
})
