-- claimgraph schema 0001: documents and their analysis (claimgraph/analysis@1).
-- Offsets are UTF-16 code units into documents.text, half-open, exactly as in the Analysis.
-- Annotations are keyed by (document_id, local id or index) and go with their document
-- (ON DELETE CASCADE). Array order in the Analysis is kept in an `idx` column.

CREATE TABLE documents (
  id                text PRIMARY KEY,
  -- The first source the document was stored from; all sources are in document_sources.
  source            text NOT NULL,
  title             text,
  author            text,
  site              text,
  -- published_at_text keeps the string exactly as the Analysis has it (date or date-time);
  -- published_at is its parsed value for sorting and filtering (null when it does not parse).
  published_at_text text,
  published_at      timestamptz,
  kind              text NOT NULL CHECK (kind IN ('article', 'blog', 'social', 'other')),
  language          text NOT NULL,
  text              text NOT NULL,
  schema            text NOT NULL,
  pipeline          text NOT NULL,
  analyzed_at       timestamptz NOT NULL DEFAULT now(),
  word_count        integer NOT NULL CHECK (word_count >= 0),
  search            tsvector GENERATED ALWAYS AS (
                      setweight(to_tsvector('english', coalesce(title, '')), 'A') ||
                      setweight(to_tsvector('english', text), 'B')
                    ) STORED
);
CREATE INDEX documents_search_idx ON documents USING gin (search);
CREATE INDEX documents_published_at_idx ON documents (published_at);

-- The same content (same id) may arrive from several sources: each one is recorded.
CREATE TABLE document_sources (
  document_id   text NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  source        text NOT NULL,
  first_seen_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (document_id, source)
);

CREATE TABLE sections (
  document_id text NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  idx         integer NOT NULL,
  kind        text NOT NULL CHECK (kind IN ('title', 'byline', 'body', 'comment', 'boilerplate')),
  span_start  integer NOT NULL CHECK (span_start >= 0),
  span_end    integer NOT NULL CHECK (span_end >= span_start),
  author      text,
  PRIMARY KEY (document_id, idx)
);

CREATE TABLE repeats (
  document_id text NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  idx         integer NOT NULL,
  span_start  integer NOT NULL CHECK (span_start >= 0),
  span_end    integer NOT NULL CHECK (span_end >= span_start),
  of_start    integer NOT NULL CHECK (of_start >= 0),
  of_end      integer NOT NULL CHECK (of_end >= of_start),
  PRIMARY KEY (document_id, idx)
);

CREATE TABLE sentences (
  document_id text NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  idx         integer NOT NULL,
  span_start  integer NOT NULL CHECK (span_start >= 0),
  span_end    integer NOT NULL CHECK (span_end >= span_start),
  section     integer NOT NULL,
  PRIMARY KEY (document_id, idx)
);

CREATE TABLE entities (
  document_id text NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  local_id    text NOT NULL,
  idx         integer NOT NULL,
  name        text NOT NULL,
  type        text NOT NULL CHECK (type IN ('PERSON', 'ORG', 'GPE', 'LOC', 'FAC', 'NORP', 'EVENT', 'MISC')),
  -- Canonical key for joining across documents.
  key         text NOT NULL,
  provenance  jsonb NOT NULL,
  PRIMARY KEY (document_id, local_id),
  UNIQUE (document_id, idx)
);
CREATE INDEX entities_key_idx ON entities (key);

CREATE TABLE mentions (
  document_id text NOT NULL,
  entity_id   text NOT NULL,
  idx         integer NOT NULL,
  span_start  integer NOT NULL CHECK (span_start >= 0),
  span_end    integer NOT NULL CHECK (span_end >= span_start),
  text        text NOT NULL,
  provenance  jsonb NOT NULL,
  PRIMARY KEY (document_id, entity_id, idx),
  FOREIGN KEY (document_id, entity_id) REFERENCES entities (document_id, local_id) ON DELETE CASCADE
);

CREATE TABLE claims (
  document_id    text NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  local_id       text NOT NULL,
  idx            integer NOT NULL,
  -- Speaker: all of start/end/text present, or none (nobody named). The entity may be null.
  speaker_start  integer CHECK (speaker_start >= 0),
  speaker_end    integer CHECK (speaker_end >= speaker_start),
  speaker_text   text,
  speaker_entity text,
  cue_start      integer CHECK (cue_start >= 0),
  cue_end        integer CHECK (cue_end >= cue_start),
  cue_text       text,
  content_start  integer NOT NULL CHECK (content_start >= 0),
  content_end    integer NOT NULL CHECK (content_end >= content_start),
  content_text   text NOT NULL,
  kind           text NOT NULL CHECK (kind IN ('direct', 'indirect', 'mixed', 'according_to', 'narrated')),
  stance         text NOT NULL CHECK (stance IN ('assert', 'accuse', 'deny', 'claim_responsibility', 'question', 'predict', 'threaten')),
  hedged         boolean NOT NULL,
  sentence       integer NOT NULL,
  section        text NOT NULL CHECK (section IN ('title', 'byline', 'body', 'comment', 'boilerplate')),
  provenance     jsonb NOT NULL,
  content_search tsvector GENERATED ALWAYS AS (to_tsvector('english', content_text)) STORED,
  PRIMARY KEY (document_id, local_id),
  UNIQUE (document_id, idx),
  CHECK ((speaker_start IS NULL) = (speaker_end IS NULL) AND (speaker_start IS NULL) = (speaker_text IS NULL)),
  CHECK (speaker_entity IS NULL OR speaker_text IS NOT NULL),
  CHECK ((cue_start IS NULL) = (cue_end IS NULL) AND (cue_start IS NULL) = (cue_text IS NULL)),
  FOREIGN KEY (document_id, speaker_entity) REFERENCES entities (document_id, local_id)
    ON DELETE SET NULL (speaker_entity)
);
CREATE INDEX claims_speaker_idx ON claims (document_id, speaker_entity) WHERE speaker_entity IS NOT NULL;
CREATE INDEX claims_stance_idx ON claims (stance);
CREATE INDEX claims_content_search_idx ON claims USING gin (content_search);

