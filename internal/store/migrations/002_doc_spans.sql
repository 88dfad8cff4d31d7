-- dyad store schema, version 2: a document's sentence and mention spans
-- in one row (JSON arrays) instead of a row each. They are read only
-- whole, with their document, and rows of their own were two thirds of
-- the rows Put inserted (11,617 mentions and 4,809 sentences against
-- 2,023 quotes and events for the Guardian set). Documents stored
-- before this version keep their rows in sentences and mentions, which
-- the reads still consult.
CREATE TABLE doc_spans (
	doc         BIGINT  NOT NULL PRIMARY KEY REFERENCES documents(id),
	n_sentences BIGINT  NOT NULL,
	n_mentions  BIGINT  NOT NULL,
	sentences   @TEXT@ NOT NULL,  -- [[start, stop], ...] in order
	mentions    @TEXT@ NOT NULL   -- [[sentence, start, stop, kind, code, country, sector, ident], ...]
);

-- The span of each event's sentence, kept with the event (-1: stored
-- before this version; the sentences table has it).
ALTER TABLE events ADD COLUMN sentence_start BIGINT NOT NULL DEFAULT -1;
ALTER TABLE events ADD COLUMN sentence_stop  BIGINT NOT NULL DEFAULT -1;
