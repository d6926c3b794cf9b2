/**
 * Stopping the server while an ingest job runs (what `claimgraph serve` does on SIGINT): the HTTP
 * server closes at once, the job goes on to its end, and only then may the store close.
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { expect, it } from 'vitest'
import { startServer } from '../../src/server/index.js'
import { openStore } from '../../src/store/index.js'

it('lets a running ingest job finish after the server stops taking requests', async () => {
  let release: () => void = () => undefined
  const held = new Promise<void>((resolve) => (release = resolve))
  const pages = createServer((_request, response) => {
    void held.then(() => {
      response.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' })
      response.end('Ferry news\n\nThe harbour master said the last ferry left at nine.\n')
    })
  })
  await new Promise<void>((resolve) => pages.listen(0, '127.0.0.1', resolve))
  const store = await openStore('memory://')
  const server = await startServer({ store, port: 0, allowPrivateUrls: true })
  try {
    const base = `http://127.0.0.1:${(pages.address() as AddressInfo).port}`
    const response = await fetch(`${server.url}/api/ingest`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ urls: [`${base}/ferry.txt`] }),
    })
    expect(response.status).toBe(202)
    expect(server.activeIngestJobs()).toBe(1)
    await server.close()
    await expect(fetch(`${server.url}/api/stories`)).rejects.toThrow()
    release()
    await server.ingestIdle()
    expect(server.activeIngestJobs()).toBe(0)
    expect((await store.counts()).documents).toBe(1)
  } finally {
    release()
    await store.close()
    await new Promise<void>((resolve) => pages.close(() => resolve()))
  }
})
