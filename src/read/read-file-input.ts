import { readFile, stat } from 'node:fs/promises'
import { AppError } from '../errors.js'
import { mediaTypeForPath } from './media-type-for-path.js'
import type { RawInput } from './raw-input.js'

/** Reads one file, refusing files over `maxBytes` before reading them. */
export async function readFileInput(path: string, maxBytes: number): Promise<RawInput> {
  const info = await stat(path).catch((cause: unknown) => {
    throw fileError(path, cause)
  })
  if (!info.isFile()) {
    throw new AppError('INPUT_UNREADABLE', 'not a regular file', { subject: path })
  }
  if (info.size > maxBytes) {
    throw new AppError(
      'INPUT_TOO_LARGE',
      `file is ${info.size} bytes, over the cap of ${maxBytes}`,
      {
        subject: path,
        details: { size: info.size, maxBytes },
      },
    )
  }
  const buffer = await readFile(path).catch((cause: unknown) => {
    throw fileError(path, cause)
  })
  return {
    bytes: new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength),
    mediaType: mediaTypeForPath(path),
    source: path,
  }
}

function fileError(path: string, cause: unknown): AppError {
  const code = (cause as NodeJS.ErrnoException | null)?.code
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    return new AppError('INPUT_NOT_FOUND', 'no such file', { subject: path, cause })
  }
  const reason = cause instanceof Error ? cause.message : String(cause)
  return new AppError('INPUT_UNREADABLE', `cannot read file (${reason})`, { subject: path, cause })
}
