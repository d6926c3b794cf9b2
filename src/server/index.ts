/**
 * @module
 * `startServer()`: the app on @hono/node-server. Binds 127.0.0.1 by default; refuses a
 * non-loopback host without a token.
 */
import type { AddressInfo } from 'node:net'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { serve } from '@hono/node-server'
import { AppError } from '../errors.js'
import type { Store } from '../store/index.js'
import { createApp } from './app.js'
import type { BuiltStory } from './story-cache.js'

export { createApp, UPLOAD_LIMIT_BYTES, type AppOptions, type ClaimgraphApp } from './app.js'
export { OPENAPI_DOCUMENT } from './openapi.js'

/** The built UI: web/dist beside src/ and dist/. */
export const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../web/dist', import.meta.url))

export interface StartServerOptions {
  readonly store: Store
  readonly port?: number
  readonly host?: string
  readonly token?: string | undefined
  readonly webRoot?: string
  readonly allowPrivateUrls?: boolean
  /** See `AppOptions.warmStories`. */
  readonly warmStories?: boolean
  readonly onStoryBuilt?: (built: BuiltStory) => void
}

export interface RunningServer {
  readonly url: string
  readonly port: number
  /** Stops taking requests (open connections are cut). Ingest jobs under way go on. */
  close(): Promise<void>
  /** Ingest jobs queued or running now. */
  activeIngestJobs(): number
  /** Resolves when no ingest job is queued or running. */
  ingestIdle(): Promise<void>
}

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127\./.test(host)
}

export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1'
  const token = options.token === '' ? undefined : options.token
  const loopback = isLoopback(host)
  if (!loopback && token === undefined)
    throw new AppError(
      'USAGE',
      `refusing to listen on ${host} without a token: pass --token or set CLAIMGRAPH_TOKEN`,
    )
  const webRoot = options.webRoot ?? DEFAULT_WEB_ROOT
  const app = createApp({
    store: options.store,
    token,
    webRoot: existsSync(webRoot) ? webRoot : undefined,
    allowedHosts: loopback ? ['127.0.0.1', 'localhost', '[::1]', '::1'] : undefined,
    ...(options.allowPrivateUrls === true ? { allowPrivateUrls: true } : {}),
    ...(options.warmStories === true ? { warmStories: true } : {}),
    ...(options.onStoryBuilt === undefined ? {} : { onStoryBuilt: options.onStoryBuilt }),
  })
  return new Promise((resolve, reject) => {
    const server = serve(
      { fetch: app.fetch, port: options.port ?? 4317, hostname: host },
      (info: AddressInfo) => {
        const shown = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host
        resolve({
          url: `http://${shown}:${info.port}`,
          port: info.port,
          activeIngestJobs: () => app.activeIngestJobs(),
          ingestIdle: () => app.ingestIdle(),
          close: () =>
            new Promise<void>((done) => {
              server.close(() => done())
              if ('closeAllConnections' in server) server.closeAllConnections()
            }),
        })
      },
    )
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        new AppError(
          'CONFIG',
          `cannot listen on ${host}:${options.port ?? 4317}: ${error.message}`,
        ),
      ),
    )
  })
}
