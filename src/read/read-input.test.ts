import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AppError } from '../errors.js'
import { expandInputSpec } from './expand-input-spec.js'
import { readInput } from './read-input.js'

let dir: string

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'claimgraph-read-'))
  await mkdir(join(dir, 'nested', 'deeper'), { recursive: true })
  await mkdir(join(dir, '.git'))
  await writeFile(join(dir, 'a.txt'), 'Alpha story\nBody of alpha.')
  await writeFile(join(dir, 'b.html'), '<p>Beta</p>')
  await writeFile(join(dir, 'photo.jpg'), Buffer.from([0xff, 0xd8, 0xff]))
  await writeFile(join(dir, '.hidden.txt'), 'secret')
  await writeFile(join(dir, '.git', 'HEAD'), 'ref: refs/heads/main')
  await writeFile(join(dir, 'nested', 'c.md'), '# Gamma')
  await writeFile(join(dir, 'nested', 'deeper', 'd.jsonl'), '{"text":"delta"}')
  await writeFile(join(dir, 'big.txt'), 'x'.repeat(2048))
})

afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise
  } catch (error) {
    if (error instanceof AppError) return error.code
    throw error
  }
  return 'no error'
}

describe('expandInputSpec', () => {
  it('walks a directory recursively, skipping hidden entries and non-documents', async () => {
    const refs = await expandInputSpec(dir)
    expect(
      refs.map((ref) => (ref.type === 'file' ? ref.path.slice(dir.length + 1) : ref.type)),
    ).toEqual([
      'a.txt',
      'b.html',
      'big.txt',
      join('nested', 'c.md'),
      join('nested', 'deeper', 'd.jsonl'),
    ])
  })

  it('expands a glob', async () => {
    const refs = await expandInputSpec(join(dir, '**', '*.{md,jsonl}'))
    expect(
      refs.map((ref) => (ref.type === 'file' ? ref.path.slice(dir.length + 1) : ref.type)),
    ).toEqual([join('nested', 'c.md'), join('nested', 'deeper', 'd.jsonl')])
  })

  it('reads a named file whatever its extension, - as stdin, http(s) as URLs', async () => {
    expect(await expandInputSpec(join(dir, 'photo.jpg'))).toEqual([
      { type: 'file', path: join(dir, 'photo.jpg') },
    ])
    expect(await expandInputSpec('-')).toEqual([{ type: 'stdin' }])
    expect(await expandInputSpec('https://example.org/a')).toEqual([
      { type: 'url', url: 'https://example.org/a' },
    ])
  })

  it('gives INPUT_NOT_FOUND for a missing path or a glob matching nothing, URL_INVALID for ftp://', async () => {
    expect(await codeOf(expandInputSpec(join(dir, 'missing.txt')))).toBe('INPUT_NOT_FOUND')
    expect(await codeOf(expandInputSpec(join(dir, '*.pdf')))).toBe('INPUT_NOT_FOUND')
    expect(await codeOf(expandInputSpec('ftp://example.org/a.txt'))).toBe('URL_INVALID')
  })
})

describe('readInput', () => {
  it('reads a file with a media type from its extension', async () => {
    const raw = await readInput({ type: 'file', path: join(dir, 'b.html') })
    expect(Buffer.from(raw.bytes).toString()).toBe('<p>Beta</p>')
    expect(raw).toMatchObject({ mediaType: 'text/html', source: join(dir, 'b.html') })
  })

  it('refuses a file over the size cap before reading it', async () => {
    expect(
      await codeOf(readInput({ type: 'file', path: join(dir, 'big.txt') }, { maxBytes: 1024 })),
    ).toBe('INPUT_TOO_LARGE')
    const raw = await readInput({ type: 'file', path: join(dir, 'big.txt') }, { maxBytes: 2048 })
    expect(raw.bytes.byteLength).toBe(2048)
  })

  it('gives INPUT_NOT_FOUND for a file removed in the meantime', async () => {
    expect(await codeOf(readInput({ type: 'file', path: join(dir, 'gone.txt') }))).toBe(
      'INPUT_NOT_FOUND',
    )
  })

  it('reads stdin, and caps it', async () => {
    const raw = await readInput(
      { type: 'stdin' },
      { stdin: Readable.from([Buffer.from('Pasted '), Buffer.from('text')]) },
    )
    expect(raw).toMatchObject({ source: 'stdin', mediaType: null })
    expect(Buffer.from(raw.bytes).toString()).toBe('Pasted text')
    const big = Readable.from([Buffer.alloc(600), Buffer.alloc(600)])
    expect(await codeOf(readInput({ type: 'stdin' }, { stdin: big, maxBytes: 1000 }))).toBe(
      'INPUT_TOO_LARGE',
    )
  })
})
