/**
 * The web UI as a person uses it: a real `claimgraph serve` server (PGlite in memory) on
 * 127.0.0.1, driven by Debian's chromium through playwright-core. Screenshots go to
 * docs/screenshots/.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer, type RunningServer } from '../../src/server/index.js'
import { openStore, type Store } from '../../src/store/index.js'
import { REPO_ROOT } from '../support/run-cli.js'
import { ensureChromium, launchBrowser } from './chromium.js'

const WEB_ROOT = join(REPO_ROOT, 'web/dist')
// Every run writes its screenshots to test-results/ (ignored); UPDATE_SCREENSHOTS=1 refreshes the
// committed ones in docs/screenshots/ (the README shows story.png).
const SCREENSHOTS = join(
  REPO_ROOT,
  process.env['UPDATE_SCREENSHOTS'] === '1' ? 'docs/screenshots' : 'test-results/screenshots',
)
const SAMPLE = join(REPO_ROOT, 'sample')

let store: Store
let server: RunningServer
let browser: Awaited<ReturnType<typeof launchBrowser>>
let page: Page
const dialogs: string[] = []
const pageErrors: string[] = []

beforeAll(async () => {
  ensureChromium()
  if (!existsSync(join(WEB_ROOT, 'index.html')))
    execFileSync(
      process.execPath,
      [join(REPO_ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'web/vite.config.ts'],
      {
        cwd: REPO_ROOT,
        stdio: 'ignore',
      },
    )
  mkdirSync(SCREENSHOTS, { recursive: true })
  store = await openStore('memory://')
  server = await startServer({ store, port: 0, webRoot: WEB_ROOT })
  browser = await launchBrowser()
  page = await browser.context.newPage()
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message())
    void dialog.dismiss()
  })
  page.on('pageerror', (error) => pageErrors.push(error.message))
}, 900_000)

afterAll(async () => {
  await browser?.close()
  await server?.close()
  await store?.close()
})

const go = (hash: string) => page.goto(`${server.url}/${hash}`)

async function upload(files: Parameters<Page['setInputFiles']>[1]): Promise<void> {
  await go('#/ingest')
  await page.setInputFiles('[data-testid=upload-form] input[type=file]', files)
  await page.click('[data-testid=upload-form] button[type=submit]')
  await page.waitForSelector('[data-testid=ingest-result]', { timeout: 120_000 })
}

describe('the analyst desk in chromium', () => {
  it('ingests the sample corpus through the upload form', async () => {
    const files = readdirSync(SAMPLE)
      .filter((f) => !f.startsWith('.'))
      .map((f) => join(SAMPLE, f))
    await upload(files)
    const summary = await page.textContent('[data-testid=ingest-result] .summary')
    expect(summary).toMatch(/\b(9|1\d) added · 0 updated · 0 unchanged · 0 failed/)
    expect(await page.locator('.results li.failed').count()).toBe(0)
  })

  it('opens the story and shows figures, responsibility and claims', async () => {
    await go('#/')
    await page.locator('[data-testid=stories] a').first().click()
    await page.waitForSelector('[data-testid=figures] .measure')
    expect(await page.locator('.measure-conflicting').count()).toBeGreaterThan(0)
    expect(await page.locator('[data-testid=responsibility] tbody tr').count()).toBeGreaterThan(0)
    await page.screenshot({ path: join(SCREENSHOTS, 'story.png'), fullPage: false })
  })

  it('clicks a conflicting figure citation and lands on the highlighted sentence', async () => {
    const cite = page.locator('.measure-conflicting .cite').nth(1)
    const target = new URL((await cite.getAttribute('href')) ?? '', server.url).hash
    const sentence = /[?&]s=(\d+)/.exec(target)?.[1]
    expect(sentence).toBeDefined()
    await cite.click()
    const highlighted = page.locator('.sent.target')
    await highlighted.waitFor()
    expect(await highlighted.getAttribute('id')).toBe(`s-${sentence}`)
    expect(await highlighted.count()).toBe(1)
    await expect.poll(() => highlighted.isVisible()).toBe(true)
    const inView = await highlighted.evaluate((el) => {
      const box = el.getBoundingClientRect()
      return box.top >= 0 && box.bottom <= window.innerHeight
    })
    expect(inView).toBe(true)
    await page.screenshot({ path: join(SCREENSHOTS, 'reader.png') })
  })

  it('filters claims by speaker', async () => {
    await go('#/claims')
    await page.fill('input[name=speaker]', 'Voskel')
    await page.click('.filters button[type=submit]')
    await page.waitForFunction(() => location.hash.includes('speaker=Voskel'))
    await page.waitForSelector('[data-testid=claims] .claim-row')
    const speakers = await page.locator('[data-testid=claims] .speaker-cell').allTextContents()
    expect(speakers.length).toBeGreaterThan(0)
    for (const speaker of speakers) expect(speaker).toMatch(/Voskel/)
    await page.screenshot({ path: join(SCREENSHOTS, 'claims.png') })
  })

  it('searches documents, claims and entities', async () => {
    await go('#/search')
    await page.fill('input[name=q]', 'Kaldria')
    await page.press('input[name=q]', 'Enter')
    await page.waitForSelector('[data-testid=search-results]')
    const text = (await page.textContent('[data-testid=search-results]')) ?? ''
    expect(text).toMatch(/Documents \([1-9]/)
    expect(text).toMatch(/Claims \([1-9]/)
    expect(
      await page.locator('[data-testid=search-results] a', { hasText: 'Kaldria' }).count(),
    ).toBeGreaterThan(0)
    await page.screenshot({ path: join(SCREENSHOTS, 'search.png') })
  })

  it('shows the error line of a bad upload', async () => {
    await upload([
      {
        name: 'scan.bin',
        mimeType: 'application/octet-stream',
        buffer: Buffer.from([0, 159, 146, 150, 0, 0, 1, 2, 3, 0, 255, 254, 0, 0]),
      },
    ])
    const line = page.locator('.results li.failed .error-line')
    await line.waitFor()
    expect(await line.textContent()).toMatch(/scan\.bin.*binary/)
  })

  it('renders hostile documents as text: no script, handler or javascript: link runs', async () => {
    const hostile = [
      '<p>Payload one <script>window.__xss = "script"; alert("script")</script></p>',
      '<img src="x" onerror="window.__xss = \'img\'; alert(\'img\')">',
      "<a href=\"javascript:window.__xss='link';alert('link')\">click me</a>",
      '<svg onload="window.__xss=\'svg\'"></svg> <iframe src="javascript:alert(1)"></iframe>',
    ].join('\n')
    const html = `<!doctype html><html><head><title>Hostile &lt;script&gt;window.__xss=1&lt;/script&gt; page</title></head><body><article><h1>Hostile page</h1><p>The mayor said the bridge <b onmouseover="window.__xss='b'">was safe</b>.</p>${hostile}<p>Officials said 3 people were hurt. <a href="javascript:window.__xss='a2'">more</a></p></article></body></html>`
    const text = `Hostile text\n\nThe council said <img src=x onerror="window.__xss='txt';alert('txt')"> nothing happened.\n\n<script>window.__xss='txt-script'</script> <a href="javascript:alert(2)">link</a> was posted by a user.\n`
    await upload([
      { name: 'hostile.html', mimeType: 'text/html', buffer: Buffer.from(html) },
      { name: 'hostile.txt', mimeType: 'text/plain', buffer: Buffer.from(text) },
    ])
    expect(await page.locator('.results li.failed').count()).toBe(0)
    const links = await page
      .locator('[data-testid=ingest-result] .results a')
      .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('href') ?? ''))
    expect(links).toHaveLength(2)
    for (const link of links) {
      await go(link)
      await page.waitForSelector('[data-testid=reader]')
      // Hover and click everything the reader shows.
      for (const anchor of await page.locator('[data-testid=reader] .sent').all()) {
        await anchor.hover()
      }
      for (const anchor of await page.locator('[data-testid=reader] a').all()) {
        await anchor.click({ trial: false }).catch(() => undefined)
        await page.goBack().catch(() => undefined)
      }
    }
    await go(links[1] ?? '')
    await page.waitForSelector('[data-testid=reader]')
    const shown = (await page.textContent('[data-testid=reader]')) ?? ''
    expect(shown).toContain('<img src=x onerror=')
    expect(shown).toContain('<script>')
    expect(
      await page
        .locator(
          '[data-testid=reader] img, [data-testid=reader] script, [data-testid=reader] iframe',
        )
        .count(),
    ).toBe(0)
    await page.screenshot({ path: join(SCREENSHOTS, 'xss.png') })
    expect(
      await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss),
    ).toBeUndefined()
    expect(dialogs).toEqual([])
    expect(pageErrors).toEqual([])
  })
})
