/**
 * @module
 * `staticFiles()`: the built UI from a directory (web/dist), with the SPA fallback to index.html
 * for any other GET outside /api. Paths never leave the directory.
 */
import { readFile, stat } from 'node:fs/promises'
import { extname, join, normalize, sep } from 'node:path'
import type { MiddlewareHandler } from 'hono'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
}

export interface StaticFilesOptions {
  readonly root: string
}

export const staticFiles = ({ root }: StaticFilesOptions): MiddlewareHandler => {
  const base = normalize(root + sep)
  return async function staticFiles(c, next) {
    if ((c.req.method !== 'GET' && c.req.method !== 'HEAD') || c.req.path.startsWith('/api/'))
      return next()
    let path: string
    try {
      path = decodeURIComponent(c.req.path)
    } catch {
      return next()
    }
    const file = normalize(join(base, path))
    const inside = file.startsWith(base) && !file.includes('\0')
    const found = inside ? await regularFile(file) : false
    const target = found ? file : join(base, 'index.html')
    if (!found && extname(path) !== '' && path !== '/') return next()
    let body: Buffer
    try {
      body = await readFile(target)
    } catch {
      return c.text('The UI is not built: run `npm run build`.', 503)
    }
    const hashed = /\/assets\//.test(target)
    return c.body(new Uint8Array(body), 200, {
      'Content-Type': TYPES[extname(target)] ?? 'application/octet-stream',
      'Cache-Control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
    })
  }
}

async function regularFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile()
  } catch {
    return false
  }
}
