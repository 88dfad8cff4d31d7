// Package quote finds the quotations of a document and who said them:
// direct quotes in the usual news shapes ("...," X said; X said: "...";
// "...," said X, the ...; quotes over several sentences; partial quotes),
// curly or straight marks, the speaker coded as an actor, and the chain
// that passed the quote on ("..., IRNA reported, according to Reuters").
//
// Takes: the document, its analysed sentences with their mentions and
// clause parses, and the KB. Gives: []doc.Quote in text order. A quote
// with no speaker found is kept with a null speaker rather than a guessed
// one. Find is a pure function: safe for concurrent use.
package quote
