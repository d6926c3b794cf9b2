import { useEffect, useRef, useState } from 'preact/hooks'
import { api, type IngestJob } from '../api.js'
import { href } from '../router.js'
import { StoriesList } from './stories.js'

const TOKEN_KEY = 'claimgraph.token'
/** The job being followed, so that leaving the page and coming back picks it up again. */
const JOB_KEY = 'claimgraph.ingestJob'
const POLL_MS = 250

const ended = (job: IngestJob): boolean => job.state === 'done' || job.state === 'failed'

export function IngestView() {
  const [job, setJob] = useState<IngestJob | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  const [token, setToken] = useState(() => sessionStorage.getItem(TOKEN_KEY) ?? '')
  // Bumped when a job ends: the stories list below loads again.
  const [finished, setFinished] = useState(0)
  const following = useRef(0)
  const stopFollowing = useRef<() => void>(() => undefined)
  /** Cancels resuming the job of an earlier visit (once a new job starts). */
  const staleResume = useRef<() => void>(() => undefined)
  const [sending, setSending] = useState(false)
  const busy = sending || (job !== null && !ended(job))

  /**
   * Follows the job until it ends: server-sent events (`/api/ingest/:id/events`) push every change;
   * if they fail, the job is polled instead. A newer `follow` (or leaving the page) stops the older.
   */
  const follow = (first: IngestJob) => {
    stopFollowing.current()
    let live = true
    const ticket = ++following.current
    const current = () => live && following.current === ticket
    let source: EventSource | null = null
    stopFollowing.current = () => {
      live = false
      source?.close()
    }
    const finish = () => {
      sessionStorage.removeItem(JOB_KEY)
      setFinished((n) => n + 1)
    }
    setJob(first)
    if (ended(first)) return finish()
    sessionStorage.setItem(JOB_KEY, first.id)

    const poll = async (last: IngestJob): Promise<void> => {
      if (!current()) return
      if (ended(last)) return finish()
      await new Promise((resolve) => setTimeout(resolve, POLL_MS))
      if (!current()) return
      let next: IngestJob
      try {
        next = await api.ingestJob(last.id)
      } catch (error) {
        if (!current()) return
        sessionStorage.removeItem(JOB_KEY)
        setFailure(error instanceof Error ? error.message : String(error))
        return
      }
      if (!current()) return
      setJob(next)
      await poll(next)
    }

    if (typeof EventSource !== 'function') return void poll(first)
    let latest = first
    source = new EventSource(`/api/ingest/${encodeURIComponent(first.id)}/events`)
    const onJob = (event: MessageEvent<string>) => {
      if (!current()) return source?.close()
      latest = JSON.parse(event.data) as IngestJob
      setJob(latest)
      if (ended(latest)) {
        source?.close()
        finish()
      }
    }
    source.addEventListener('progress', onJob)
    source.addEventListener('end', onJob)
    source.onerror = () => {
      // Not `end`: the stream broke (or events are not served); poll from where it was.
      source?.close()
      if (current() && !ended(latest)) void poll(latest)
    }
  }

  useEffect(() => {
    // A job still running from before (the page was left or reloaded): follow it again, unless
    // the page was left meanwhile or the user started another job first.
    let stale = false
    const id = sessionStorage.getItem(JOB_KEY)
    if (id !== null)
      api.ingestJob(id).then(
        (found) => {
          if (stale) return
          if (ended(found)) sessionStorage.removeItem(JOB_KEY)
          else follow(found)
        },
        () => {
          if (!stale) sessionStorage.removeItem(JOB_KEY)
        },
      )
    staleResume.current = () => (stale = true)
    return () => {
      stale = true
      stopFollowing.current()
    }
  }, [])

  const run = async (body: FormData | object) => {
    staleResume.current()
    stopFollowing.current()
    setFailure(null)
    setJob(null)
    setSending(true)
    try {
      follow(await api.ingest(body, token))
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error))
    } finally {
      setSending(false)
    }
  }
  const onFiles = (event: Event) => {
    event.preventDefault()
    const input = (event.currentTarget as HTMLFormElement).elements.namedItem('files')
    const files = input instanceof HTMLInputElement ? input.files : null
    if (files === null || files.length === 0) return setFailure('Choose one or more files first.')
    const form = new FormData()
    for (const file of files) form.append('files', file, file.name)
    void run(form)
  }
  const onText = (event: Event) => {
    event.preventDefault()
    const form = new FormData(event.currentTarget as HTMLFormElement)
    const title = String(form.get('title') ?? '').trim()
    void run({ text: String(form.get('text') ?? ''), ...(title === '' ? {} : { title }) })
  }
  const onUrls = (event: Event) => {
    event.preventDefault()
    const form = new FormData(event.currentTarget as HTMLFormElement)
    const urls = String(form.get('urls') ?? '')
      .split(/\s+/)
      .filter((u) => u !== '')
    void run({ urls })
  }
  return (
    <section class="ingest">
      <h1>Ingest</h1>
      <div class="panes">
        <form onSubmit={onFiles} data-testid="upload-form">
          <h2>Upload files</h2>
          <p class="muted">Text, HTML, Markdown, JSON/JSONL, RSS/Atom; up to 25 MB in all.</p>
          <input type="file" name="files" multiple />
          <button type="submit" disabled={busy}>
            Upload
          </button>
        </form>
        <form onSubmit={onText} data-testid="paste-form">
          <h2>Paste text</h2>
          <input name="title" placeholder="Title (optional)" />
          <textarea name="text" rows={6} placeholder="Paste an article, a post or a page's HTML" />
          <button type="submit" disabled={busy}>
            Ingest text
          </button>
        </form>
        <form onSubmit={onUrls} data-testid="url-form">
          <h2>URLs or feeds</h2>
          <textarea name="urls" rows={4} placeholder="https://… one per line" />
          <button type="submit" disabled={busy}>
            Fetch and ingest
          </button>
        </form>
      </div>
      <details>
        <summary>Write token</summary>
        <label>
          Token (needed when the server was started with one){' '}
          <input
            type="password"
            value={token}
            onInput={(e) => {
              const value = (e.currentTarget as HTMLInputElement).value
              setToken(value)
              sessionStorage.setItem(TOKEN_KEY, value)
            }}
          />
        </label>
      </details>
      {failure !== null && (
        <p class="error" role="alert">
          {failure}
        </p>
      )}
      {job !== null && <JobView job={job} />}
      {finished > 0 && (
        <section class="after-ingest">
          <h2>Stories now</h2>
          <StoriesList refresh={finished} />
        </section>
      )}
    </section>
  )
}

