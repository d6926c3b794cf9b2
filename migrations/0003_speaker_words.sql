-- Claims by speaker (GET /api/claims?speaker=, src/store/queries-api.ts) without a scan of every
-- claim. The words of each claim's speaker as written and of each entity's name, split and
-- lowercased by the 'simple' text search configuration, go into GIN indexes that answer
-- word-prefix queries ('adrian':* & 'vos':*); a speaker's entity key is found through
-- entities_key_idx and its claims through claims_speaker_idx (0001). Documents in the claims'
-- order (publication date, then id) let a frequent speaker's first claims be read without
-- sorting all of them.
CREATE INDEX claims_speaker_words_idx ON claims
  USING gin (to_tsvector('simple', speaker_text)) WHERE speaker_text IS NOT NULL;
CREATE INDEX entities_name_words_idx ON entities USING gin (to_tsvector('simple', name));
CREATE INDEX documents_published_at_id_idx ON documents (published_at, id);
