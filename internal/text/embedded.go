package text

// EmbeddedFiles returns the files embedded in this package that decide
// what it gives, by name: the tagger model and the lemma table. They are
// for hashing into a version (pipeline.BuildVersion); callers must not
// modify them.
func EmbeddedFiles() map[string][]byte {
	return map[string][]byte{
		"model/tagger.bin.gz": embeddedModel,
		"lemma_irregular.txt": []byte(lemmaIrregular),
	}
}
