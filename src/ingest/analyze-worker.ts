/**
 * @module
 * Worker-thread entry: receives normalized documents, answers with their analyses. `analyze` is a
 * pure function, so a worker needs nothing but the document.
 */
import { parentPort } from 'node:worker_threads'
import { analyze } from '../analyze/index.js'
import type { NormalizedDocument } from '../model/document.js'
import type { WorkerReply, WorkerRequest } from './analyze-pool.js'

const port = parentPort
if (port === null) throw new TypeError('analyze-worker must run in a worker thread')

port.on('message', (request: WorkerRequest) => {
  let reply: WorkerReply
  try {
    reply = { id: request.id, analysis: analyze(request.doc as NormalizedDocument) }
  } catch (error) {
    reply = { id: request.id, error: error instanceof Error ? error.message : String(error) }
  }
  port.postMessage(reply)
})
port.postMessage({ ready: true })
