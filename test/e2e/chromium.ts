/**
 * Debian's chromium for the browser tests: installed with apt-get when /usr/bin/chromium is
 * missing (CI runs as root on a fresh machine), launched by playwright-core with a new empty
 * profile. Never `npx playwright install`.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type BrowserContext } from 'playwright-core'

export const CHROMIUM = '/usr/bin/chromium'

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/** Installs chromium with apt-get when it is missing; throws a clear error when it cannot. */
export function ensureChromium(): void {
  if (existsSync(CHROMIUM)) return
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
  try {
    execFileSync('apt-get', ['update', '-qq'], { env, stdio: ['ignore', 'ignore', 'pipe'] })
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
      timeout: 600_000,
    })
  } catch (error) {
    throw new Error(
      `The browser tests need Debian's chromium at ${CHROMIUM} and could not install it ` +
        `(run as root: apt-get update && apt-get install -y chromium): ${String(error)}`,
    )
  }
  if (!existsSync(CHROMIUM))
    throw new Error(`apt-get install chromium finished but ${CHROMIUM} is still missing`)
}

/** A headless chromium with a fresh profile; `close()` also removes the profile. */
export async function launchBrowser(): Promise<{
  context: BrowserContext
  close(): Promise<void>
}> {
  const profile = mkdtempSync(join(tmpdir(), 'claimgraph-chromium-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport: { width: 1280, height: 900 },
  })
  return {
    context,
    async close() {
      await context.close()
      rmSync(profile, { recursive: true, force: true })
    },
  }
}
