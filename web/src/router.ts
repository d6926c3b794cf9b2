// Hash routing: `#/story/<id>`, `#/doc/<id>?s=<n>`, `#/claims?speaker=…` and so on.
import { useEffect, useState } from 'preact/hooks'

export interface Route {
  readonly parts: readonly string[]
  readonly query: URLSearchParams
}

export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#\/?/, '')
  const [path = '', search = ''] = raw.split('?', 2)
  const parts = path
    .split('/')
    .filter((p) => p !== '')
    .map((p) => {
      try {
        return decodeURIComponent(p)
      } catch {
        return p
      }
    })
  return { parts, query: new URLSearchParams(search) }
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseHash(location.hash))
  useEffect(() => {
    const update = (): void => setRoute(parseHash(location.hash))
    addEventListener('hashchange', update)
    return () => removeEventListener('hashchange', update)
  }, [])
  return route
}

/** Links into the app; ids are always encoded. */
export const href = {
  stories: () => '#/',
  story: (id: string) => `#/story/${encodeURIComponent(id)}`,
  doc: (id: string, sentence?: number | null) =>
    `#/doc/${encodeURIComponent(id)}${sentence === undefined || sentence === null ? '' : `?s=${sentence}`}`,
  entity: (key: string) => `#/entity/${encodeURIComponent(key)}`,
  claims: (filter: Record<string, string> = {}) => {
    const search = new URLSearchParams(filter).toString()
    return `#/claims${search === '' ? '' : `?${search}`}`
  },
  search: (q = '') => `#/search${q === '' ? '' : `?q=${encodeURIComponent(q)}`}`,
  ingest: () => '#/ingest',
}
