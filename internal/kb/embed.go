package kb

import "embed"

// Data holds dyad's default dictionaries, embedded at build time: the files
// of data/ (data/countries.txt today), in the block format of ParseBlocks.
//
//go:embed data/*.txt
var Data embed.FS
