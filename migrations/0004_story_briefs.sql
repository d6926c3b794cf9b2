-- Story briefs kept between server runs (src/server/story-cache.ts): each story's summary for the
-- stories list and its brief as served (`BriefStory` JSON with lists capped at the default limit,
-- and what was cut), with the fingerprint of the story they were built from. A story that gained,
-- lost or re-analyzed a document has another fingerprint, and its row is rebuilt on the next
-- request; a merged story's row goes with it (ON DELETE CASCADE). The page's header (documents in
-- the store, notes) is counted when it is served.
CREATE TABLE story_briefs (
  story_id    text PRIMARY KEY REFERENCES stories (id) ON DELETE CASCADE,
  fingerprint text NOT NULL,
  summary     jsonb NOT NULL,
  story       text NOT NULL,
  truncated   jsonb NOT NULL,
  build_ms    integer NOT NULL,
  built_at    timestamptz NOT NULL DEFAULT now()
);