/** A job's progress bar, counts, and every input's documents and errors as they come. */
function JobView({ job }: { job: IngestJob }) {
  const { inputs, documents } = job
  const seconds =
    job.startedAt === null
      ? null
      : ((job.finishedAt === null ? Date.now() : Date.parse(job.finishedAt)) -
          Date.parse(job.startedAt)) /
        1000
  const status =
    job.state === 'queued'
      ? 'Waiting for another ingest to finish…'
      : job.state === 'running'
        ? `Ingesting: ${inputs.done} of ${inputs.total} inputs done · documents: ${documents.read} read, ${documents.processed} stored or failed`
        : job.state === 'done'
          ? `Done: ${inputs.total} input${inputs.total === 1 ? '' : 's'}, ${documents.processed} document${documents.processed === 1 ? '' : 's'}${seconds === null ? '' : ` in ${seconds.toFixed(1)} s`}`
          : `The ingest stopped: ${job.error?.message ?? 'unknown error'}`
  return (
    <div
      class={`ingest-job ingest-${job.state}`}
      data-testid={ended(job) ? 'ingest-result' : 'ingest-progress'}
      data-job={job.id}
      data-state={job.state}
    >
      <progress
        value={inputs.done}
        max={Math.max(1, inputs.total)}
        aria-label="inputs done"
        data-done={inputs.done}
        data-total={inputs.total}
      />
      <p class="progress" role="status">
        {status}
      </p>
      <p class="summary">
        {job.added} added · {job.updated} updated · {job.unchanged} unchanged · {job.failed} failed
        {ended(job) && (
          <>
            {' '}
            — <a href={href.stories()}>see the stories</a>
          </>
        )}
      </p>
      <ul class="results">
        {job.results.map((r, i) => (
          <li
            key={i}
            class={`${r.errors.length > 0 ? 'failed' : r.state === 'done' ? 'ok' : r.state}`}
            data-state={r.state}
          >
            <strong>{r.input}</strong>
            {r.state === 'pending'
              ? ' (waiting)'
              : r.state === 'running'
                ? ' (reading…)'
                : ''}:{' '}
            {r.documents.map((d, j) => (
              <span key={d.id}>
                {j > 0 ? ', ' : ''}
                <a href={href.doc(d.id)}>{d.title ?? d.id.slice(0, 8)}</a> ({d.status})
              </span>
            ))}
            {r.errors.map((e, j) => (
              <div key={j} class="error-line">
                {e.code}: {e.message}
              </div>
            ))}
          </li>
        ))}
      </ul>
    </div>
  )
}
