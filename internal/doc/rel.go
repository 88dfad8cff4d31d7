package doc

// Rel is a Universal Dependencies relation: the label of the arc from a
// token to its head. The zero Rel means "not parsed". Subtypes that event
// coding reads (the passive subject, the agent of a passive, relative
// clauses, bare time and measure obliques, possessives, particles) are
// kept; other subtypes are folded into their base relation.
type Rel uint8

// The relations.
const (
	NoRel Rel = iota
	RelRoot
	RelNsubj
	RelNsubjPass // nsubj:pass
	RelObj
	RelIobj
	RelCsubj
	RelCsubjPass // csubj:pass
	RelCcomp
	RelXcomp
	RelObl
	RelOblAgent    // obl:agent, "by X" of a passive
	RelOblUnmarked // obl:unmarked, a bare noun ("today", "last week")
	RelVocative
	RelExpl
	RelDislocated
	RelAdvcl
	RelAdvmod
	RelDiscourse
	RelAux
	RelAuxPass // aux:pass
	RelCop
	RelMark
	RelNmod
	RelNmodPoss     // nmod:poss, "Iran's"
	RelNmodUnmarked // nmod:unmarked
	RelAppos
	RelNummod
	RelAcl
	RelAclRelcl // acl:relcl
	RelAmod
	RelDet
	RelClf
	RelCase
	RelConj
	RelCc
	RelFixed
	RelFlat
	RelCompound
	RelCompoundPrt // compound:prt, "carried out"
	RelList
	RelParataxis
	RelOrphan
	RelGoeswith
	RelReparandum
	RelPunct
	RelDep
	NumRels // number of relations, for sizing tables
)

var relNames = [NumRels]string{
	"", "root", "nsubj", "nsubj:pass", "obj", "iobj", "csubj", "csubj:pass",
	"ccomp", "xcomp", "obl", "obl:agent", "obl:unmarked", "vocative", "expl",
	"dislocated", "advcl", "advmod", "discourse", "aux", "aux:pass", "cop",
	"mark", "nmod", "nmod:poss", "nmod:unmarked", "appos", "nummod", "acl",
	"acl:relcl", "amod", "det", "clf", "case", "conj", "cc", "fixed", "flat",
	"compound", "compound:prt", "list", "parataxis", "orphan", "goeswith",
	"reparandum", "punct", "dep",
}

// String returns the UD name of the relation ("nsubj:pass").
func (r Rel) String() string {
	if r < NumRels {
		return relNames[r]
	}
	return "?"
}

// Base returns the relation without its subtype (nsubj for nsubj:pass).
func (r Rel) Base() Rel {
	switch r {
	case RelNsubjPass:
		return RelNsubj
	case RelCsubjPass:
		return RelCsubj
	case RelOblAgent, RelOblUnmarked:
		return RelObl
	case RelAuxPass:
		return RelAux
	case RelNmodPoss, RelNmodUnmarked:
		return RelNmod
	case RelAclRelcl:
		return RelAcl
	case RelCompoundPrt:
		return RelCompound
	}
	return r
}

// ParseRel returns the Rel of a UD relation name. A subtype dyad does not
// keep gives its base relation ("obl:tmod" is obl); an unknown name gives
// RelDep and false.
func ParseRel(s string) (Rel, bool) {
	for i, n := range relNames {
		if n == s && i > 0 {
			return Rel(i), true
		}
	}
	for i := 0; i < len(s); i++ {
		if s[i] == ':' {
			return ParseRel(s[:i])
		}
	}
	return RelDep, false
}
