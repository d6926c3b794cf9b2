// The claimgraph web UI: one page, hash routes, every view a function of the API.
import { render } from 'preact'
import { href, useRoute } from './router.js'
import { ClaimsView } from './views/claims.js'
import { DocumentReader } from './views/document.js'
import { EntityView } from './views/entity.js'
import { IngestView } from './views/ingest.js'
import { SearchView } from './views/search.js'
import { StoriesView } from './views/stories.js'
import { StoryView } from './views/story.js'
import './style.css'

function App() {
  const route = useRoute()
  const [view = '', arg = ''] = route.parts
  let page
  if (view === 'story') page = <StoryView id={arg} />
  else if (view === 'doc') page = <DocumentReader id={arg} sentence={sentenceParam(route.query)} />
  else if (view === 'entity') page = <EntityView entityKey={arg} />
  else if (view === 'claims') page = <ClaimsView query={route.query} />
  else if (view === 'search') page = <SearchView q={route.query.get('q') ?? ''} />
  else if (view === 'ingest') page = <IngestView />
  else page = <StoriesView />
  return (
    <>
      <header class="top">
        <a class="brand" href={href.stories()}>
          claimgraph
        </a>
        <nav>
          <a href={href.stories()}>Stories</a>
          <a href={href.claims()}>Claims</a>
          <a href={href.search()}>Search</a>
          <a href={href.ingest()}>Ingest</a>
        </nav>
      </header>
      <main>{page}</main>
    </>
  )
}

function sentenceParam(query: URLSearchParams): number | null {
  const s = query.get('s')
  if (s === null || !/^\d+$/.test(s)) return null
  return Number(s)
}

const root = document.getElementById('app')
if (root !== null) render(<App />, root)
