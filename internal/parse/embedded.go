package parse

// EmbeddedFiles returns the files embedded in this package that decide
// what it gives, by name: the parser model. They are for hashing into a
// version (pipeline.BuildVersion); callers must not modify them.
func EmbeddedFiles() map[string][]byte {
	return map[string][]byte{"model/parser.bin.gz": embeddedModel}
}
