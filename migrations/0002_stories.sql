-- Incremental stories (src/reconcile/stories.ts): each story's earliest document and size, each
-- membership's publication instant, and the link keys a new document is matched on.
ALTER TABLE stories
  ADD COLUMN earliest_document text,
  ADD COLUMN earliest_at       timestamptz,
  ADD COLUMN documents         integer NOT NULL DEFAULT 0;
ALTER TABLE story_documents ADD COLUMN published_at timestamptz;
CREATE TABLE story_keys (
  key         text NOT NULL,
  document_id text NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  salient     boolean NOT NULL,
  PRIMARY KEY (key, document_id)
);
CREATE INDEX story_keys_document_idx ON story_keys (document_id);
