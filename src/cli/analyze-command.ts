import { analyze } from '../analyze/index.js'
import { errorLine } from '../errors.js'
import { loadDocuments } from '../load/index.js'
import { writeOut } from './output.js'

export interface AnalyzeCommandOptions {
  readonly format: 'jsonl' | 'json'
  readonly maxBytes: number
  readonly timeout: number
  readonly allowPrivate: boolean
}

/** `claimgraph analyze`: one JSON object per document on stdout; errors on stderr, one line each. */
export async function analyzeCommand(
  inputs: readonly string[],
  options: AnalyzeCommandOptions,
): Promise<number> {
  let failed = 0
  let first = true
  if (options.format === 'json') await writeOut('[')
  const loadOptions = {
    maxBytes: options.maxBytes,
    timeoutMs: options.timeout,
    allowPrivate: options.allowPrivate,
  }
  for await (const outcome of loadDocuments(inputs, loadOptions)) {
    if (!outcome.ok) {
      failed++
      process.stderr.write(`claimgraph: ${errorLine(outcome.error)}\n`)
      continue
    }
    const json = JSON.stringify(analyze(outcome.doc))
    if (options.format === 'json') await writeOut(`${first ? '\n' : ',\n'}${json}`)
    else await writeOut(`${json}\n`)
    first = false
  }
  if (options.format === 'json') await writeOut(first ? ']\n' : '\n]\n')
  return failed > 0 ? 1 : 0
}
