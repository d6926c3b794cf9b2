/**
 * @module
 * A small pool of worker threads running `analyze`, so that analysis overlaps with reading and
 * storing (which stay on the main thread, where the database connection lives). Until a worker
 * says it is ready, and whenever the pool has no worker, documents are analyzed inline: small
 * ingests never wait for a worker to start.
 */
import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import { analyze } from '../analyze/index.js'
import { AppError } from '../errors.js'
import type { Analysis } from '../model/analysis.js'
import type { NormalizedDocument } from '../model/document.js'

export interface WorkerRequest {
  readonly id: number
  readonly doc: NormalizedDocument
}
export type WorkerReply =
  | { readonly id: number; readonly analysis: Analysis }
  | { readonly id: number; readonly error: string }

export interface AnalyzePool {
  /** Analyze one document, in a worker when one is free and ready, else inline. */
  analyze(doc: NormalizedDocument): Promise<Analysis>
  /** Terminates the workers; they keep the process alive until then (a pending reply must). */
  close(): Promise<void>
}

/** Workers for a machine: one core stays with the main thread (reading, storing). */
export function defaultWorkerCount(): number {
  return Math.max(0, Math.min(4, availableParallelism() - 1))
}

/** Documents queued on one worker before the main thread analyzes the next one itself. */
const QUEUE_PER_WORKER = 3

interface Slot {
  readonly worker: Worker
  ready: boolean
  busy: number
}

/** The worker script beside this module: compiled `.js` in dist/, `.ts` under tsx or vitest. */
function workerUrl(): { url: URL; execArgv: string[] } {
  const self = import.meta.url
  const ts = self.endsWith('.ts')
  const url = new URL(ts ? './analyze-worker.ts' : './analyze-worker.js', self)
  return { url, execArgv: ts ? ['--import', 'tsx'] : [] }
}

/**
 * Create a pool of `size` workers (0: everything inline).
 * @example
 * const pool = createAnalyzePool(defaultWorkerCount())
 * const analysis = await pool.analyze(doc)
 * await pool.close()
 */
export function createAnalyzePool(size: number = defaultWorkerCount()): AnalyzePool {
  const pending = new Map<
    number,
    { resolve: (a: Analysis) => void; reject: (e: unknown) => void; slot: Slot }
  >()
  const slots: Slot[] = []
  let nextId = 0
  const { url, execArgv } = workerUrl()

  for (let i = 0; i < size; i++) {
    const worker = new Worker(url, { execArgv })
    const slot: Slot = { worker, ready: false, busy: 0 }
    worker.on('message', (message: WorkerReply | { ready: true }) => {
      if ('ready' in message) {
        slot.ready = true
        return
      }
      const job = pending.get(message.id)
      if (job === undefined) return
      pending.delete(message.id)
      slot.busy--
      if ('analysis' in message) job.resolve(message.analysis)
      else job.reject(new AppError('INTERNAL', `analysis failed: ${message.error}`))
    })
    worker.on('error', (error) => {
      // A crashed worker leaves the pool; its jobs fail and later documents go elsewhere.
      slots.splice(slots.indexOf(slot), 1)
      for (const [id, job] of pending) {
        if (job.slot !== slot) continue
        pending.delete(id)
        job.reject(new AppError('INTERNAL', `analysis worker failed: ${error.message}`))
      }
    })
    slots.push(slot)
  }

  return {
    analyze(doc) {
      let slot: Slot | undefined
      for (const candidate of slots) {
        if (candidate.ready && (slot === undefined || candidate.busy < slot.busy)) slot = candidate
      }
      // No worker ready, or all of them backed up: the main thread helps instead of waiting.
      if (slot === undefined || slot.busy >= QUEUE_PER_WORKER) {
        try {
          return Promise.resolve(analyze(doc))
        } catch (error) {
          return Promise.reject(error)
        }
      }
      const id = nextId++
      const chosen = slot
      chosen.busy++
      return new Promise<Analysis>((resolve, reject) => {
        pending.set(id, { resolve, reject, slot: chosen })
        chosen.worker.postMessage({ id, doc } satisfies WorkerRequest)
      })
    },
    async close() {
      await Promise.all(slots.map((slot) => slot.worker.terminate()))
      slots.length = 0
    },
  }
}
