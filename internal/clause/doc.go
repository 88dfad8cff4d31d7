// Package clause is the stage after text and kb: it finds the predicates
// of a tagged sentence (verb groups with lemma, voice, negation and
// modality) and their arguments (subject, object, prepositional phrases,
// infinitive and clausal complements), so that the code stage can map
// "who did what to whom" onto verb patterns.
//
// Today the parser is shallow: noun-phrase chunks over Penn tags and
// dictionary mentions, verb groups, and attachment by position within a
// clause. Parse is its one entry point; a dependency parser can replace it
// behind the same types without touching the code stage.
//
// Takes: a doc.Sentence (tagged, lemmatized), the document text, and the
// sentence's mentions. Gives: a Parse with chunks and predicates, token
// indexes relative to the sentence. Parse is a pure function: safe for
// concurrent use.
package clause
