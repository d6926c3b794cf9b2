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
            <Story
              story={story}
              documents={brief.truncated?.['stories[0].documents'] ?? story.documents.length}
            />
          </>
        )
      }}
    </Loaded>
  )
}

/** `documents`: the story's document count (its list may be cut to the first ones). */
function Story({ story, documents }: { story: BriefStory; documents: number }) {
  const refs: Refs = new Map(story.documents.map((d, i) => [d.ref, { id: d.id, n: i + 1 }]))
  const cite = (c: Citation) => {
    const ref = refs.get(c.document)
    // A document past the cut list has no D-number or reader link here: its short id stands in.
    return ref === undefined ? (
      <span class="cite" title="a document beyond those listed">
        [{c.document}
        {c.sentence === null ? '' : ` s${c.sentence}`}]
      </span>
    ) : (
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
        {shortDate(story.firstPublishedAt)} to {shortDate(story.lastPublishedAt)} · {documents}{' '}
        documents
        {story.linkedBy.length > 0 ? ` · linked by ${story.linkedBy.slice(0, 5).join(', ')}` : ''}
      </p>
      {story.notes.length > 0 && (
        <ul class="notes">
          {story.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}

      <h2>Events</h2>
      <ul class="events" data-testid="events">
        {story.reconciledEvents.map((event) => (
          <li key={event.id}>
            <strong>{event.type}</strong>
            {event.date === null ? '' : ` · ${event.date}`}
            {event.place === null ? '' : ` · ${event.place}`}
            <span class="muted">
              {' '}
              · {documentsText(event.documents)} · {sourcesText(event.independentSources)}
            </span>{' '}
            <Cites cites={event.cites} cite={cite} />
          </li>
        ))}
        {story.reconciledEvents.length === 0 && <li class="muted">No events.</li>}
      </ul>

      <h2>Figures</h2>
      <Figures story={story} cite={cite} />

      <h2>Responsibility</h2>
      <Responsibility story={story} cite={cite} />

      <h2>What the sources establish</h2>
      <div class="findings">
        <Findings
          title="Corroborated by two or more independent sources"
          testId="corroborated"
          findings={story.corroborated}
          cite={cite}
        />
        <Findings
          title="Resting on one source"
          testId="single-source"
          findings={story.singleSource}
          cite={cite}
        />
        <section data-testid="unattributed">
          <h3>
            Unattributed allegations <span class="muted">({story.unattributed.length})</span>
          </h3>
          {story.unattributed.length === 0 ? (
            <p class="muted">None.</p>
          ) : (
            <ul>
              {story.unattributed.map((claim, i) => (
                <li key={i}>
                  “{claim.content}”{claim.hedged ? <span class="muted"> (hedged)</span> : null}{' '}
                  {cite(claim.cite)}
                </li>
              ))}
            </ul>
          )}
        </section>
        <Findings
          title="Only in comment sections"
          testId="comment-only"
          findings={story.commentOnly}
          cite={cite}
        />
      </div>

      <h2>Sources and copies</h2>
      <Sources story={story} refs={refs} />

      <h2>Timeline</h2>
      <ol class="timeline" data-testid="event-timeline">
        {story.timeline.map((entry, i) => (
          <li key={i}>
            <span class="muted">{entry.date ?? 'undated'}</span>
            {entry.daysAfterFirst !== null && entry.daysAfterFirst > 0
              ? ` (${entry.daysAfterFirst} days later)`
              : ''}{' '}
            <strong>{entry.type}</strong>
            {entry.place === null ? '' : ` at ${entry.place}`}{' '}
            <Cites cites={entry.cites} cite={cite} />
          </li>
        ))}
      </ol>

      <h2>Reports over time</h2>
      <Timeline story={story} cite={cite} />

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

      {commentOnly.length > 0 && (
        <details>
          <summary>Commenters ({commentOnly.length})</summary>
          {commentOnly.map((speaker) => (
            <Speaker key={speaker.key} speaker={speaker} cite={cite} />
          ))}
        </details>
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
            {claim.targets.length > 0 ? ` → ${claim.targets.join(', ')}` : ''}:{' '}
            {claim.cue === null ? '' : <span class="muted">{claim.cue} </span>}“{claim.content}”
            {claim.hedged ? <span class="muted"> (hedged)</span> : null} {cite(claim.cite)}
          </li>
        ))}
      </ul>
    </div>
  )
}

type CiteFn = (c: Citation) => ComponentChildren

/** Citations shown on one line before "+N". */
const MAX_CITES = 6

function Cites({
  cites,
  cite,
  max = MAX_CITES,
}: {
  cites: readonly Citation[]
  cite: CiteFn
  max?: number
}) {
  return (
    <>
      {cites.slice(0, max).map((c, i) => (
        <span key={i}>{cite(c)} </span>
      ))}
      {cites.length > max ? (
        <span class="muted" title={`${cites.length} citations in all`}>
          +{cites.length - max}
        </span>
      ) : null}
    </>
  )
}

function sourcesText(n: number): string {
  return n === 1 ? '1 independent source' : `${n} independent sources`
}

function documentsText(n: number): string {
  return n === 1 ? '1 document' : `${n} documents`
}

/** Figures per event and measure as reconciled: status, each value with its sources and cites. */
function Figures({ story, cite }: { story: BriefStory; cite: CiteFn }) {
  const events = new Map(story.reconciledEvents.map((e) => [e.id, e]))
  if (story.reconciledFigures.length === 0) return <p class="muted">No figures.</p>
  return (
    <div class="figures" data-testid="figures">
      {story.reconciledFigures.map((m) => {
        const event = events.get(m.event)
        return (
          <div class={`measure measure-${m.status}`} key={`${m.event}:${m.measure}`}>
            <h3>
              {m.measure} <Badge kind={m.status}>{m.status.replace('_', ' ')}</Badge>
              <span class="muted">
                {' '}
                {event?.type ?? m.event} · {sourcesText(m.independentSources)}
                {m.current === null
                  ? ''
                  : ` · ${m.status === 'updated' ? 'latest' : 'best'} ${m.current}`}
              </span>
            </h3>
            <ul>
              {m.values.map((v, i) => {
                const against = m.conflicts
                  .filter((c) => c.kind === 'contradiction' && (c.a === i || c.b === i))
                  .flatMap((c) => m.values[c.a === i ? c.b : c.a]?.label ?? [])
                const updates = m.conflicts
                  .filter((c) => c.kind === 'update' && c.b === i)
                  .flatMap((c) => m.values[c.a]?.label ?? [])
                return (
                  <li key={i} class="figure-value">
                    <strong>{v.label}</strong>{' '}
                    <span class="muted">
                      {sourcesText(v.independentSources)}
                      {v.asOf === undefined ? '' : ` · as of ${v.asOf}`}
                    </span>
                    {updates.length > 0 && (
                      <span class="note"> · later report, updates {updates.join(', ')}</span>
                    )}
                    {against.length > 0 && (
                      <span class="note conflict"> · contradicts {against.join(', ')}</span>
                    )}{' '}
                    <Cites cites={v.cites} cite={cite} />
                  </li>
                )
              })}
            </ul>
          </div>
        )
      })}
    </div>
  )
}

type Attributions = BriefStory['responsibility'][number]['actors'][number]['accusedBy']

/** Per attack-like event: who claims it, who accuses whom, who denies (the brief's own board). */
function Responsibility({ story, cite }: { story: BriefStory; cite: CiteFn }) {
  const boards = story.responsibility.filter((r) => r.actors.length > 0)
  if (boards.length === 0)
    return <p class="muted">No accusations, denials or claims of responsibility.</p>
  const events = new Map(story.reconciledEvents.map((e) => [e.id, e]))
  const who = (list: Attributions) =>
    list.map((a, i) => (
      <div key={i}>
        {a.speaker}
        <span class="muted">
          {' '}
          ({sourcesText(a.independentSources)}
          {a.withoutEvidence ? ', no evidence cited' : ''})
        </span>{' '}
        <Cites cites={a.cites} cite={cite} max={3} />
      </div>
    ))
  return (
    <>
      {boards.map((board) => {
        const event = events.get(board.event)
        return (
          <section key={board.event}>
            <h3>
              {event === undefined
                ? board.event
                : `${event.type}${event.place === null ? '' : ` at ${event.place}`}`}{' '}
              <Badge kind={board.status === 'contested' ? 'conflicting' : board.status}>
                {board.status}
              </Badge>
            </h3>
            <table class="list" data-testid="responsibility">
              <thead>
                <tr>
                  <th>Actor</th>
                  <th>Claimed by</th>
                  <th>Accused by</th>
                  <th>Denied by</th>
                </tr>
              </thead>
              <tbody>
                {board.actors.map((actor) => (
                  <tr key={actor.actor}>
                    <td>
                      <a href={href.claims({ target: actor.actor })}>{actor.actor}</a>
                    </td>
                    <td>{who(actor.claimedBy)}</td>
                    <td>{who(actor.accusedBy)}</td>
                    <td>{who(actor.deniedBy)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        )
      })}
    </>
  )
}

function Findings({
  title,
  testId,
  findings,
  cite,
}: {
  title: string
  testId: string
  findings: BriefStory['corroborated']
  cite: CiteFn
}) {
  return (
    <section data-testid={testId}>
      <h3>
        {title} <span class="muted">({findings.length})</span>
      </h3>
      {findings.length === 0 ? (
        <p class="muted">None.</p>
      ) : (
        <ul>
          {findings.map((f, i) => (
            <li key={i}>
              {f.text}{' '}
              <span class="muted">
                ({documentsText(f.documents)}, {sourcesText(f.independentSources)})
              </span>{' '}
              <Cites cites={f.cites} cite={cite} />
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

/** Independent sources of several documents, and the copies MinHash found. */
function Sources({ story, refs }: { story: BriefStory; refs: Refs }) {
  const link = (ref: string) => {
    const doc = refs.get(ref)
    return doc === undefined ? ref : <a href={href.doc(doc.id)}>D{doc.n}</a>
  }
  const copies = story.duplicates.filter((d) => d.kind === 'copy')
  if (story.sources.length === 0 && copies.length === 0)
    return <p class="muted">Every document is an independent source.</p>
  return (
    <ul data-testid="sources">
      {copies.map((d, i) => (
        <li key={`c${i}`}>
          {link(d.copy)} copies {link(d.original)}{' '}
          <span class="muted">({Math.round(d.containment * 100)}% of the smaller text)</span>
        </li>
      ))}
      {story.sources.map((source) => (
        <li key={source.earliest}>
          One source: {link(source.earliest)} (earliest known)
          {source.members
            .filter((m) => m.document !== source.earliest)
            .map((m) => (
              <span key={m.document}>
                , {link(m.document)}
                {m.reason === undefined ? '' : ` (${m.reason})`}
              </span>
            ))}
        </li>
      ))}
    </ul>
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
