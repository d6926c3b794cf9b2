/**
 * The web UI as a person uses it: a real `claimgraph serve` server (PGlite in memory) on
 * 127.0.0.1, driven by Debian's chromium through playwright-core. Screenshots go to
 * docs/screenshots/.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
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
/** A local web server the URL ingest reads from: `/held.txt` waits until `release()`. */
let pages: { url: string; release: () => void; close: () => void }
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
  pages = await startPages()
  server = await startServer({ store, port: 0, webRoot: WEB_ROOT, allowPrivateUrls: true })
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
  pages?.release()
  pages?.close()
  await server?.close()
  await store?.close()
})

async function startPages(): Promise<typeof pages> {
  let release: () => void = () => undefined
  const held = new Promise<void>((resolve) => (release = resolve))
  const http = createServer((request, response) => {
    const send = (text: string): void => {
      response.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' })
      response.end(text)
    }
    if (request.url === '/harbour.txt')
      send('Harbour reopens\n\nThe harbour master said the pier would reopen on Monday.\n')
    else if (request.url === '/held.txt')
      void held.then(() =>
        send('Ferries resume\n\nA ferry captain said the crossing to Tarn was calm again.\n'),
      )
    else {
      response.writeHead(404)
      response.end()
    }
  })
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(http.address() as AddressInfo).port}`,
    release: () => release(),
    close: () => {
      http.closeAllConnections()
      http.close()
    },
  }
}

const go = (hash: string) => page.goto(`${server.url}/${hash}`)

/** What the ingest page showed while a job ran: the bar's done/total and the job state, in order. */
type Seen = { done: number; total: number; state: string }[]

/**
 * Records every state of the progress bar the page renders from now on (a MutationObserver in the
 * page), and returns a function that reads what was recorded.
 */
async function watchProgress(): Promise<() => Promise<Seen>> {
  await page.evaluate(() => {
    const seen: { done: number; total: number; state: string }[] = []
    const w = window as unknown as { __ingestSeen?: typeof seen }
    w.__ingestSeen = seen
    const record = (): void => {
      const bar = document.querySelector('.ingest-job progress')
      const job = document.querySelector('.ingest-job')
      if (bar === null || job === null) return
      const next = {
        done: Number(bar.getAttribute('data-done')),
        total: Number(bar.getAttribute('data-total')),
        state: job.getAttribute('data-state') ?? '',
      }
      const last = seen[seen.length - 1]
      if (last?.done !== next.done || last.total !== next.total || last.state !== next.state)
        seen.push(next)
    }
    new MutationObserver(record).observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
    })
  })
  return () =>
    page.evaluate(() => (window as unknown as { __ingestSeen?: Seen }).__ingestSeen ?? [])
}

/** The id of the job the ingest page shows, if any. */
const shownJob = async (): Promise<string | null> =>
  (await page.locator('.ingest-job').count()) === 0
    ? null
    : page.locator('.ingest-job').getAttribute('data-job')

/** Waits for the end state of a job other than `before` (the one shown before submitting). */
async function waitForNewResult(before: string | null): Promise<void> {
  await page.waitForFunction(
    (previous) => {
      const result = document.querySelector('[data-testid=ingest-result]')
      return result !== null && result.getAttribute('data-job') !== previous
    },
    before,
    { timeout: 120_000 },
  )
}

async function upload(files: Parameters<Page['setInputFiles']>[1]): Promise<Seen> {
  await go('#/ingest')
  await page.waitForSelector('[data-testid=upload-form]')
  const before = await shownJob()
  const seen = await watchProgress()
  await page.setInputFiles('[data-testid=upload-form] input[type=file]', files)
  await page.click('[data-testid=upload-form] button[type=submit]')
  await waitForNewResult(before)
  return seen()
}

/** The bar never goes back, starts at 0 of all inputs and ends done with all of them. */
function expectProgress(seen: Seen, total: number): void {
  expect(seen.length).toBeGreaterThanOrEqual(2)
  expect(seen[0]).toMatchObject({ done: 0, total })
  expect(['queued', 'running']).toContain(seen[0]?.state)
  expect(seen[seen.length - 1]).toEqual({ done: total, total, state: 'done' })
  for (let i = 1; i < seen.length; i++)
    expect(seen[i]?.done ?? 0).toBeGreaterThanOrEqual(seen[i - 1]?.done ?? 0)
}

describe('the analyst desk in chromium', () => {
  it('ingests the sample corpus through the upload form', async () => {
    const files = readdirSync(SAMPLE)
      .filter((f) => !f.startsWith('.'))
      .map((f) => join(SAMPLE, f))
    const seen = await upload(files)
    // The page showed the job from 0 of 9 inputs to 9 of 9, never going back, and inputs done
    // while others were still running (pushed by server-sent events as they happened).
    expectProgress(seen, files.length)
    expect(seen.some((s) => s.state === 'running' && s.done < s.total)).toBe(true)
    const summary = await page.textContent('[data-testid=ingest-result] .summary')
    expect(summary).toMatch(/\b(9|1\d) added · 0 updated · 0 unchanged · 0 failed/)
    expect(await page.textContent('[data-testid=ingest-result] [role=status]')).toMatch(
      /^Done: 9 inputs, (9|1\d) documents in /,
    )
    expect(await page.locator('.results li.failed').count()).toBe(0)
    expect(await page.locator('.results li.ok').count()).toBe(files.length)
    // When the job is done the page lists the stories again, the new one included.
    await page.waitForSelector('.after-ingest [data-testid=stories] a')
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
    // A filter in the address shows in its field.
    await go('#/claims?stance=accuse&speaker=Voskel')
    await page.waitForSelector('[data-testid=claims] .claim-row')
    expect(await page.inputValue('select[name=stance]')).toBe('accuse')
    expect(await page.inputValue('input[name=speaker]')).toBe('Voskel')
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

  it('shows an ingest of URLs as it goes: one input done while the next is still read', async () => {
    await go('#/ingest')
    await page.waitForSelector('[data-testid=url-form]')
    const before = await shownJob()
    const seen = await watchProgress()
    await page.fill(
      '[data-testid=url-form] textarea[name=urls]',
      `${pages.url}/harbour.txt\n${pages.url}/held.txt`,
    )
    await page.click('[data-testid=url-form] button[type=submit]')
    // The first URL is stored while the second is held by the test's server.
    const running = page.locator('[data-testid=ingest-progress]')
    await running.locator('progress[data-done="1"][data-total="2"]').waitFor({ timeout: 60_000 })
    expect(
      await running
        .locator('.results li')
        .evaluateAll((lis) => lis.map((li) => li.getAttribute('data-state'))),
    ).toEqual(['done', 'running'])
    expect(await running.locator('.results li').first().locator('a').textContent()).toBe(
      'Harbour reopens',
    )
    expect(await running.locator('[role=status]').textContent()).toMatch(
      /^Ingesting: 1 of 2 inputs done/,
    )
    expect(await page.locator('[data-testid=url-form] button[type=submit]').isDisabled()).toBe(true)
    await page.screenshot({ path: join(SCREENSHOTS, 'ingest-progress.png') })
    pages.release()
    await waitForNewResult(before)
    expectProgress(await seen(), 2)
    expect(await page.locator('[data-testid=ingest-result] .results li.ok').count()).toBe(2)
    await page.waitForSelector('.after-ingest [data-testid=stories] a')
    await page.screenshot({ path: join(SCREENSHOTS, 'ingest.png') })
  })

  it('shows the error line of a bad upload', async () => {
    await upload([
      {
        name: 'scan.bin',
        mimeType: 'application/octet-stream',
        buffer: Buffer.from([0, 159, 146, 150, 0, 0, 1, 2, 3, 0, 255, 254, 0, 0]),
      },
    ])
    const line = page.locator('[data-testid=ingest-result] .results li.failed .error-line')
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
