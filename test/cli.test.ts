/**
 * The CLI as a user runs it: the built binary, the sample corpus, a real PGlite directory and the
 * real PostgreSQL server. Output is validated against schema/analysis.schema.json.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Ajv2020 } from 'ajv/dist/2020.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Analysis } from '../src/model/analysis.js'
import { REPO_ROOT, runCli } from './support/run-cli.js'
import { createServerDatabase } from '../src/store/fixtures/server-databases.js'

const schema = JSON.parse(
  readFileSync(join(REPO_ROOT, 'schema/analysis.schema.json'), 'utf8'),
) as object
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema)
const SAMPLE_DOCUMENTS = 12

let tmp: string
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'claimgraph-cli-'))
})
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

function parseLines(stdout: string): Analysis[] {
  return stdout
    .trim()
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => JSON.parse(line) as Analysis)
}

/** Every span in an analysis covers exactly the text it says it covers. */
function expectSpansConsistent(analysis: Analysis): void {
  const { text } = analysis
  const check = (span: { start: number; end: number; text: string }): void => {
    expect(text.slice(span.start, span.end)).toBe(span.text)
  }
  for (const entity of analysis.entities) entity.mentions.forEach(check)
  for (const claim of analysis.claims) {
    check(claim.content)
    if (claim.cue) check(claim.cue)
    if (claim.speaker) check(claim.speaker)
  }
  for (const event of analysis.events) {
    check(event.trigger)
    event.figures.forEach((figure) => check(figure.span))
  }
}

describe('claimgraph (CLI)', () => {
  it('prints its version and help', async () => {
    const version = await runCli(['--version'])
    expect(version.code).toBe(0)
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/)
    const help = await runCli(['--help'])
    expect(help.code).toBe(0)
    for (const command of ['analyze', 'ingest', 'brief']) expect(help.stdout).toContain(command)
    const ingestHelp = await runCli(['ingest', '--help'])
    expect(ingestHelp.stdout).toContain('--db')
  })

  it('rejects an unknown command with usage and exit code 2', async () => {
    const result = await runCli(['frobnicate'])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('unknown command')
  })

  it('analyzes the sample corpus into schema-valid JSON lines with consistent spans', async () => {
    const result = await runCli(['analyze', 'sample/'])
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    const analyses = parseLines(result.stdout)
    expect(analyses).toHaveLength(SAMPLE_DOCUMENTS)
    for (const analysis of analyses) {
      const valid = validate(analysis)
      expect(valid, JSON.stringify(validate.errors?.slice(0, 3))).toBe(true)
      expectSpansConsistent(analysis)
    }
    const wire = analyses.find((a) => a.document.source.endsWith('01-northgate-wire.txt'))
    expect(wire?.claims.length).toBeGreaterThan(0)
    expect(wire?.entities.some((e) => e.name.includes('Velenor'))).toBe(true)
  })

  it('prints a JSON array with --format json and reads stdin with -', async () => {
    const input = 'Police said on Friday that at least 12 people were hurt in the blast in Velenor.'
    const result = await runCli(['analyze', '-', '--format', 'json'], { input })
    expect(result.code).toBe(0)
    const analyses = JSON.parse(result.stdout) as Analysis[]
    expect(analyses).toHaveLength(1)
    expect(analyses[0]?.text).toContain('at least 12 people')
  })

  it('goes on past bad inputs, naming each on one line, and exits 1', async () => {
    const binary = join(tmp, 'image.bin')
    writeFileSync(
      binary,
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0, 1, 2, 3, 0, 0, 0, 0]),
    )
    const empty = join(tmp, 'empty.txt')
    writeFileSync(empty, '   \n')
    const missing = join(tmp, 'missing.txt')
    const result = await runCli([
      'analyze',
      binary,
      'sample/05-social-velenor-eyes.txt',
      empty,
      missing,
    ])
    expect(result.code).toBe(1)
    expect(parseLines(result.stdout)).toHaveLength(1)
    const lines = result.stderr.trim().split('\n')
    expect(lines).toHaveLength(3)
    expect(lines.find((l) => l.includes('image.bin'))).toBeDefined()
    expect(lines.find((l) => l.includes('empty.txt'))).toBeDefined()
    expect(lines.find((l) => l.includes('missing.txt'))).toBeDefined()
  })

  it('ingests the sample corpus into PGlite idempotently and prints the brief', async () => {
    const db = join(tmp, 'db')
    const first = await runCli(['ingest', 'sample/', '--db', db])
    expect(first.code, first.stderr).toBe(0)
    expect(first.stderr).toContain(
      `ingested ${SAMPLE_DOCUMENTS} documents: ${SAMPLE_DOCUMENTS} added`,
    )
    const second = await runCli(['ingest', 'sample/', '--db', db])
    expect(second.code).toBe(0)
    expect(second.stderr).toContain(`0 added, 0 updated, ${SAMPLE_DOCUMENTS} unchanged, 0 failed`)

    const brief = await runCli(['brief', '--db', db])
    expect(brief.code, brief.stderr).toBe(0)
    expect(brief.stdout).toContain('Velenor')
    const json = await runCli(['brief', '--db', db, '--format', 'json'])
    const parsed = JSON.parse(json.stdout) as { schema: string; stories: { id: string }[] }
    expect(parsed.schema).toBe('claimgraph/brief@1')
    expect(parsed.stories.length).toBeGreaterThan(0)

    const storyId = parsed.stories[0]?.id ?? ''
    const one = await runCli(['brief', '--db', db, '--story', storyId, '--format', 'json'])
    // Only the story's documents are loaded, and the brief is the one the full brief holds.
    const oneParsed = JSON.parse(one.stdout) as typeof parsed & { documents: number }
    expect(oneParsed.stories).toEqual([parsed.stories[0]])
    expect(oneParsed.documents).toBe((parsed as typeof oneParsed).documents)
    const none = await runCli(['brief', '--db', db, '--story', 'no-such-story'])
    expect(none.code).toBe(2)
    expect(none.stderr.trim().split('\n')).toHaveLength(1)
  })

  it('ingests into the PostgreSQL server given a postgres:// URL', async () => {
    const server = await createServerDatabase()
    try {
      const result = await runCli(['ingest', 'sample/', '--db', server.url, '--brief'])
      expect(result.code, result.stderr).toBe(0)
      expect(result.stderr).toContain(`${SAMPLE_DOCUMENTS} added`)
      expect(result.stdout).toContain('Velenor')
    } finally {
      await server.dispose()
    }
  })

  it('reports an unreachable database on one line with exit code 2', async () => {
    const result = await runCli(['brief', '--db', 'postgres://nobody@127.0.0.1:1/none'])
    expect(result.code).toBe(2)
    expect(result.stderr.trim().split('\n')).toHaveLength(1)
  })
})
