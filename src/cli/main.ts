/**
 * @module
 * The `claimgraph` command line: analyze, ingest, brief. A thin edge over the core functions.
 * Exit codes: 0 all good, 1 some input failed (the others went through), 2 usage or setup error.
 */
import { readFileSync } from 'node:fs'
import { Command, CommanderError, Option } from 'commander'
import { errorLine, isAppError } from '../errors.js'
import { analyzeCommand } from './analyze-command.js'
import { briefCommand } from './brief-command.js'
import { ingestCommand } from './ingest-command.js'
import { addServeCommand } from './serve-command.js'

const packageJson = JSON.parse(
  readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
) as { version: string }

/** Options shared by the commands that read inputs. */
function addInputOptions(command: Command): Command {
  return command
    .option('--max-bytes <n>', 'size cap per input in bytes', parsePositiveInt, 20 * 1024 * 1024)
    .option('--timeout <ms>', 'time limit per URL fetch in milliseconds', parsePositiveInt, 15_000)
    .option('--allow-private', 'allow URLs that resolve to loopback or private addresses', false)
}

function dbOption(): Option {
  return new Option(
    '--db <url>',
    'database: a directory or file:// for embedded PGlite, memory:// for a throwaway one, postgres://… for a server (default: $CLAIMGRAPH_DB, $DATABASE_URL, ./.claimgraph/db)',
  )
}

function parsePositiveInt(value: string): number {
  const n = Number(value)
  if (!Number.isInteger(n) || n <= 0)
    throw new CommanderError(2, 'claimgraph.usage', `not a positive integer: ${value}`)
  return n
}

function parseWorkerCount(value: string): number {
  const n = Number(value)
  if (!Number.isInteger(n) || n < 0 || n > 64) {
    throw new CommanderError(2, 'claimgraph.usage', `not a worker count (0–64): ${value}`)
  }
  return n
}

/** Build the program; exported for tests. */
export function buildProgram(): Command {
  const program = new Command()
    .name('claimgraph')
    .description(
      'Who said what, about whom, and who confirms or contradicts it — from news, blogs, comments and social posts.',
    )
    .version(packageJson.version, '-v, --version')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()

  addInputOptions(
    program
      .command('analyze')
      .description(
        'analyze inputs without storing them; print one JSON object per document (claimgraph/analysis@1)',
      )
      .argument('<inputs...>', 'files, directories, globs, http(s) URLs, or - for stdin')
      .addOption(
        new Option('--format <format>', 'output format')
          .choices(['jsonl', 'json'])
          .default('jsonl'),
      ),
  ).action(async (inputs: string[], options) => {
    process.exitCode = await analyzeCommand(inputs, options)
  })

  addInputOptions(
    program
      .command('ingest')
      .description(
        'read, normalize, analyze and store inputs (idempotent: the same content twice is one document)',
      )
      .argument('<inputs...>', 'files, directories, globs, http(s) URLs, or - for stdin')
      .addOption(dbOption())
      .option('--brief', 'print the brief of everything stored when done', false)
      .option(
        '--workers <n>',
        'analysis worker threads (0: analyze on the main thread; default: cores - 1, at most 4)',
        parseWorkerCount,
      )
      .option('-q, --quiet', 'no progress output, only errors and the summary', false),
  ).action(async (inputs: string[], options) => {
    process.exitCode = await ingestCommand(inputs, options)
  })

  program
    .command('brief')
    .description(
      'summarize what is stored: stories, their documents, entities, claims by speaker, figures per source',
    )
    .addOption(dbOption())
    .option('--story <id>', 'only this story')
    .addOption(
      new Option('--format <format>', 'output format').choices(['md', 'json']).default('md'),
    )
    .action(async (options) => {
      process.exitCode = await briefCommand(options)
    })

  addServeCommand(program, dbOption())

  return program
}

/** Run the CLI with `argv` (without node and script); resolves to the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  const program = buildProgram()
  process.exitCode = 0
  try {
    await program.parseAsync([...argv], { from: 'user' })
    return typeof process.exitCode === 'number' ? process.exitCode : 0
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end here with exit code 0; usage errors were already printed.
      return error.exitCode === 0 ? 0 : 2
    }
    process.stderr.write(`claimgraph: ${errorLine(error)}\n`)
    if (!isAppError(error) && process.env['DEBUG'] !== undefined && error instanceof Error) {
      process.stderr.write(`${error.stack ?? ''}\n`)
    }
    return 2
  }
}
