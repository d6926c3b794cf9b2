import { api } from '../api.js'
import { href } from '../router.js'
import { useLoad } from '../use-load.js'
import { ClaimTable } from './claims.js'
import { Loaded, shortDate } from './common.js'

export function EntityView({ entityKey }: { entityKey: string }) {
  const load = useLoad(() => api.entity(entityKey), [entityKey])
  return (
    <Loaded load={load}>
      {(entity) => (
        <article>
          <h1>
            {entity.name} <span class="muted">{entity.type}</span>
          </h1>
          <p class="muted">
            key {entity.key} · {entity.mentions} mentions in {entity.documents.length} documents
          </p>
          <p>
            Names:{' '}
            {entity.names.map((n, i) => (
              <span key={n.name}>
                {i > 0 ? ', ' : ''}
                {n.name} <span class="muted">({n.documents})</span>
              </span>
            ))}
          </p>
          <h2>Documents</h2>
          <ul>
            {entity.documents.map((d) => (
              <li key={d.id}>
                <a href={href.doc(d.id, d.firstSentence)}>{d.title ?? d.id.slice(0, 8)}</a>{' '}
                <span class="muted">
                  {shortDate(d.publishedAt)} · {d.mentions} mentions
                </span>
              </li>
            ))}
          </ul>
          <h2>Claims by {entity.name}</h2>
          <ClaimTable claims={entity.claimsBy} />
          <h2>Claims about {entity.name}</h2>
          <ClaimTable claims={entity.claimsAbout} />
          <h2>Appears with</h2>
          <ul class="inline">
            {entity.cooccurring.map((o) => (
              <li key={o.key}>
                <a href={href.entity(o.key)}>{o.name}</a>{' '}
                <span class="muted">
                  {o.type} · {o.documents}
                </span>
              </li>
            ))}
          </ul>
        </article>
      )}
    </Loaded>
  )
}
