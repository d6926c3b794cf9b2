import type { Readable } from 'node:stream'

/** How inputs are read. Every field has a default (see `DEFAULT_READ_OPTIONS`). */
export interface ReadOptions {
  /** Size cap per input in bytes (files are checked before reading, URLs while streaming). */
  readonly maxBytes?: number
  /** Timeout per URL fetch in milliseconds, redirects and body included. */
  readonly timeoutMs?: number
  /** Allow URLs that resolve to loopback, private, link-local or other non-public addresses. */
  readonly allowPrivate?: boolean
  /** `User-Agent` header sent with URL fetches. */
  readonly userAgent?: string
  /** The stream read for the input `-` (defaults to `process.stdin`; tests pass their own). */
  readonly stdin?: Readable
}

export type ResolvedReadOptions = Required<Omit<ReadOptions, 'stdin'>> & Pick<ReadOptions, 'stdin'>

export const DEFAULT_READ_OPTIONS = {
  maxBytes: 20 * 1024 * 1024,
  timeoutMs: 15_000,
  allowPrivate: false,
  userAgent: 'claimgraph/0.1 (+https://github.com/claimgraph)',
} as const

/** Options with defaults filled in. */
export function resolveReadOptions(options: ReadOptions = {}): ResolvedReadOptions {
  return {
    maxBytes: options.maxBytes ?? DEFAULT_READ_OPTIONS.maxBytes,
    timeoutMs: options.timeoutMs ?? DEFAULT_READ_OPTIONS.timeoutMs,
    allowPrivate: options.allowPrivate ?? DEFAULT_READ_OPTIONS.allowPrivate,
    userAgent: options.userAgent ?? DEFAULT_READ_OPTIONS.userAgent,
    ...(options.stdin === undefined ? {} : { stdin: options.stdin }),
  }
}
