package clause

import "dyad/internal/doc"

// Voice is active or passive.
type Voice uint8

const (
	Active Voice = iota
	Passive
)

func (v Voice) String() string {
	if v == Passive {
		return "passive"
	}
	return "active"
}

// Modality is how the verb group commits the writer to the event.
type Modality uint8

const (
	Asserted     Modality = iota // "refused", "has refused"
	Future                       // "will attack", "is going to attack"
	Hypothetical                 // "may attack", "would attack", "could", "should", "if ... attacks"
	Intent                       // "plans to", "wants to", "intends to", "threatens to" (set on the complement)
)

var modalityNames = [...]string{"asserted", "future", "hypothetical", "intent"}

func (m Modality) String() string {
	if int(m) < len(modalityNames) {
		return modalityNames[m]
	}
	return "?"
}

// NP is a noun-phrase chunk: tokens [First, Last) of the sentence, its
// head (the last noun, or the pronoun), and for coordinations ("Saudi
// Arabia and the UAE") the member phrases.
type NP struct {
	First, Last int
	Head        int
	Members     []int // indexes into Parse.NPs of coordinated members; empty for a simple NP
	Possessor   int   // index into Parse.NPs of "Iran's" in "Iran's leader", or -1
	// Appos is the appositive that describes this phrase between commas
	// ("Johannes Hahn, [the EU commissioner],"), or -1.
	Appos int
}

// Arg is a prepositional argument: the preposition's lemma and its NP.
type Arg struct {
	Prep string // lowercase: "with", "against", "from"
	Tok  int    // the preposition's token
	NP   int    // index into Parse.NPs
}

// Predicate is one verb group and its arguments. NP fields are indexes
// into Parse.NPs, -1 when absent; predicate fields index Parse.Preds.
type Predicate struct {
	First, Last int    // verb group tokens [First, Last), auxiliaries included
	Head        int    // the main verb's token
	Lemma       string // the main verb's lemma, with its particle: "rule out"
	Voice       Voice
	Negated     bool
	Modality    Modality
	Subject     int // NP
	Object      int // NP (for a passive, the NP in subject position stays Subject)
	Agent       int // NP of "by ..." in a passive
	Args        []Arg
	Xcomp       int  // the infinitive complement: "refused [to join]"
	Comp        int  // the clausal complement of a verb of saying: "said [the US offered]"
	Parent      int  // the predicate this one complements, -1 for a main clause
	Infinitive  bool // "to join": its subject is inherited from the parent
	Finite      bool // the group has a tensed verb or a modal ("refused", "will go")
	Speech      bool // a verb of saying or reporting
}

// Parse is the clause analysis of one sentence.
type Parse struct {
	NPs   []NP
	Preds []Predicate
	// NPOf[i] is the NP that token i belongs to, or -1.
	NPOf []int
}

// tokenTag is a shorthand used by the chunker.
func tagAt(toks []doc.Token, i int) doc.Tag {
	if i < 0 || i >= len(toks) {
		return doc.NoTag
	}
	return toks[i].Tag
}
