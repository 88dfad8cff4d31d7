package parse

import "dyad/internal/doc"

// Model is a trained parser: the weights of the transitions and of the
// relations. It is read-only after loading and safe to share between
// goroutines; each goroutine parses through its own Parser.
type Model struct {
	moves moveTable
	rels  relTable
	// The quantised weights by feature, kept by Train for WriteModel;
	// nil in a model read from a file.
	moveKeys, relKeys []uint64
	moveRows, relRows [][]int16
	moveUpdates       []uint32 // perceptron updates per feature, for Pruned
	relUpdates        []uint32
}

// Parser parses sentences with a shared Model. It holds scratch buffers:
// one per goroutine. Parsing allocates nothing once the buffers have
// grown to the longest sentence.
type Parser struct {
	m  *Model
	s  state
	mf [nMoveFeats]uint64
	rf [nRelFeats]uint64
}

// NewParser returns a Parser using m.
func NewParser(m *Model) *Parser { return &Parser{m: m} }

// MaxTokens is the longest sentence Parse parses: a Head must fit in an
// int16. (dyad's segmenter breaks sentences at 250 tokens by default.)
const MaxTokens = 1<<15 - 1

// Parse sets the Head and Rel of each token of one sentence; text is the
// document text the token spans point into, and the tokens must be tagged.
// Exactly one token gets RelRoot (Head -1); every other Head is an index
// into toks, and the heads form a tree. A sentence longer than MaxTokens
// is left unparsed (every Rel NoRel).
func (p *Parser) Parse(text string, toks []doc.Token) {
	if len(toks) > MaxTokens {
		for i := range toks {
			toks[i].Head, toks[i].Rel = 0, doc.NoRel
		}
		return
	}
	s := &p.s
	s.reset(len(toks))
	for i := range toks {
		s.set(i+1, text[toks[i].Start:toks[i].End], toks[i].Tag)
	}
	p.run()
	for i := range toks {
		toks[i].Head = int16(s.head[i+1] - 1)
		toks[i].Rel = s.rel[i+1]
	}
}

// ParseWords parses a sentence given as words and tags (as in a treebank)
// and writes each word's head (an index into words, -1 for the root) and
// relation into heads and rels, which must be as long as words.
func (p *Parser) ParseWords(words []string, tags []doc.Tag, heads []int32, rels []doc.Rel) {
	s := &p.s
	s.reset(len(words))
	for i, w := range words {
		s.set(i+1, w, tags[i])
	}
	p.run()
	for i := range words {
		heads[i] = s.head[i+1] - 1
		rels[i] = s.rel[i+1]
	}
}

func (p *Parser) run() {
	s := &p.s
	for !s.terminal() {
		v := s.valid()
		m := onlyMove(v)
		if m < 0 {
			s.moveFeatures(&p.mf)
			var sc [nMoves]int32
			p.m.moves.score(p.mf[:], &sc)
			m = bestMove(sc[:], v)
		}
		r := doc.NoRel
		if m != shift {
			h, d := s.arc(m)
			r = p.label(h, d)
		}
		s.apply(m, r)
	}
}

// label chooses the relation of the arc h -> d.
func (p *Parser) label(h, d int32) doc.Rel {
	if h == 0 {
		return doc.RelRoot
	}
	if isPunct(p.s.tag[d]) {
		return doc.RelPunct
	}
	p.s.relFeatures(h, d, &p.rf)
	var sc [doc.NumRels]int32
	p.m.rels.score(p.rf[:], &sc)
	return bestRel(sc[:])
}

// isPunct reports whether a token tagged tg takes RelPunct without
// scoring: 99.5% of EWT train's tokens with these (gold) tags are punct,
// and they are 12% of tokens; LAS on EWT test and GUM news moved by 0.02
// points either way.
func isPunct(tg doc.Tag) bool {
	switch tg {
	case doc.Period, doc.Comma, doc.Colon, doc.LQuote, doc.RQuote, doc.LRB, doc.RRB, doc.HYPH:
		return true
	}
	return false
}

// onlyMove returns the one valid move, or -1 when there is a choice.
func onlyMove(v uint8) int {
	switch v {
	case 1 << shift:
		return shift
	case 1 << left:
		return left
	case 1 << right:
		return right
	}
	return -1
}

// bestMove returns the valid move of highest score (the first on a tie).
func bestMove[T int32 | int64](sc []T, v uint8) int {
	best := -1
	for m := range nMoves {
		if v&(1<<m) != 0 && (best < 0 || sc[m] > sc[best]) {
			best = m
		}
	}
	return best
}

// bestRel returns the relation of highest score other than root.
func bestRel[T int32 | int64](sc []T) doc.Rel {
	best := doc.RelNsubj
	for r := doc.RelNsubj; r < doc.NumRels; r++ {
		if sc[r] > sc[best] {
			best = r
		}
	}
	return best
}

// wordHash hashes a word form normalised (ASCII letters lowercased,
// digits all '0', so "1,200" and "3,400" are one word), and its last three
// bytes normalised with its shape (lower, capitalised, all capitals,
// other), for words the model has not seen.
func wordHash(w string) (word, suffix uint64) {
	h := uint64(14695981039346656037)
	upper, lower := 0, 0
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
			upper++
		case c >= 'a' && c <= 'z':
			lower++
		case c >= '1' && c <= '9':
			c = '0'
		}
		h ^= uint64(c)
		h *= 1099511628211
	}
	shape := uint64(0)
	switch {
	case upper > 0 && lower == 0:
		shape = 1
	case upper > 0 && w[0] >= 'A' && w[0] <= 'Z':
		shape = 2
	case lower == 0:
		shape = 3
	}
	sh := 1469598103934665603 ^ shape
	for i := max(0, len(w)-3); i < len(w); i++ {
		c := w[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		sh ^= uint64(c)
		sh *= 1099511628211
	}
	return mix(h), mix(sh)
}
