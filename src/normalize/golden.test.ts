import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { mediaTypeForPath } from '../read/media-type-for-path.js'
import { normalizeRaw } from './normalize-raw.js'
import { sectionTexts } from './section-texts.js'

// Golden files: every fixture's whole output, section texts spelled out so a diff reads well.
// Rewrite with `UPDATE_GOLDEN=1 npx vitest run src/normalize/golden.test.ts`, then review the diff.
const dir = new URL('fixtures/', import.meta.url)
const inputs = readdirSync(dir)
  .filter((name) => !name.endsWith('.golden.json'))
  .sort()

function snapshot(name: string): unknown {
  const bytes = readFileSync(new URL(name, dir))
  return normalizeRaw({ bytes, mediaType: mediaTypeForPath(name), source: name }).map((outcome) =>
    outcome.ok
      ? {
          metadata: outcome.doc.metadata,
          sections: sectionTexts(outcome.doc),
          repeats: outcome.doc.repeats,
          diagnostics: outcome.doc.diagnostics,
        }
      : { error: outcome.error.code, line: outcome.error.toLine() },
  )
}

describe('golden outputs', () => {
  it.each(inputs)('%s', (name) => {
    const golden = new URL(`${name}.golden.json`, dir)
    const actual = snapshot(name)
    if (process.env['UPDATE_GOLDEN'] === '1' || !existsSync(golden)) {
      writeFileSync(golden, `${JSON.stringify(actual, null, 2)}\n`)
    }
    expect(actual).toEqual(JSON.parse(readFileSync(golden, 'utf8')))
  })
})
