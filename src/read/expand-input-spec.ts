import { readdir, stat } from 'node:fs/promises'
import { isAbsolute, join } from 'node:path'
import { glob, isDynamicPattern } from 'tinyglobby'
import { AppError } from '../errors.js'
import type { InputRef } from './input-ref.js'
import { isDocumentPath } from './is-document-path.js'

const URL_SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i

/**
 * The concrete inputs one spec stands for: `-` is stdin, `http(s)://…` a URL, a directory every
 * document file under it (recursively, hidden entries skipped), a glob its matching files, and
 * anything else a file path. Throws `INPUT_NOT_FOUND` when nothing exists, `URL_INVALID` for
 * other URL schemes.
 */
export async function expandInputSpec(spec: string): Promise<InputRef[]> {
  if (spec === '-') return [{ type: 'stdin' }]
  if (URL_SCHEME.test(spec)) {
    if (!/^https?:\/\//i.test(spec)) {
      throw new AppError('URL_INVALID', 'only http and https URLs can be fetched', {
        subject: spec,
      })
    }
    return [{ type: 'url', url: spec }]
  }
  const info = await stat(spec).catch(() => null)
  if (info?.isDirectory())
    return (await walkDirectory(spec)).map((path) => ({ type: 'file', path }))
  if (info !== null) return [{ type: 'file', path: spec }]
  if (isDynamicPattern(spec)) {
    // Paths come back as the user wrote the pattern: absolute for an absolute pattern.
    const paths = await glob(spec, {
      onlyFiles: true,
      dot: false,
      expandDirectories: false,
      absolute: isAbsolute(spec),
    })
    const documents = paths.filter(isDocumentPath).sort()
    if (documents.length > 0) return documents.map((path) => ({ type: 'file', path }))
    throw new AppError('INPUT_NOT_FOUND', 'no document matches this pattern', { subject: spec })
  }
  throw new AppError('INPUT_NOT_FOUND', 'no such file or directory', { subject: spec })
}

/** Document files under a directory, depth first, sorted by name for a stable order. */
async function walkDirectory(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true })
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  const found: string[] = []
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue
    const path = join(dir, entry.name)
    if (entry.isDirectory()) found.push(...(await walkDirectory(path)))
    else if (entry.isFile() && isDocumentPath(path)) found.push(path)
  }
  return found
}
