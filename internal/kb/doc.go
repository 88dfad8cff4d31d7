// Package kb holds dyad's dictionaries: their file formats, the loaders
// that read them, the matcher compiled from them, and the default
// dictionaries embedded in the binary.
//
// Its parts:
//
//   - the block format (format.go): ParseBlocks reads the plain-text,
//     diff-friendly syntax that all of dyad's own dictionary files share
//     (a header line "CODE Display name" at column 0, indented
//     "key: value | value" field lines, '#' comments), and returns every
//     good block and every error as a *ParseError naming file and line, so
//     one typo never drops the rest of a file. It knows nothing of what the
//     fields mean; each file kind's loader will check that;
//
//   - the embedded data (embed.go, data/): Data holds data/countries.txt,
//     one block per country or territory (ISO 3166-1 alpha-3 code, names,
//     adjectives, demonyms, capitals, seats of government, region, iso2),
//     written for dyad from general knowledge;
//
//   - the phrase matcher (matcher.go): Matcher, a trie over normalised
//     tokens that finds dictionary phrases in tagged sentences; spelling
//     folds by rule (fold.go: case, accents, apostrophes, the Arabic
//     article, hyphens); a surname alone matches where the words around
//     it make it a name (surname.go), and a short form several people
//     share names the one the date makes senior (shared.go);
//
//   - the loaders (kb.go, verbs.go): KB.AddFile turns dyad's blocks into
//     matcher entries (countries, organisations, armed groups, agents),
//     people with dated roles, and verb patterns; Default loads the
//     embedded set;
//
//   - TABARI/PETRARCH dictionaries (petrarch*.go): actors with date
//     restrictions, agents, verbs with synsets and patterns, discards,
//     loaded by the same AddFile when a file is in that format.
//
// Takes: dictionary files (name and bytes). Gives: a KB, and one error
// per bad line naming file:line; the rest of the file is kept.
//
// Concurrency: ParseBlocks keeps no state between calls and may run on many
// goroutines at once; the blocks it returns are plain values. Data is
// read-only; a Matcher is read-only after it is built.
package kb
