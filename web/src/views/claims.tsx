import type { ClaimRow } from '../api.js'
import { api } from '../api.js'
import { href } from '../router.js'
import { useLoad } from '../use-load.js'
import { Badge, Cite, Loaded } from './common.js'

const FIELDS = ['speaker', 'target', 'stance', 'document', 'section', 'hedged'] as const
const STANCES = [
  'assert',
  'accuse',
  'deny',
  'claim_responsibility',
  'question',
  'predict',
  'threaten',
]

export function ClaimsView({ query }: { query: URLSearchParams }) {
  const filter = Object.fromEntries(FIELDS.map((f) => [f, query.get(f) ?? ''])) as Record<
    (typeof FIELDS)[number],
    string
  >
  const key = FIELDS.map((f) => filter[f]).join('\u0001')
  const load = useLoad(() => api.claims(filter), [key])
  const submit = (event: Event) => {
    event.preventDefault()
    const form = new FormData(event.currentTarget as HTMLFormElement)
    const next: Record<string, string> = {}
    for (const f of FIELDS) {
      const value = String(form.get(f) ?? '').trim()
      if (value !== '') next[f] = value
    }
    location.hash = href.claims(next)
  }
  return (
    <section>
      <h1>Claims</h1>
      {/* Uncontrolled fields (remounted when the filters change): what the user types while the
          claims load is not reset by the render that shows them. */}
      <form class="filters" onSubmit={submit} key={key}>
        <label>
          Speaker <input name="speaker" defaultValue={filter.speaker} placeholder="name or key" />
        </label>
        <label>
          Target <input name="target" defaultValue={filter.target} placeholder="name or key" />
        </label>
        <label>
          Stance
          <select name="stance">
            <option value="">any</option>
            {STANCES.map((s) => (
              <option key={s} value={s} selected={filter.stance === s}>
                {s.replace('_', ' ')}
              </option>
            ))}
          </select>
        </label>
        <label>
          Document{' '}
          <input name="document" defaultValue={filter.document} placeholder="id prefix" size={10} />
        </label>
        <label>
          Section
          <select name="section">
            <option value="">any</option>
            {['body', 'comment', 'title'].map((v) => (
              <option key={v} value={v} selected={filter.section === v}>
                {v}
              </option>
            ))}
          </select>
        </label>
        <label>
          Hedged
          <select name="hedged">
            <option value="">any</option>
            <option value="true" selected={filter.hedged === 'true'}>
              hedged
            </option>
            <option value="false" selected={filter.hedged === 'false'}>
              not hedged
            </option>
          </select>
        </label>
        <button type="submit">Filter</button>
      </form>
      <Loaded load={load}>{({ claims }) => <ClaimTable claims={claims} />}</Loaded>
    </section>
  )
}

export function ClaimTable({ claims }: { claims: readonly ClaimRow[] }) {
  if (claims.length === 0) return <p class="muted">No claims.</p>
  return (
    <table class="list claims" data-testid="claims">
      <thead>
        <tr>
          <th>Speaker</th>
          <th>Stance</th>
          <th>Claim</th>
          <th>Targets</th>
          <th>Where</th>
        </tr>
      </thead>
      <tbody>
        {claims.map((c) => (
          <tr key={`${c.documentId}/${c.id}`} class="claim-row">
            <td class="speaker-cell">
              {c.speakerKey === null ? (
                (c.speakerText ?? <span class="muted">unattributed</span>)
              ) : (
                <a href={href.entity(c.speakerKey)}>{c.speakerName ?? c.speakerText}</a>
              )}
            </td>
            <td>
              <Badge kind={c.stance}>{c.stance.replace('_', ' ')}</Badge>
              {c.hedged ? <span class="muted"> hedged</span> : null}
            </td>
            <td>
              {c.cue === null ? '' : <span class="muted">{c.cue} </span>}“{c.content}”
            </td>
            <td>
              {c.targets.map((t, i) => (
                <span key={t.key + String(i)}>
                  {i > 0 ? ', ' : ''}
                  <a href={href.entity(t.key)}>{t.name}</a>
                </span>
              ))}
            </td>
            <td>
              <Cite
                documentId={c.documentId}
                label={c.documentTitle ?? c.documentId.slice(0, 8)}
                sentence={c.sentence}
                section={c.section}
              />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
