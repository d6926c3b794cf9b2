import type { Readable } from 'node:stream'
import { AppError } from '../errors.js'
import type { RawInput } from './raw-input.js'

/** Reads a stream (stdin) to the end, failing as soon as it passes `maxBytes`. */
export async function readStdinInput(stream: Readable, maxBytes: number): Promise<RawInput> {
  const chunks: Uint8Array[] = []
  let size = 0
  for await (const chunk of stream) {
    const bytes: Uint8Array =
      typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : (chunk as Uint8Array)
    size += bytes.byteLength
    if (size > maxBytes) {
      stream.destroy()
      throw new AppError('INPUT_TOO_LARGE', `stdin is over the cap of ${maxBytes} bytes`, {
        subject: 'stdin',
        details: { maxBytes },
      })
    }
    chunks.push(bytes)
  }
  return { bytes: Buffer.concat(chunks), mediaType: null, source: 'stdin' }
}
