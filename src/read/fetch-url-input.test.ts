import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AppError } from '../errors.js'
import { fetchUrlInput } from './fetch-url-input.js'
import { resolveReadOptions, type ReadOptions } from './read-options.js'

let server: Server
let base: string
const hangingResponses = new Set<() => void>()

beforeAll(async () => {
  server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost')
    const hops = /^\/hop\/(\d+)$/.exec(url.pathname)
    if (hops !== null) {
      const left = Number(hops[1])
      response.writeHead(302, { location: left > 0 ? `/hop/${left - 1}` : '/page' })
      response.end()
    } else if (url.pathname === '/page') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      response.end(`<html><body><p>Agent: ${request.headers['user-agent'] ?? ''}</p></body></html>`)
    } else if (url.pathname === '/missing') {
      response.writeHead(404, { 'content-type': 'text/plain' })
      response.end('not here')
    } else if (url.pathname === '/slow') {
      // Headers now, body never: the timeout must cover the body too.
      response.writeHead(200, { 'content-type': 'text/plain' })
      response.write('first bytes')
      hangingResponses.add(() => response.end())
    } else if (url.pathname === '/endless') {
      // No content-length, keeps streaming: the cap must stop it while streaming.
      response.writeHead(200, { 'content-type': 'text/plain' })
      const chunk = Buffer.alloc(64 * 1024, 0x61)
      const timer = setInterval(() => response.write(chunk), 1)
      response.on('close', () => clearInterval(timer))
    } else if (url.pathname === '/declared-large') {
      response.writeHead(200, { 'content-type': 'text/plain', 'content-length': String(10_000) })
      response.end('y'.repeat(10_000))
    } else {
      response.writeHead(500)
      response.end()
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  for (const end of hangingResponses) end()
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
})

const local = (options: ReadOptions = {}) => resolveReadOptions({ allowPrivate: true, ...options })

async function errorOf(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise
  } catch (error) {
    if (error instanceof AppError) return error
    throw error
  }
  return expect.fail('expected an AppError')
}

describe('fetchUrlInput', () => {
  it('fetches a page with its content type and user agent', async () => {
    const raw = await fetchUrlInput(`${base}/page`, local({ userAgent: 'claimgraph-test' }))
    expect(raw.mediaType).toBe('text/html; charset=utf-8')
    expect(raw.source).toBe(`${base}/page`)
    expect(raw.fetchedUrl).toBe(`${base}/page`)
    expect(Buffer.from(raw.bytes).toString()).toContain('Agent: claimgraph-test')
  })

  it('follows 5 redirects and records the final URL', async () => {
    const raw = await fetchUrlInput(`${base}/hop/4`, local())
    expect(raw.source).toBe(`${base}/hop/4`)
    expect(raw.fetchedUrl).toBe(`${base}/page`)
  })

  it('fails on the 6th redirect', async () => {
    const error = await errorOf(fetchUrlInput(`${base}/hop/5`, local()))
    expect(error.code).toBe('URL_TOO_MANY_REDIRECTS')
  })

  it('gives URL_HTTP_STATUS for a 404', async () => {
    const error = await errorOf(fetchUrlInput(`${base}/missing`, local()))
    expect(error.code).toBe('URL_HTTP_STATUS')
    expect(error.details).toMatchObject({ status: 404 })
  })

  it('refuses loopback addresses unless allowPrivate is set', async () => {
    const error = await errorOf(fetchUrlInput(`${base}/page`, resolveReadOptions()))
    expect(error.code).toBe('URL_FORBIDDEN')
    expect(error.toLine()).toMatch(/resolves to 127\.0\.0\.1 \(loopback\)/)
    for (const url of [
      'http://localhost:9/',
      'http://[::1]:9/',
      'http://10.0.0.1:9/',
      'http://169.254.169.254/latest',
      'http://[::ffff:127.0.0.1]:9/',
      'http://[fd00::1]:9/',
    ]) {
      expect((await errorOf(fetchUrlInput(url, resolveReadOptions()))).code).toBe('URL_FORBIDDEN')
    }
  })

  it('times out when the body does not arrive in time', async () => {
    const error = await errorOf(fetchUrlInput(`${base}/slow`, local({ timeoutMs: 300 })))
    expect(error.code).toBe('URL_TIMEOUT')
  })

  it('stops an endless body at the size cap while streaming, and a declared length over it at once', async () => {
    expect(
      (await errorOf(fetchUrlInput(`${base}/endless`, local({ maxBytes: 1024 * 1024 })))).code,
    ).toBe('INPUT_TOO_LARGE')
    expect(
      (await errorOf(fetchUrlInput(`${base}/declared-large`, local({ maxBytes: 1000 })))).code,
    ).toBe('INPUT_TOO_LARGE')
  })

  it('gives URL_UNREACHABLE when nothing listens', async () => {
    const closed = createServer()
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
    const port = (closed.address() as AddressInfo).port
    await new Promise((resolve) => closed.close(resolve))
    expect((await errorOf(fetchUrlInput(`http://127.0.0.1:${port}/`, local()))).code).toBe(
      'URL_UNREACHABLE',
    )
  })
})
