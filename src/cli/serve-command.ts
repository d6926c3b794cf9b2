/**
 * @module
 * `claimgraph serve`: the HTTP API and the web UI in one process, until SIGINT/SIGTERM.
 */
import { CommanderError, type Command, type Option } from 'commander'
import { startServer } from '../server/index.js'
import type { BuiltStory } from '../server/story-cache.js'
import { openStore } from '../store/index.js'

export interface ServeCommandOptions {
  readonly db?: string
  readonly port: number
  readonly host: string
  readonly token?: string
}

export async function serveCommand(options: ServeCommandOptions): Promise<number> {
  const store = await openStore(options.db)
  let server
  try {
    server = await startServer({
      store,
      port: options.port,
      host: options.host,
      token: options.token ?? process.env['CLAIMGRAPH_TOKEN'],
      // Stories changed since the last run are built now, not on the first request.
      warmStories: true,
      onStoryBuilt: logStoryBuilt,
    })
  } catch (error) {
    await store.close()
    throw error
  }
  process.stderr.write(`claimgraph: serving ${store.location} at ${server.url}/\n`)
  const signal = (): Promise<void> =>
    new Promise<void>((resolve) => {
      const stop = (): void => resolve()
      process.once('SIGINT', stop)
      process.once('SIGTERM', stop)
    })
  await signal()
  await server.close()
  const active = server.activeIngestJobs()
  if (active > 0) {
    // Each stored document is whole either way; waiting lets the job's other inputs go through.
    process.stderr.write(
      `claimgraph: waiting for ${active} ingest job(s) to finish; press Ctrl-C again to stop now\n`,
    )
    const stopNow = await Promise.race([
      server.ingestIdle().then(() => false),
      signal().then(() => true),
    ])
    if (stopNow) {
      process.stderr.write(
        'claimgraph: stopped with an ingest job under way; run it again to finish\n',
      )
      process.exit(130)
    }
  }
  await store.close()
  return 0
}

/** A line per slow story brief, and one when a background pass is over. */
function logStoryBuilt(built: BuiltStory): void {
  if (built.ms >= 1000 || built.left === 0) {
    const left = built.left === 0 ? 'story briefs up to date' : `${built.left} to go`
    process.stderr.write(
      `claimgraph: built the brief of story ${built.id} (${built.documents} documents) in ${(built.ms / 1000).toFixed(1)} s; ${left}\n`,
    )
  }
}

/** Registers `serve` on the program (main.ts calls this once). */
export function addServeCommand(program: Command, dbOption: Option): void {
  program
    .command('serve')
    .description('serve the HTTP API (/api, /openapi.json) and the web UI')
    .addOption(dbOption)
    .option('--port <n>', 'port (0: any free port)', parsePort, 4317)
    .option('--host <host>', 'address to bind; other than loopback needs a token', '127.0.0.1')
    .option('--token <token>', 'bearer token required for writes (default: $CLAIMGRAPH_TOKEN)')
    .action(async (options: ServeCommandOptions) => {
      process.exitCode = await serveCommand(options)
    })
}

function parsePort(value: string): number {
  const n = Number(value)
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new CommanderError(2, 'claimgraph.usage', `not a port number: ${value}`)
  return n
}
