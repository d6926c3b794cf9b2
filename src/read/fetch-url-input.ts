import { Agent, fetch, type Response } from 'undici'
import { AppError, isAppError } from '../errors.js'
import { assertPublicHost } from './assert-public-host.js'
import { publicOnlyLookup } from './public-only-lookup.js'
import type { RawInput } from './raw-input.js'
import type { ResolvedReadOptions } from './read-options.js'

/** At most this many redirects are followed; one more is an error. */
export const MAX_REDIRECTS = 5

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308])

/**
 * Fetches an http(s) URL. Redirects are followed by hand (at most `MAX_REDIRECTS`) so that every
 * hop's host is checked again; the timeout covers the whole exchange, body included; the size cap
 * is enforced while the body streams in, so an endless body never fills memory.
 */
export async function fetchUrlInput(url: string, options: ResolvedReadOptions): Promise<RawInput> {
  let current = parseHttpUrl(url, url)
  const signal = AbortSignal.timeout(options.timeoutMs)
  // undici's own fetch, so the connection can use a lookup that refuses private addresses.
  const dispatcher = new Agent(
    options.allowPrivate ? {} : { connect: { lookup: publicOnlyLookup } },
  )
  try {
    for (let redirects = 0; ; redirects++) {
      if (!options.allowPrivate) await abortable(assertPublicHost(current), signal)
      const response = await fetch(current, {
        redirect: 'manual',
        signal,
        dispatcher,
        headers: {
          'user-agent': options.userAgent,
          accept:
            'text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, application/json, text/*;q=0.9, */*;q=0.5',
        },
      })
      const location = response.headers.get('location')
      if (REDIRECT_STATUSES.has(response.status) && location !== null) {
        await response.body?.cancel()
        if (redirects >= MAX_REDIRECTS) {
          throw new AppError('URL_TOO_MANY_REDIRECTS', `more than ${MAX_REDIRECTS} redirects`, {
            subject: url,
            details: { maxRedirects: MAX_REDIRECTS },
          })
        }
        current = parseHttpUrl(new URL(location, current).href, url)
        continue
      }
      if (response.status < 200 || response.status > 299) {
        await response.body?.cancel()
        throw new AppError('URL_HTTP_STATUS', `answered HTTP ${response.status}`, {
          subject: url,
          details: { status: response.status, url: current.href },
        })
      }
      const bytes = await readCappedBody(response, options.maxBytes, url)
      return {
        bytes,
        mediaType: response.headers.get('content-type'),
        source: url,
        fetchedUrl: current.href,
      }
    }
  } catch (error) {
    if (error instanceof AppError) throw error
    // A refusal from the connection-time lookup arrives wrapped in undici's "fetch failed".
    const cause = error instanceof Error ? error.cause : undefined
    if (isAppError(cause))
      throw new AppError(cause.code, cause.message, {
        subject: url,
        cause,
        ...(cause.details === undefined ? {} : { details: cause.details }),
      })
    if (signal.aborted) {
      throw new AppError('URL_TIMEOUT', `no complete answer within ${options.timeoutMs} ms`, {
        subject: url,
        cause: error,
        details: { timeoutMs: options.timeoutMs },
      })
    }
    const reason =
      error instanceof Error
        ? error.cause instanceof Error
          ? error.cause.message
          : error.message
        : String(error)
    throw new AppError('URL_UNREACHABLE', `fetch failed (${reason})`, {
      subject: url,
      cause: error,
    })
  } finally {
    // One agent per fetch: nothing is pooled across inputs, nothing lingers after an error.
    void dispatcher.destroy()
  }
}

/** A promise that rejects when the signal aborts: a slow DNS lookup counts against the timeout. */
function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason)
    if (signal.aborted) onAbort()
    signal.addEventListener('abort', onAbort, { once: true })
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort))
  })
}

function parseHttpUrl(href: string, subject: string): URL {
  let parsed: URL
  try {
    parsed = new URL(href)
  } catch (cause) {
    throw new AppError('URL_INVALID', `not a valid URL: ${href}`, { subject, cause })
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new AppError(
      'URL_INVALID',
      `only http and https URLs can be fetched, not ${parsed.protocol}`,
      { subject },
    )
  }
  return parsed
}

async function readCappedBody(
  response: Response,
  maxBytes: number,
  subject: string,
): Promise<Uint8Array> {
  const tooLarge = (): AppError =>
    new AppError('INPUT_TOO_LARGE', `response is over the cap of ${maxBytes} bytes`, {
      subject,
      details: { maxBytes },
    })
  const declared = Number(response.headers.get('content-length') ?? Number.NaN)
  if (declared > maxBytes) {
    await response.body?.cancel()
    throw tooLarge()
  }
  if (response.body === null) return new Uint8Array(0)
  const reader = response.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > maxBytes) {
      await reader.cancel()
      throw tooLarge()
    }
    chunks.push(value)
  }
  return Buffer.concat(chunks)
}
