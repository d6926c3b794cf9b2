/**
 * @module
 * Ingest jobs behind `POST /api/ingest`: the request's inputs are queued as a job and answered at
 * once with the job's id; `GET /api/ingest/:id` shows the job's progress while it runs (inputs and
 * documents done, added/updated/unchanged/failed so far, every input's documents and errors as they
 * come). Jobs run one at a time, in the order they came, each through `createUploadIngest` and so
 * through `ingestDocuments`, the job `claimgraph ingest` runs. Finished jobs are kept in memory (the
 * last `keep`) so a client can still read their end state.
 */
import { randomUUID } from 'node:crypto'
import { AppError } from '../errors.js'
import type { Store } from '../store/index.js'
import {
  createUploadIngest,
  type IngestProgress,
  type IngestUploadsOptions,
  type UploadInput,
} from './ingest-inputs.js'

/** One ingest job as the API shows it. */
export interface IngestJob extends IngestProgress {
  readonly id: string
  /** `queued` behind another job, `running`, `done`, or `failed` (the job itself broke: `error`). */
  readonly state: 'queued' | 'running' | 'done' | 'failed'
  readonly createdAt: string
  readonly startedAt: string | null
  readonly finishedAt: string | null
  readonly error: { readonly code: string; readonly message: string } | null
}

export interface IngestJobsOptions extends Omit<IngestUploadsOptions, 'onProgress'> {
  readonly store: Store
  /** Called when a job has ended (done or failed): e.g. forget cached briefs. */
  readonly onFinished?: () => void
  /** Jobs queued or running at most; `submit` refuses more (default 4). */
  readonly maxActive?: number
  /** Finished jobs kept for `get` (default 50). */
  readonly keep?: number
}

export interface IngestJobs {
  /** Queues a job; null when `maxActive` jobs are already queued or running. */
  submit(inputs: readonly UploadInput[]): IngestJob | null
  get(id: string): IngestJob | null
  /** Every kept job, newest first. */
  list(): IngestJob[]
  /** Resolves when the job has ended (immediately for an unknown id). */
  finished(id: string): Promise<IngestJob | null>
  /** Resolves when no job is queued or running. */
  idle(): Promise<void>
  /**
   * Calls `listener` after every change of the job (a document stored, an error, a state change)
   * until it has ended; returns the function that stops it, or null for an unknown job.
   */
  watch(id: string, listener: () => void): (() => void) | null
}

interface JobRecord {
  readonly id: string
  state: IngestJob['state']
  readonly createdAt: string
  startedAt: string | null
  finishedAt: string | null
  error: IngestJob['error']
  progress: () => IngestProgress
  readonly ended: Promise<void>
}

export function createIngestJobs(options: IngestJobsOptions): IngestJobs {
  const { store, onFinished, maxActive = 4, keep = 50 } = options
  const jobs = new Map<string, JobRecord>()
  const listeners = new Map<string, Set<() => void>>()
  const notify = (id: string): void => {
    for (const listener of listeners.get(id) ?? []) listener()
  }
  // Jobs run one after another: one store connection, one analysis pool at a time.
  let chain: Promise<void> = Promise.resolve()

  const view = (job: JobRecord): IngestJob => ({
    id: job.id,
    state: job.state,
    createdAt: job.createdAt,
    startedAt: job.startedAt,
    finishedAt: job.finishedAt,
    error: job.error,
    ...job.progress(),
  })
  const active = (): number =>
    [...jobs.values()].filter((j) => j.state === 'queued' || j.state === 'running').length
  const prune = (): void => {
    const finished = [...jobs.values()].filter((j) => j.state === 'done' || j.state === 'failed')
    for (const job of finished.slice(0, Math.max(0, finished.length - keep))) jobs.delete(job.id)
  }

  return {
    submit(inputs) {
      if (active() >= maxActive) return null
      const ingest = createUploadIngest(store, inputs, {
        ...(options.allowPrivate === undefined ? {} : { allowPrivate: options.allowPrivate }),
        ...(options.maxBytes === undefined ? {} : { maxBytes: options.maxBytes }),
        onProgress: () => notify(job.id),
      })
      const run = async (): Promise<void> => {
        job.state = 'running'
        job.startedAt = new Date().toISOString()
        notify(job.id)
        try {
          const end = await ingest.run()
          job.progress = () => end
          job.state = 'done'
        } catch (error) {
          // ingestDocuments reports bad inputs as results; only the job itself can get here
          // (the store went away, a worker could not start).
          const end = ingest.snapshot()
          job.progress = () => end
          job.state = 'failed'
          job.error = {
            code: error instanceof AppError ? error.code : 'INTERNAL',
            message: error instanceof AppError ? error.toLine() : 'the ingest job failed',
          }
          if (!(error instanceof AppError))
            process.stderr.write(`claimgraph serve: ingest job ${job.id}: ${String(error)}\n`)
        } finally {
          job.finishedAt = new Date().toISOString()
          onFinished?.()
          notify(job.id)
          listeners.delete(job.id)
          prune()
        }
      }
      chain = chain.then(run)
      const job: JobRecord = {
        id: randomUUID(),
        state: 'queued',
        createdAt: new Date().toISOString(),
        startedAt: null,
        finishedAt: null,
        error: null,
        progress: () => ingest.snapshot(),
        ended: chain,
      }
      jobs.set(job.id, job)
      return view(job)
    },
    get(id) {
      const job = jobs.get(id)
      return job === undefined ? null : view(job)
    },
    list() {
      return [...jobs.values()].reverse().map(view)
    },
    async finished(id) {
      const job = jobs.get(id)
      if (job === undefined) return null
      await job.ended
      return view(job)
    },
    async idle() {
      await chain
    },
    watch(id, listener) {
      const job = jobs.get(id)
      if (job === undefined) return null
      if (job.state === 'done' || job.state === 'failed') return () => undefined
      const set = listeners.get(id) ?? new Set()
      listeners.set(id, set)
      set.add(listener)
      return () => {
        set.delete(listener)
      }
    },
  }
}
