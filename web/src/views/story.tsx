import type { ComponentChildren } from 'preact'
import { api, type BriefStory, type Citation } from '../api.js'
import { href } from '../router.js'
import { useLoad } from '../use-load.js'
import { Badge, Cite, Loaded, shortDate } from './common.js'

type Refs = ReadonlyMap<string, { id: string; n: number }>

export function StoryView({ id }: { id: string }) {
  const load = useLoad(() => api.story(id), [id])
  return (
    <Loaded load={load}>
      {(brief) => {
        const story = brief.stories[0]
        if (story === undefined) return <p class="error">No such story.</p>
        const cut = Object.keys(brief.truncated ?? {}).length
        return (
          <>
            {cut > 0 && (
              <p class="notes" role="note">
                This story is large: {cut} lists are cut to their first items (documents, claims,
                reports). Use the claims explorer and search to see the rest.
              </p>
            )}
            <Story story={story} />
          </>
        )
      }}
    </Loaded>
  )
}

function Story({ story }: { story: BriefStory }) {
  const refs: Refs = new Map(story.documents.map((d, i) => [d.ref, { id: d.id, n: i + 1 }]))
  const cite = (c: Citation) => {
    const ref = refs.get(c.document)
    return ref === undefined ? null : (
      <Cite documentId={ref.id} label={`D${ref.n}`} sentence={c.sentence} section={c.section} />
    )
  }
  const named = story.speakers.filter((s) => s.kind === 'entity' || s.kind === 'description')
  const commentOnly = story.speakers.filter((s) => s.onlyInComments)
  const others = story.speakers.filter(
    (s) => !s.onlyInComments && s.kind !== 'entity' && s.kind !== 'description',
  )
  return (
    <article class="story">
      <h1>{story.title}</h1>
      <p class="muted">
        {shortDate(story.firstPublishedAt)} to {shortDate(story.lastPublishedAt)} ·{' '}
        {story.documents.length} documents
        {story.linkedBy.length > 0 ? ` · linked by ${story.linkedBy.slice(0, 5).join(', ')}` : ''}
      </p>
      {story.notes.length > 0 && (
        <ul class="notes">
          {story.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}

      <h2>Figures</h2>
      <div class="figures" data-testid="figures">
        {story.figures.map((measure) => (
          <div class={`measure measure-${measure.agreement}`} key={measure.measure}>
            <h3>
              {measure.measure}{' '}
              <Badge kind={measure.agreement}>{measure.agreement.replace('_', ' ')}</Badge>
              <span class="muted">
                {' '}
                {measure.documents} documents
                {measure.latest === null ? '' : ` · latest ${measure.latest}`}
              </span>
            </h3>
            <ul>
              {measure.reports.map((report, i) => (
                <li key={i}>
                  <strong>{report.text}</strong> <span class="muted">({report.event})</span>{' '}
                  {cite(report.cite)}
                </li>
              ))}
            </ul>
          </div>
        ))}
        {story.figures.length === 0 && <p class="muted">No figures.</p>}
      </div>

      <h2>Responsibility</h2>
      <Responsibility story={story} />

      <h2>Timeline</h2>
      <Timeline story={story} cite={cite} />

      <h2>Events</h2>
      <ul class="events">
        {story.events.map((event, i) => (
          <li key={i}>
            <strong>{event.type}</strong> “{event.trigger}”
            {event.date === null ? '' : ` · ${event.date}`}
            {event.place === null ? '' : ` · ${event.place}`}
            {event.agents.length > 0 ? ` · by ${event.agents.join(', ')}` : ''} {cite(event.cite)}
          </li>
        ))}
      </ul>

      <h2>Claims by speaker</h2>
      {named.map((speaker) => (
        <Speaker key={speaker.key} speaker={speaker} cite={cite} />
      ))}
      {others.length > 0 && (
        <details>
          <summary>Unattributed and the sources' own voice ({others.length})</summary>
          {others.map((speaker) => (
            <Speaker key={speaker.key} speaker={speaker} cite={cite} />
          ))}
        </details>
      )}

      <h2>Only in comments</h2>
      {commentOnly.length === 0 ? (
        <p class="muted">Nothing is said only by commenters.</p>
      ) : (
        commentOnly.map((speaker) => <Speaker key={speaker.key} speaker={speaker} cite={cite} />)
      )}

      <h2>Documents</h2>
      <table class="list">
        <tbody>
          {story.documents.map((doc, i) => (
            <tr key={doc.id}>
              <td>D{i + 1}</td>
              <td>
                <a href={href.doc(doc.id)}>{doc.title ?? doc.source}</a>
              </td>
              <td>{doc.site ?? doc.author ?? ''}</td>
              <td>{doc.kind}</td>
              <td>{shortDate(doc.publishedAt)}</td>
              <td class="muted">
                {doc.counts.claims} claims · {doc.counts.figures} figures
                {doc.counts.comments > 0 ? ` · ${doc.counts.comments} comments` : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </article>
  )
}

function Speaker({
  speaker,
  cite,
}: {
  speaker: BriefStory['speakers'][number]
  cite: (c: Citation) => ComponentChildren
}) {
  return (
    <div class="speaker">
      <h3>
        {speaker.kind === 'entity' ? (
          <a href={href.claims({ speaker: speaker.name })}>{speaker.name}</a>
        ) : (
          speaker.name
        )}{' '}
        <span class="muted">
          {speaker.entityType ?? speaker.kind} · {speaker.documents} docs
        </span>
      </h3>
      <ul>
        {speaker.claims.map((claim, i) => (
          <li key={i}>
            <Badge kind={claim.stance}>{claim.stance.replace('_', ' ')}</Badge>
            {claim.targets.length > 0 ? ` → ${claim.targets.join(', ')}` : ''}: “{claim.content}”
            {claim.hedged ? <span class="muted"> (hedged)</span> : null} {cite(claim.cite)}
          </li>
        ))}
      </ul>
    </div>
  )
}

/** Actor ↔ accused by / denied by / claimed by, from the claims of the brief. */
function Responsibility({ story }: { story: BriefStory }) {
  const board = new Map<
    string,
    { accusedBy: Set<string>; deniedBy: Set<string>; claimedBy: Set<string> }
  >()
  const row = (actor: string) => {
    let r = board.get(actor)
    if (r === undefined) {
      r = { accusedBy: new Set(), deniedBy: new Set(), claimedBy: new Set() }
      board.set(actor, r)
    }
    return r
  }
  for (const speaker of story.speakers)
    for (const claim of speaker.claims) {
      if (claim.stance === 'accuse')
        for (const t of claim.targets) row(t).accusedBy.add(speaker.name)
      else if (claim.stance === 'deny')
        for (const t of claim.targets) row(t).deniedBy.add(speaker.name)
      else if (claim.stance === 'claim_responsibility')
        row(speaker.name).claimedBy.add(speaker.name)
    }
  if (board.size === 0)
    return <p class="muted">No accusations, denials or claims of responsibility.</p>
  return (
    <table class="list" data-testid="responsibility">
      <thead>
        <tr>
          <th>Actor</th>
          <th>Accused by</th>
          <th>Denied by</th>
          <th>Claimed by</th>
        </tr>
      </thead>
      <tbody>
        {[...board].map(([actor, r]) => (
          <tr key={actor}>
            <td>
              <a href={href.claims({ target: actor })}>{actor}</a>
            </td>
            <td>{[...r.accusedBy].join(', ')}</td>
            <td>{[...r.deniedBy].join(', ')}</td>
            <td>{[...r.claimedBy].join(', ')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/** Documents in publication order, each with the figures it reports: how the numbers moved. */
function Timeline({
  story,
  cite,
}: {
  story: BriefStory
  cite: (c: Citation) => ComponentChildren
}) {
  const byDocument = new Map<string, { measure: string; text: string; c: Citation }[]>()
  for (const measure of story.figures)
    for (const report of measure.reports) {
      const list = byDocument.get(report.cite.document) ?? []
      list.push({ measure: measure.measure, text: report.text, c: report.cite })
      byDocument.set(report.cite.document, list)
    }
  return (
    <ol class="timeline" data-testid="timeline">
      {story.documents.map((doc, i) => (
        <li key={doc.id}>
          <span class="muted">{shortDate(doc.publishedAt)}</span> D{i + 1}{' '}
          <a href={href.doc(doc.id)}>{doc.title ?? doc.site ?? doc.source}</a>
          {(byDocument.get(doc.ref) ?? []).map((f, j) => (
            <span key={j} class="timeline-figure">
              {' '}
              · {f.measure}: {f.text} {cite(f.c)}
            </span>
          ))}
        </li>
      ))}
    </ol>
  )
}
