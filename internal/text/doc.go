// Package text is the first stage of dyad's pipeline: it turns a document's
// text into sentences of tokens, each token with its byte span, a Penn
// Treebank part-of-speech tag and a lemma.
//
// The parts, each in its own files:
//
//   - Segmenter (segment.go, tokenize.go, abbrev.go): tokens with byte
//     offsets and the sentence boundaries between them, one sentence at a
//     time, so memory is bounded by the longest sentence
//     (MaxSentenceTokens forces a break);
//   - Model and Tagger (tagger*.go): dyad's own two-pass averaged-perceptron
//     tagger, trained on the UD English treebanks by `dyad tagger train`
//     (conllu.go reads them); the trained model is embedded (model/);
//   - Lemmatizer (lemma*.go): dictionary forms, irregular forms from tables
//     written here (lemma_irregular.txt);
//   - Analyzer (analyze.go): the three together, the entry point for later
//     stages.
//
// Takes: a string (Document.Text). Gives: []doc.Sentence whose tokens carry
// spans into that string. Nothing copies the text.
//
// Concurrency: a Model is read-only after loading and safe to share; a
// Segmenter, Tagger, Lemmatizer or Analyzer holds scratch buffers and
// belongs to one goroutine at a time (one per worker).
package text
