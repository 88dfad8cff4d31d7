// Package validate runs PETRARCH/TABARI-style validation suites: XML files
// of <Sentence> records, each with the events it should code, and an
// <Environment> naming the dictionaries to code them with.
//
// Takes: a suite file and the dictionaries it names (through an fs.FS, so
// the command decides where files come from). Gives: for each record the
// expected and the coded events, whether they agree (see Score), and the
// totals by category.
//
// A suite is coded with its own dictionaries only: the PETRARCH files its
// Environment names (verbs, actors, agents, discards), none of dyad's
// embedded ones, with event codes kept as written (validation dictionaries
// use WEIS-era and made-up codes). The <Parse> trees of the records are
// not read: dyad does its own text analysis.
//
// Concurrency: a Suite is read-only once parsed; Run codes the records one
// after another on the caller's goroutine.
package validate
