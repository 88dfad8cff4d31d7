-- dyad store schema, version 4.
--
-- Records count their asserted and claimed reports: mentions, articles
-- and outlets become theirs, and reports counts every report, whatever
-- its status (negated, denied and hypothetical reports are evidence, not
-- events). Actors count only asserted and claimed reports too; an actor
-- that no such report names is dropped (new reports add it back).
--
-- Record ids of new records are derived from their first report
-- (RecordID in Go), not taken from a sequence; records stored before
-- this version keep theirs.
--
-- documents.date_assumed: 1 when the document's date was assumed
-- (doc.Document.DateAssumed), not given or read from its text.
ALTER TABLE documents ADD COLUMN date_assumed BIGINT NOT NULL DEFAULT 0;

ALTER TABLE records ADD COLUMN reports BIGINT NOT NULL DEFAULT 0;
UPDATE records SET
	reports = mentions,
	mentions = asserted + claimed,
	articles = (SELECT COUNT(DISTINCT e.doc) FROM events e
		WHERE e.record = records.id AND e.status IN ('asserted', 'claimed')),
	outlets = (SELECT COUNT(DISTINCT e.outlet) FROM events e
		WHERE e.record = records.id AND e.status IN ('asserted', 'claimed'));

-- A record's code: the one most of its asserted and claimed reports
-- gave, then most reports (qRecordCode in Go).
UPDATE records SET
	cameo = (SELECT e.cameo FROM events e WHERE e.id = (SELECT MIN(id) FROM events WHERE record = records.id GROUP BY cameo
		ORDER BY SUM(CASE WHEN status IN ('asserted', 'claimed') THEN 1 ELSE 0 END) DESC, COUNT(*) DESC, MIN(id) LIMIT 1)),
	plover = (SELECT e.plover FROM events e WHERE e.id = (SELECT MIN(id) FROM events WHERE record = records.id GROUP BY cameo
		ORDER BY SUM(CASE WHEN status IN ('asserted', 'claimed') THEN 1 ELSE 0 END) DESC, COUNT(*) DESC, MIN(id) LIMIT 1)),
	goldstein = (SELECT e.goldstein FROM events e WHERE e.id = (SELECT MIN(id) FROM events WHERE record = records.id GROUP BY cameo
		ORDER BY SUM(CASE WHEN status IN ('asserted', 'claimed') THEN 1 ELSE 0 END) DESC, COUNT(*) DESC, MIN(id) LIMIT 1)),
	quad_class = (SELECT e.quad_class FROM events e WHERE e.id = (SELECT MIN(id) FROM events WHERE record = records.id GROUP BY cameo
		ORDER BY SUM(CASE WHEN status IN ('asserted', 'claimed') THEN 1 ELSE 0 END) DESC, COUNT(*) DESC, MIN(id) LIMIT 1))
WHERE EXISTS (SELECT 1 FROM events WHERE record = records.id);

-- A record's example and source URL: its first asserted or claimed
-- report's, when it has one.
UPDATE records SET
	example = (SELECT e.text FROM events e WHERE e.record = records.id AND e.status IN ('asserted', 'claimed')
		ORDER BY e.id LIMIT 1),
	source_url = (SELECT d.url FROM events e JOIN documents d ON d.id = e.doc
		WHERE e.record = records.id AND e.status IN ('asserted', 'claimed') ORDER BY e.id LIMIT 1)
WHERE asserted + claimed > 0;

UPDATE actors SET
	reports = (SELECT COUNT(*) FROM events e WHERE e.source = actors.code AND e.status IN ('asserted', 'claimed'))
		+ (SELECT COUNT(*) FROM events e WHERE e.target = actors.code AND e.status IN ('asserted', 'claimed')),
	first_date = COALESCE((SELECT MIN(e.date) FROM events e WHERE (e.source = actors.code OR e.target = actors.code)
		AND e.date <> '' AND e.status IN ('asserted', 'claimed')), ''),
	last_date = COALESCE((SELECT MAX(e.date) FROM events e WHERE (e.source = actors.code OR e.target = actors.code)
		AND e.date <> '' AND e.status IN ('asserted', 'claimed')), '');
DELETE FROM actors WHERE reports = 0;

-- Keyset pagination: each listing's order served by an index, which
-- replaces the index on its first column alone (keeping both cost
-- BenchmarkPutBatch about 4% of its CPU time).
CREATE INDEX quotes_list ON quotes (date, doc, idx DESC);
DROP INDEX quotes_date;
CREATE INDEX actors_list ON actors (reports, code DESC);
DROP INDEX actors_reports;
