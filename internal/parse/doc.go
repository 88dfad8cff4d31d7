// Package parse is dyad's dependency parser: it gives each token of a
// tagged sentence its syntactic head and Universal Dependencies relation
// (doc.Token.Head, doc.Token.Rel), so later stages read subjects, objects,
// obliques, clausal complements and the rest off the arcs.
//
// It is a greedy transition-based parser (the arc-hybrid system) with an
// averaged perceptron over hashed features, trained with a dynamic oracle
// on the UD English treebanks by `dyad parser train` (train.go,
// treebank.go); the trained model is embedded (model/). Moves and
// relations are scored by two classifiers: three moves per step, and the
// relation once per arc, when the dependent is complete. docs/parser.md
// says how it was trained and what it measures.
//
// Takes: one sentence of tagged tokens (doc.Token, Tag set) and the text
// their spans point into. Gives: Head and Rel set on every token; the
// heads form one tree with exactly one root. Parser.Parse parses one
// sentence, so a caller can parse only the sentences it needs.
//
// Concurrency: a Model is read-only after loading and safe to share; a
// Parser holds scratch buffers and belongs to one goroutine at a time.
package parse