CREATE TABLE claim_targets (
  document_id text NOT NULL,
  claim_id    text NOT NULL,
  idx         integer NOT NULL,
  entity_id   text NOT NULL,
  PRIMARY KEY (document_id, claim_id, idx),
  FOREIGN KEY (document_id, claim_id) REFERENCES claims (document_id, local_id) ON DELETE CASCADE,
  FOREIGN KEY (document_id, entity_id) REFERENCES entities (document_id, local_id) ON DELETE CASCADE
);
CREATE INDEX claim_targets_entity_idx ON claim_targets (document_id, entity_id);

CREATE TABLE events (
  document_id   text NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  local_id      text NOT NULL,
  idx           integer NOT NULL,
  type          text NOT NULL,
  trigger_start integer NOT NULL CHECK (trigger_start >= 0),
  trigger_end   integer NOT NULL CHECK (trigger_end >= trigger_start),
  trigger_text  text NOT NULL,
  -- Date: all of start/end/text/relative present, or none. value is null when unresolved.
  date_start    integer CHECK (date_start >= 0),
  date_end      integer CHECK (date_end >= date_start),
  date_text     text,
  date_value    text,
  date_relative boolean,
  place_start   integer CHECK (place_start >= 0),
  place_end     integer CHECK (place_end >= place_start),
  place_text    text,
  place_entity  text,
  sentence      integer NOT NULL,
  provenance    jsonb NOT NULL,
  PRIMARY KEY (document_id, local_id),
  UNIQUE (document_id, idx),
  CHECK ((date_start IS NULL) = (date_end IS NULL) AND (date_start IS NULL) = (date_text IS NULL)
         AND (date_start IS NULL) = (date_relative IS NULL)),
  CHECK (date_value IS NULL OR date_text IS NOT NULL),
  CHECK ((place_start IS NULL) = (place_end IS NULL) AND (place_start IS NULL) = (place_text IS NULL)),
  CHECK (place_entity IS NULL OR place_text IS NOT NULL),
  FOREIGN KEY (document_id, place_entity) REFERENCES entities (document_id, local_id)
    ON DELETE SET NULL (place_entity)
);
CREATE INDEX events_type_idx ON events (type);

CREATE TABLE event_agents (
  document_id text NOT NULL,
  event_id    text NOT NULL,
  idx         integer NOT NULL,
  entity_id   text NOT NULL,
  PRIMARY KEY (document_id, event_id, idx),
  FOREIGN KEY (document_id, event_id) REFERENCES events (document_id, local_id) ON DELETE CASCADE,
  FOREIGN KEY (document_id, entity_id) REFERENCES entities (document_id, local_id) ON DELETE CASCADE
);
CREATE INDEX event_agents_entity_idx ON event_agents (document_id, entity_id);

CREATE TABLE figures (
  document_id text NOT NULL,
  event_id    text NOT NULL,
  idx         integer NOT NULL,
  measure     text NOT NULL,
  value       double precision NOT NULL,
  value_max   double precision,
  qualifier   text NOT NULL CHECK (qualifier IN ('exact', 'at_least', 'at_most', 'approx')),
  span_start  integer NOT NULL CHECK (span_start >= 0),
  span_end    integer NOT NULL CHECK (span_end >= span_start),
  span_text   text NOT NULL,
  sentence    integer NOT NULL,
  provenance  jsonb NOT NULL,
  PRIMARY KEY (document_id, event_id, idx),
  FOREIGN KEY (document_id, event_id) REFERENCES events (document_id, local_id) ON DELETE CASCADE
);
CREATE INDEX figures_measure_idx ON figures (measure);

CREATE TABLE quantities (
  document_id text NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  idx         integer NOT NULL,
  span_start  integer NOT NULL CHECK (span_start >= 0),
  span_end    integer NOT NULL CHECK (span_end >= span_start),
  span_text   text NOT NULL,
  value       double precision NOT NULL,
  value_max   double precision,
  qualifier   text NOT NULL CHECK (qualifier IN ('exact', 'at_least', 'at_most', 'approx')),
  provenance  jsonb NOT NULL,
  PRIMARY KEY (document_id, idx)
);

CREATE TABLE dates (
  document_id text NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  idx         integer NOT NULL,
  span_start  integer NOT NULL CHECK (span_start >= 0),
  span_end    integer NOT NULL CHECK (span_end >= span_start),
  span_text   text NOT NULL,
  value       text,
  relative    boolean NOT NULL,
  provenance  jsonb NOT NULL,
  PRIMARY KEY (document_id, idx)
);

CREATE TABLE diagnostics (
  document_id text NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  idx         integer NOT NULL,
  code        text NOT NULL,
  message     text NOT NULL,
  span_start  integer CHECK (span_start >= 0),
  span_end    integer CHECK (span_end >= span_start),
  PRIMARY KEY (document_id, idx),
  CHECK ((span_start IS NULL) = (span_end IS NULL))
);

-- Stories (filled by reconcile later): the documents about one happening.
CREATE TABLE stories (
  id         text PRIMARY KEY,
  title      text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE story_documents (
  story_id    text NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
  document_id text NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  PRIMARY KEY (story_id, document_id)
);
CREATE INDEX story_documents_document_idx ON story_documents (document_id);
