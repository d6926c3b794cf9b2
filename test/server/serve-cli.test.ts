/**
 * `claimgraph serve` as a user starts it: the built binary on 127.0.0.1, port 0, an in-memory
 * store; it serves the API and the built UI, and stops on SIGTERM. Needs `npm run build` first.
 */
import { spawn } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { BIN, REPO_ROOT } from '../support/run-cli.js'

describe('claimgraph serve', () => {
  it('serves the API and the UI with security headers, and stops on SIGTERM', async () => {
    const child = spawn(process.execPath, [BIN, 'serve', '--db', 'memory://', '--port', '0'], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'ignore', 'pipe'],
    })
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let stderr = ''
        child.stderr.on('data', (chunk: Buffer) => {
          stderr += chunk.toString()
          const match = /at (http:\/\/127\.0\.0\.1:\d+)\//.exec(stderr)
          if (match?.[1] !== undefined) resolve(match[1])
        })
        child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${stderr}`)))
      })
      const stories = await fetch(`${url}/api/stories`)
      expect(stories.status).toBe(200)
      expect(await stories.json()).toEqual({ stories: [] })
      const page = await fetch(`${url}/story/anything`)
      expect(page.status).toBe(200)
      expect(page.headers.get('Content-Security-Policy')).toMatch(/script-src 'self'/)
      expect(await page.text()).toMatch(/<script type="module"[^>]* src="\/assets\//)
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve))
      child.kill('SIGTERM')
      expect(await exited).toBe(0)
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL')
    }
  })

  it('refuses to bind a non-loopback address without a token', async () => {
    const child = spawn(
      process.execPath,
      [BIN, 'serve', '--db', 'memory://', '--host', '0.0.0.0'],
      {
        cwd: REPO_ROOT,
        stdio: ['ignore', 'ignore', 'pipe'],
        env: { ...process.env, CLAIMGRAPH_TOKEN: '' },
      },
    )
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve))
    expect(code).toBe(2)
    expect(stderr).toMatch(/without a token/)
  })
})
