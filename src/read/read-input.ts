import { readFileInput } from './read-file-input.js'
import { fetchUrlInput } from './fetch-url-input.js'
import type { InputRef } from './input-ref.js'
import type { RawInput } from './raw-input.js'
import { readStdinInput } from './read-stdin-input.js'
import { resolveReadOptions, type ReadOptions } from './read-options.js'

/** Reads one concrete input (file, URL or stdin) into bytes. Throws `AppError` on failure. */
export async function readInput(ref: InputRef, options: ReadOptions = {}): Promise<RawInput> {
  const resolved = resolveReadOptions(options)
  switch (ref.type) {
    case 'file':
      return readFileInput(ref.path, resolved.maxBytes)
    case 'url':
      return fetchUrlInput(ref.url, resolved)
    case 'stdin':
      return readStdinInput(resolved.stdin ?? process.stdin, resolved.maxBytes)
  }
}
