-- dyad store schema, version 1. Shared by SQLite and PostgreSQL: @ID@
-- is the engine's auto-increment primary key, the operator
-- class that lets an index serve LIKE 'prefix%' (PostgreSQL only).
-- Integers are BIGINT (spans of a bad input may not fit 32 bits),
-- booleans are integers 0/1 and dates are text YYYY-MM-DD ('' unknown)
-- on both engines, so both compare and sort them alike.

-- documents: one row per distinct text; key = DocKey(text).
CREATE TABLE documents (
	id      @ID@,
	key     @TEXT@ NOT NULL UNIQUE,
	doc_id  @TEXT@ NOT NULL,          -- the caller's id
	date    @TEXT@ NOT NULL,
	source  @TEXT@ NOT NULL,          -- outlet or feed
	url     @TEXT@ NOT NULL,
	title   @TEXT@ NOT NULL,
	text    @TEXT@ NOT NULL,
	added   @TEXT@ NOT NULL           -- RFC 3339 UTC
);

-- sentences: spans of each document's sentences, in order.
CREATE TABLE sentences (
	doc    BIGINT  NOT NULL REFERENCES documents(id),
	idx    BIGINT  NOT NULL,
	start  BIGINT  NOT NULL,
	stop   BIGINT  NOT NULL,
	PRIMARY KEY (doc, idx)
);

-- mentions: dictionary phrases found in each sentence.
CREATE TABLE mentions (
	doc      BIGINT  NOT NULL REFERENCES documents(id),
	idx      BIGINT  NOT NULL,      -- in document order
	sentence BIGINT  NOT NULL,
	start    BIGINT  NOT NULL,
	stop     BIGINT  NOT NULL,
	kind     @TEXT@ NOT NULL,
	code     @TEXT@ NOT NULL,
	country  @TEXT@ NOT NULL,
	sector   @TEXT@ NOT NULL,
	ident    @TEXT@ NOT NULL,
	PRIMARY KEY (doc, idx)
);

-- records: real-world events that one or more reports describe. The
-- counts and the majority code are recomputed from the reports whenever
-- one joins.
CREATE TABLE records (
	id           @ID@,
	source       @TEXT@ NOT NULL,
	target       @TEXT@ NOT NULL,     -- '' when no target
	root         @TEXT@ NOT NULL,     -- CAMEO root
	cameo        @TEXT@ NOT NULL,
	plover       @TEXT@ NOT NULL,
	goldstein    DOUBLE PRECISION NOT NULL,
	quad_class   BIGINT  NOT NULL,
	first_date   @TEXT@ NOT NULL,
	last_date    @TEXT@ NOT NULL,
	mentions     BIGINT  NOT NULL,
	articles     BIGINT  NOT NULL,
	outlets      BIGINT  NOT NULL,
	asserted     BIGINT  NOT NULL,
	claimed      BIGINT  NOT NULL,
	denied       BIGINT  NOT NULL,
	negated      BIGINT  NOT NULL,
	hypothetical BIGINT  NOT NULL,
	example      @TEXT@ NOT NULL,
	source_url   @TEXT@ NOT NULL,
	added        @TEXT@ NOT NULL,
	updated      @TEXT@ NOT NULL
);
CREATE INDEX records_merge  ON records (source, target, root, last_date);
CREATE INDEX records_recent ON records (last_date, id);
CREATE INDEX records_source ON records (source);
CREATE INDEX records_target ON records (target);

-- events: every coded event of every document (the reports, or evidence,
-- of the records).
CREATE TABLE events (
	id             @ID@,
	doc            BIGINT  NOT NULL REFERENCES documents(id),
	record         BIGINT  NOT NULL REFERENCES records(id),
	event_id       @TEXT@ NOT NULL,   -- doc.Event.ID: DocID#eN
	sentence       BIGINT  NOT NULL,
	date           @TEXT@ NOT NULL,   -- the event's date, else the document's
	outlet         @TEXT@ NOT NULL,   -- documents.source, or the doc key when empty
	source         @TEXT@ NOT NULL,   -- source actor code
	source_actor   @TEXT@ NOT NULL,   -- the source actor as JSON
	target         @TEXT@ NOT NULL,   -- target actor code, '' when none
	target_actor   @TEXT@,            -- JSON, NULL when none
	cameo          @TEXT@ NOT NULL,
	plover         @TEXT@ NOT NULL,
	mode           @TEXT@ NOT NULL,
	goldstein      DOUBLE PRECISION NOT NULL,
	quad_class     BIGINT  NOT NULL,
	verb           @TEXT@ NOT NULL,
	verb_start     BIGINT  NOT NULL,
	verb_stop      BIGINT  NOT NULL,
	negated        BIGINT  NOT NULL,
	modality       @TEXT@ NOT NULL,
	status         @TEXT@ NOT NULL,
	reported_by    @TEXT@ NOT NULL,   -- JSON array of actors, innermost first
	claimant       @TEXT@ NOT NULL,   -- who says it: Claimant(event), '' when asserted
	quote_id       @TEXT@ NOT NULL,
	contests       @TEXT@ NOT NULL,   -- JSON array of event ids of the same document
	location       @TEXT@ NOT NULL,
	text           @TEXT@ NOT NULL,
	pattern        @TEXT@ NOT NULL
);
CREATE INDEX events_record ON events (record);
CREATE INDEX events_doc    ON events (doc);
CREATE INDEX events_source ON events (source);
CREATE INDEX events_target ON events (target);
CREATE INDEX events_date   ON events (date);

-- quotes: quotations with their speakers.
CREATE TABLE quotes (
	doc          BIGINT  NOT NULL REFERENCES documents(id),
	idx          BIGINT  NOT NULL,
	quote_id     @TEXT@ NOT NULL,
	date         @TEXT@ NOT NULL,     -- the document's
	speaker      @TEXT@ NOT NULL,     -- speaker's actor code, '' when none
	speaker_actor @TEXT@,             -- JSON, NULL when none
	speaker_text @TEXT@ NOT NULL,
	speaker_start BIGINT  NOT NULL,
	speaker_stop BIGINT  NOT NULL,
	cue          @TEXT@ NOT NULL,
	cue_start    BIGINT  NOT NULL,
	cue_stop     BIGINT  NOT NULL,
	content      @TEXT@ NOT NULL,
	content_start BIGINT  NOT NULL,
	content_stop BIGINT  NOT NULL,
	direct       BIGINT  NOT NULL,
	via          @TEXT@ NOT NULL,     -- JSON array of actors
	PRIMARY KEY (doc, idx)
);
CREATE INDEX quotes_speaker ON quotes (speaker);
CREATE INDEX quotes_date    ON quotes (date);
