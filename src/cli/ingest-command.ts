import cliProgress from 'cli-progress'
import { ingest, type IngestEvent } from '../ingest/ingest.js'
import { openStore } from '../store/index.js'
import { printBrief } from './brief-command.js'

export interface IngestCommandOptions {
  readonly db?: string
  readonly maxBytes: number
  readonly timeout: number
  readonly allowPrivate: boolean
  readonly brief: boolean
  readonly quiet: boolean
  readonly workers?: number
}

/** `claimgraph ingest`: store inputs with progress, then a closing summary on stderr. */
export async function ingestCommand(
  inputs: readonly string[],
  options: IngestCommandOptions,
): Promise<number> {
  const store = await openStore(options.db)
  try {
    const progress = createProgress(options.quiet)
    const summary = await ingest(store, inputs, {
      maxBytes: options.maxBytes,
      timeoutMs: options.timeout,
      allowPrivate: options.allowPrivate,
      onEvent: progress.update,
      ...(options.workers === undefined ? {} : { workers: options.workers }),
    })
    progress.stop()
    const total = summary.added + summary.updated + summary.unchanged
    const rate = summary.seconds > 0 ? Math.round(total / summary.seconds) : total
    process.stderr.write(
      `ingested ${total} document${total === 1 ? '' : 's'}: ${summary.added} added, ${summary.updated} updated, ` +
        `${summary.unchanged} unchanged, ${summary.failed.length} failed (${summary.seconds.toFixed(1)} s, ${rate} docs/s)\n`,
    )
    for (const failure of summary.failed) process.stderr.write(`  failed: ${failure.line}\n`)
    if (options.brief) await printBrief(store, { format: 'md' })
    return summary.failed.length > 0 ? 1 : 0
  } finally {
    await store.close()
  }
}

interface Progress {
  readonly update: (event: IngestEvent) => void
  readonly stop: () => void
}

/** A live bar on a terminal; plain lines otherwise (logs, CI); errors always, one line each. */
function createProgress(quiet: boolean): Progress {
  const counts = { added: 0, updated: 0, unchanged: 0, failed: 0 }
  const tty = process.stderr.isTTY === true && !quiet
  const bar = tty
    ? new cliProgress.SingleBar(
        {
          stream: process.stderr,
          format:
            'ingesting | {value} documents | {added} added, {unchanged} unchanged, {failed} failed | {source}',
          hideCursor: true,
          clearOnComplete: true,
        },
        cliProgress.Presets.shades_classic,
      )
    : null
  bar?.start(0, 0, { ...counts, source: '' })
  let done = 0
  return {
    update(event) {
      if (event.kind === 'failed') {
        counts.failed++
        process.stderr.write(`${tty ? '\r\x1b[K' : ''}error: ${event.line}\n`)
      } else {
        counts[event.status]++
        done++
        if (!tty && !quiet)
          process.stderr.write(
            `${event.status.padEnd(9)} ${event.id.slice(0, 12)}  ${event.source}\n`,
          )
      }
      bar?.setTotal(done)
      bar?.update(done, {
        ...counts,
        source: event.kind === 'document' ? event.source.slice(-50) : event.subject.slice(-50),
      })
    },
    stop() {
      bar?.stop()
    },
  }
}
