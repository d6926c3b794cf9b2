import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import iconv from 'iconv-lite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadDocuments, type LoadOutcome } from './load-documents.js'
import * as api from './index.js'

const fixture = (name: string): URL => new URL(`../normalize/fixtures/${name}`, import.meta.url)

const LEGACY =
  'Caf\u00e9 owners speak\nThe caf\u00e9 owners on the quay said \u201cnobody warned us\u201d \u2013 and asked for \u20ac2,000 each.'

let dir: string
let server: Server
let base: string

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'claimgraph-load-'))
  await mkdir(join(dir, 'pages'))
  await copyFile(fixture('blog-with-comments.txt'), join(dir, 'pages', 'blog.txt'))
  await copyFile(fixture('records.jsonl'), join(dir, 'pages', 'wire.jsonl'))
  await writeFile(join(dir, 'pages', 'empty.txt'), '')
  await writeFile(join(dir, 'pages', 'noise.dat'), Buffer.from([0, 1, 2, 3, 0, 0, 7, 8, 0, 255]))
  await writeFile(join(dir, 'pages', 'huge.txt'), `Huge\n${'word '.repeat(400)}`)
  await writeFile(join(dir, 'pages', 'legacy.txt'), iconv.encode(LEGACY, 'windows-1252'))
  await writeFile(
    join(dir, 'pages', 'wide.txt'),
    Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(LEGACY, 'utf16le')]),
  )
  const rss = await readFile(fixture('feed.rss'))
  server = createServer((request, response) => {
    if (request.url === '/feed') {
      response.writeHead(200, { 'content-type': 'application/rss+xml' })
      response.end(rss)
    } else {
      response.writeHead(301, { location: '/feed' })
      response.end()
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
})

async function collect(
  inputs: readonly string[],
  options: Parameters<typeof loadDocuments>[1] = {},
): Promise<LoadOutcome[]> {
  const outcomes: LoadOutcome[] = []
  for await (const outcome of loadDocuments(inputs, options)) outcomes.push(outcome)
  return outcomes
}

const summary = (outcome: LoadOutcome): string =>
  outcome.ok
    ? `ok ${outcome.doc.metadata.source.replace(dir, '<dir>')}`
    : `${outcome.error.code} ${outcome.subject.replace(dir, '<dir>')}`

describe('loadDocuments', () => {
  it('yields every good document and one error per bad input, line or item', async () => {
    const outcomes = await collect(
      [join(dir, 'pages'), join(dir, 'missing.txt'), `${base}/old-feed-address`],
      {
        allowPrivate: true,
        maxBytes: 1500,
      },
    )
    expect(outcomes.map(summary)).toEqual([
      'ok <dir>/pages/blog.txt',
      'INPUT_EMPTY <dir>/pages/empty.txt',
      'INPUT_TOO_LARGE <dir>/pages/huge.txt',
      'ok <dir>/pages/legacy.txt',
      'INPUT_BINARY <dir>/pages/noise.dat',
      'ok <dir>/pages/wide.txt',
      'ok <dir>/pages/wire.jsonl#1',
      'INPUT_MALFORMED <dir>/pages/wire.jsonl#2',
      'ok <dir>/pages/wire.jsonl#3',
      'INPUT_MALFORMED <dir>/pages/wire.jsonl#5',
      'INPUT_NOT_FOUND <dir>/missing.txt',
      `ok ${base}/feed#https://harbourwatch.example/2026/02/terminal-reopens`,
      `ok ${base}/feed#https://harbourwatch.example/2026/02/vigil`,
      `INPUT_EMPTY ${base}/feed#https://harbourwatch.example/2026/02/empty`,
    ])
    const blog = outcomes[0]
    if (!blog?.ok) return expect.fail('blog page failed')
    expect(blog.doc.sections.filter((s) => s.kind === 'comment').map((s) => s.author)).toEqual([
      'Mark T.',
      'Lucy Fenwick',
      'admin',
    ])
    // Windows-1252 and UTF-16 files decode to the same text.
    const texts = outcomes
      .filter((o) => o.ok && /(legacy|wide)\.txt$/.test(o.doc.metadata.source))
      .map((o) => o.ok && o.doc.text)
    expect(texts).toEqual([LEGACY.replace('\n', '\n\n'), LEGACY.replace('\n', '\n\n')])
  })

  it('refuses a loopback URL without allowPrivate and goes on with the next input', async () => {
    const outcomes = await collect([`${base}/feed`, join(dir, 'pages', 'blog.txt')])
    expect(outcomes.map(summary)).toEqual([`URL_FORBIDDEN ${base}/feed`, 'ok <dir>/pages/blog.txt'])
  })

  it('pins the public surface', () => {
    expect(Object.keys(api).sort()).toEqual([
      'DEFAULT_READ_OPTIONS',
      'loadDocuments',
      'loadFromText',
      'normalizeRaw',
    ])
  })
})
