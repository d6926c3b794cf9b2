import { api } from '../api.js'
import { href } from '../router.js'
import { useLoad } from '../use-load.js'
import { Loaded, shortDate } from './common.js'

export function StoriesView() {
  return (
    <section>
      <h1>Stories</h1>
      <StoriesList />
    </section>
  )
}

/** The stories table; loaded again whenever `refresh` changes (e.g. after an ingest). */
export function StoriesList({ refresh = 0 }: { refresh?: number }) {
  const load = useLoad(() => api.stories(), [refresh])
  return (
    <Loaded load={load}>
      {({ stories }) =>
        stories.length === 0 ? (
          <p class="muted">
            Nothing stored yet. <a href={href.ingest()}>Ingest some documents</a>.
          </p>
        ) : (
          <table class="list" data-testid="stories">
            <thead>
              <tr>
                <th>Story</th>
                <th>Documents</th>
                <th>Sources</th>
                <th>Last update</th>
                <th title="conflicting figure measures + accused actors">Contested</th>
              </tr>
            </thead>
            <tbody>
              {stories.map((story) => (
                <tr key={story.id}>
                  <td>
                    <a href={href.story(story.id)}>{story.title}</a>
                  </td>
                  <td>{story.documents}</td>
                  <td>{story.sources}</td>
                  <td>{shortDate(story.lastPublishedAt)}</td>
                  <td>
                    {story.contested.conflictingFigures} conflicting figures ·{' '}
                    {story.contested.accusedActors} accused
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )
      }
    </Loaded>
  )
}
