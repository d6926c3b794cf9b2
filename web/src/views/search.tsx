import { api } from '../api.js'
import { href } from '../router.js'
import { useLoad } from '../use-load.js'
import { ClaimTable } from './claims.js'
import { Loaded, Marked } from './common.js'

export function SearchView({ q }: { q: string }) {
  const load = useLoad(() => (q === '' ? Promise.resolve(null) : api.search(q)), [q])
  const submit = (event: Event) => {
    event.preventDefault()
    const form = new FormData(event.currentTarget as HTMLFormElement)
    location.hash = href.search(String(form.get('q') ?? '').trim())
  }
  return (
    <section>
      <h1>Search</h1>
      <form class="filters" onSubmit={submit} key={q}>
        <input
          name="q"
          type="search"
          defaultValue={q}
          placeholder='words, "a phrase", -not'
          size={40}
        />
        <button type="submit">Search</button>
      </form>
      <Loaded load={load}>
        {(results) =>
          results === null ? null : (
            <div data-testid="search-results">
              <h2>Entities ({results.entities.length})</h2>
              <ul class="inline">
                {results.entities.map((e) => (
                  <li key={e.key}>
                    <a href={href.entity(e.key)}>{e.name}</a>{' '}
                    <span class="muted">
                      {e.type} · {e.documents} docs
                    </span>
                  </li>
                ))}
              </ul>
              <h2>Documents ({results.documents.length})</h2>
              <ul class="hits">
                {results.documents.map((d) => (
                  <li key={d.id}>
                    <a href={href.doc(d.id)}>{d.title ?? d.source}</a>
                    <p class="snippet">
                      <Marked text={d.snippet} />
                    </p>
                  </li>
                ))}
              </ul>
              <h2>Claims ({results.claims.length})</h2>
              <ClaimTable claims={results.claims} />
            </div>
          )
        }
      </Loaded>
    </section>
  )
}
