import type { AppError } from '../errors.js'
import type { NormalizedDocument } from '../model/document.js'
import { asAppError } from '../normalize/to-outcome.js'
import { normalizeRaw } from '../normalize/normalize-raw.js'
import { expandInputSpec } from '../read/expand-input-spec.js'
import { inputRefName } from '../read/input-ref.js'
import type { ReadOptions } from '../read/read-options.js'
import { readInput } from '../read/read-input.js'

/** One document, or the error of one input, JSONL line or feed item (the rest go on). */
export type LoadOutcome =
  | { readonly ok: true; readonly doc: NormalizedDocument }
  | { readonly ok: false; readonly subject: string; readonly error: AppError }

export type LoadOptions = ReadOptions

/**
 * Reads and normalizes every input spec (files, directories, globs, `-`, URLs) in order, one
 * outcome per document or failure. Never throws for a bad input: it yields `{ ok: false }`.
 *
 * @example
 * for await (const outcome of loadDocuments(['articles/', 'https://example.org/feed.xml'])) {
 *   if (outcome.ok) store(outcome.doc)
 *   else console.error(outcome.error.toLine())
 * }
 */
export async function* loadDocuments(
  inputs: readonly string[],
  options: LoadOptions = {},
): AsyncGenerator<LoadOutcome> {
  for (const spec of inputs) {
    let refs
    try {
      refs = await expandInputSpec(spec)
    } catch (error) {
      yield { ok: false, subject: spec, error: asAppError(spec, error) }
      continue
    }
    for (const ref of refs) {
      const name = inputRefName(ref)
      let raw
      try {
        raw = await readInput(ref, options)
      } catch (error) {
        yield { ok: false, subject: name, error: asAppError(name, error) }
        continue
      }
      yield* normalizeRaw(raw)
    }
  }
}
