package doc

// Tag is a Penn Treebank part-of-speech tag, as in the XPOS column of the
// English Universal Dependencies treebanks. The zero Tag means "not tagged".
type Tag uint8

// The Penn Treebank tags, with the extensions used by UD English (HYPH, NFP,
// ADD, GW, AFX, XX).
const (
	NoTag Tag = iota
	CC
	CD
	DT
	EX
	FW
	IN
	JJ
	JJR
	JJS
	LS
	MD
	NN
	NNS
	NNP
	NNPS
	PDT
	POS
	PRP
	PRPS // PRP$
	RB
	RBR
	RBS
	RP
	SYM
	TO
	UH
	VB
	VBD
	VBG
	VBN
	VBP
	VBZ
	WDT
	WP
	WPS // WP$
	WRB
	Period  // .  sentence-final punctuation
	Comma   // ,
	Colon   // :  colons, semicolons, dashes, ellipses
	LQuote  // ``
	RQuote  // ''
	LRB     // -LRB-
	RRB     // -RRB-
	Dollar  // $
	Hash    // #
	HYPH    // hyphen inside a word split by the tokenizer
	NFP     // superfluous punctuation (----, ***)
	ADD     // e-mail or web address
	GW      // "goes with": a fragment of a split word
	AFX     // affix written apart
	XX      // unknown
	NumTags // number of tags, for sizing tables
)

var tagNames = [NumTags]string{
	"", "CC", "CD", "DT", "EX", "FW", "IN", "JJ", "JJR", "JJS", "LS", "MD",
	"NN", "NNS", "NNP", "NNPS", "PDT", "POS", "PRP", "PRP$", "RB", "RBR",
	"RBS", "RP", "SYM", "TO", "UH", "VB", "VBD", "VBG", "VBN", "VBP", "VBZ",
	"WDT", "WP", "WP$", "WRB", ".", ",", ":", "``", "''", "-LRB-", "-RRB-",
	"$", "#", "HYPH", "NFP", "ADD", "GW", "AFX", "XX",
}

// String returns the Penn Treebank name of the tag ("NNP", "PRP$", "-LRB-").
func (t Tag) String() string {
	if t < NumTags {
		return tagNames[t]
	}
	return "?"
}

// ParseTag returns the Tag named s, and false when s names no Penn tag.
func ParseTag(s string) (Tag, bool) {
	for i, n := range tagNames {
		if n == s && i > 0 {
			return Tag(i), true
		}
	}
	return NoTag, false
}

// IsVerb reports whether t is one of the VB* tags.
func (t Tag) IsVerb() bool { return t >= VB && t <= VBZ }

// IsNoun reports whether t is one of the NN* tags.
func (t Tag) IsNoun() bool { return t >= NN && t <= NNPS }

// IsProper reports whether t is NNP or NNPS.
func (t Tag) IsProper() bool { return t == NNP || t == NNPS }

// IsAdj reports whether t is one of the JJ* tags.
func (t Tag) IsAdj() bool { return t >= JJ && t <= JJS }
