-- dyad store schema, version 3: the actors the stored events name, one
-- row per actor code, kept up to date by every Put: what the code stands
-- for (country, sector, the words an article first used), how many
-- reports name it as source or target, and the dates of the first and
-- last. A code stands for a role, not a person (IRNGOV is every Iranian
-- official), so no person's identifier is kept here.
CREATE TABLE actors (
	code       @TEXT@ NOT NULL PRIMARY KEY,
	country    @TEXT@ NOT NULL,
	sector     @TEXT@ NOT NULL,
	name       @TEXT@ NOT NULL,
	reports    BIGINT  NOT NULL,
	first_date @TEXT@ NOT NULL,
	last_date  @TEXT@ NOT NULL
);
CREATE INDEX actors_reports ON actors (reports);

-- Events stored before this version: their codes and counts (what the
-- codes stand for fills in as new reports name them).
INSERT INTO actors (code, country, sector, name, reports, first_date, last_date)
SELECT code, '', '', '', COUNT(*), MIN(date), MAX(date)
FROM (SELECT source AS code, date FROM events UNION ALL SELECT target, date FROM events WHERE target <> '') named
GROUP BY code;
