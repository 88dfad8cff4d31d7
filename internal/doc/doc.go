// Package doc holds the types that every stage of dyad's pipeline shares:
// documents, spans, tokens, sentences and part-of-speech tags. It has no
// logic beyond small accessors and the String methods of its enums, and it
// imports nothing from the rest of dyad, so every stage may depend on it.
//
// All spans are byte offsets into Document.Text: [Start, End). Nothing in a
// later stage copies the text it refers to.
//
// Values of these types are plain data: safe to read from many goroutines,
// never mutated by a stage after it hands them on.
package doc
