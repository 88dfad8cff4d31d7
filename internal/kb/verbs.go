package kb

import (
	"fmt"
	"iter"
	"strings"
)

// ElemKind is the kind of one element of a verb pattern.
type ElemKind uint8

const (
	// NounElem: a noun that must head the verb's object or an argument.
	NounElem ElemKind = iota
	// ToElem: "to W": an infinitive complement with verb W, or a
	// "to"-phrase headed by noun W.
	ToElem
	// PrepElem: a preposition whose object is the target ("travel + to").
	PrepElem
	// PrepNounElem: a prepositional phrase with that noun ("accuse + of + war crime").
	PrepNounElem
)

// Elem is one "+"-separated element of a pattern after the verb.
type Elem struct {
	Kind ElemKind
	Prep string // for PrepElem, PrepNounElem
	Word string // noun (or verb for ToElem), lowercase lemma; several words allowed
	// Words is Word split at spaces, for matching without allocating.
	Words []string
	// Inner is true for elements after a ToElem: they apply to the
	// infinitive's arguments ("pledge + to use + airstrike").
	Inner bool
}

// Pattern maps a verb with some arguments to a CAMEO code.
type Pattern struct {
	Code    string // CAMEO code; "" for a discard pattern
	Verb    string // verb lemma with its particle: "turn down"
	Elems   []Elem
	Text    string // as written, for --explain
	File    string
	Line    int
	Discard bool
	// AnyPrep lets the target be the object of any preposition after the
	// verb, not only of those that usually name one (against, with, to,
	// ...): PETRARCH takes the first actor of the verb phrase. Set for
	// patterns from TABARI/PETRARCH files.
	AnyPrep bool
	// Reverse is the code of the paired event, target to source, of a
	// TABARI/PETRARCH [xxx:yyy] code ("left for": 032 visit, 033 host a
	// visit); "" for none.
	Reverse string
	// Forms are the written forms a TABARI/PETRARCH verb file lists for
	// the verb (its entry and the irregular forms in braces): a verb
	// written so finds this pattern before the patterns of its lemma
	// ("left" is LEFT's, not LEAVE's).
	Forms []string
	// Seq is the pattern as PETRARCH matches it, for patterns from
	// TABARI/PETRARCH files: when set, it decides whether the pattern
	// fits, not Elems.
	Seq *Seq
}

// Verbs holds verb patterns by verb lemma.
type Verbs struct {
	byVerb   map[string][]int
	byForm   map[string][]int // written forms of TABARI/PETRARCH verbs
	Patterns []Pattern
	// Validate, when set, checks a CAMEO code; patterns with a code it
	// rejects are reported and dropped.
	Validate func(code string) bool
}

// NewVerbs returns an empty pattern set.
func NewVerbs() *Verbs { return &Verbs{byVerb: map[string][]int{}} }

// For returns the patterns of a verb lemma ("refuse", "rule out"),
// without copying them.
func (v *Verbs) For(lemma string) iter.Seq[*Pattern] {
	return func(yield func(*Pattern) bool) {
		for _, k := range v.byVerb[lemma] {
			if !yield(&v.Patterns[k]) {
				return
			}
		}
	}
}

// HasForms reports whether any verb is indexed by written form (a
// TABARI/PETRARCH verbs file was loaded): callers skip building forms
// otherwise.
func (v *Verbs) HasForms() bool { return len(v.byForm) > 0 }

// Find returns the indexes (into Patterns) of the patterns of a
// predicate: those of the verb's written form (lowercase, with its
// particle: "broke down") when a TABARI/PETRARCH file lists that form,
// else those of its lemma. form may be "" when HasForms is false. The
// slice is the index's own: read it, do not keep or change it.
func (v *Verbs) Find(form, lemma string) []int {
	if form != "" {
		if ks := v.byForm[form]; len(ks) > 0 {
			return ks
		}
	}
	return v.byVerb[lemma]
}

// Has reports whether a verb lemma has patterns.
func (v *Verbs) Has(lemma string) bool { return len(v.byVerb[lemma]) > 0 }

// Phrasal returns the indexes of the patterns of a verb of two words
// written apart ("cordoned off"): by written form when a TABARI/PETRARCH
// file lists it (form, "" to skip), else by lemma and next word ("cordon
// off"); nil when there are none. It does not allocate.
func (v *Verbs) Phrasal(form, lemma, next string) []int {
	if form != "" {
		if ks := v.byForm[form]; len(ks) > 0 {
			return ks
		}
	}
	var buf [64]byte
	key := append(append(append(buf[:0], lemma...), ' '), next...)
	for i, c := range key {
		if c >= 'A' && c <= 'Z' {
			key[i] = c + 'a' - 'A'
		}
	}
	return v.byVerb[string(key)]
}

// add appends a pattern and indexes it by verb and written forms.
func (v *Verbs) add(p Pattern) {
	v.Patterns = append(v.Patterns, p)
	k := len(v.Patterns) - 1
	v.byVerb[p.Verb] = append(v.byVerb[p.Verb], k)
	if len(p.Forms) > 0 && v.byForm == nil {
		v.byForm = map[string][]int{}
	}
	for _, f := range p.Forms {
		v.byForm[f] = append(v.byForm[f], k)
	}
}

// Len returns the number of patterns.
func (v *Verbs) Len() int { return len(v.Patterns) }

// prepositions that open a prepositional element.
var prepositions = map[string]bool{
	"with": true, "against": true, "to": true, "on": true, "at": true, "from": true,
	"for": true, "into": true, "of": true, "about": true, "over": true, "in": true,
	"by": true, "toward": true, "towards": true, "upon": true, "onto": true,
	"across": true, "through": true, "between": true, "among": true, "under": true,
	"after": true, "behind": true, "near": true, "inside": true, "within": true,
	"without": true, "off": true, "out of": true, "as": true, "alongside": true,
}

// addBlock adds the patterns of one verbs-file block: header CAMEO code
// (or DISCARD), field "pattern:".
func (v *Verbs) addBlock(b *Block) []error {
	discard := b.Code == "DISCARD"
	if !discard && v.Validate != nil && !v.Validate(b.Code) {
		return []error{fmt.Errorf("%s:%d: unknown CAMEO code %q", b.File, b.Line, b.Code)}
	}
	var errs []error
	for _, f := range b.Fields {
		if f.Key != "pattern" {
			continue
		}
		for _, text := range f.Values {
			p, err := ParsePattern(text)
			if err != nil {
				errs = append(errs, fmt.Errorf("%s:%d: %w", b.File, f.Line, err))
				continue
			}
			p.File, p.Line, p.Discard = b.File, f.Line, discard
			if !discard {
				p.Code = b.Code
			}
			v.Patterns = append(v.Patterns, p)
			v.byVerb[p.Verb] = append(v.byVerb[p.Verb], len(v.Patterns)-1)
		}
	}
	return errs
}

// ParsePattern reads one pattern: VERB [PARTICLE] { " + " ELEMENT }.
func ParsePattern(text string) (Pattern, error) {
	p := Pattern{Text: text}
	parts := strings.Split(text, "+")
	for i := range parts {
		parts[i] = strings.Join(strings.Fields(strings.ToLower(parts[i])), " ")
		if parts[i] == "" {
			return p, fmt.Errorf("pattern %q: empty element", text)
		}
	}
	p.Verb = parts[0]
	if strings.ContainsAny(p.Verb, "&$*%()") {
		return p, fmt.Errorf("pattern %q: bad verb %q", text, p.Verb)
	}
	inner := false
	for _, el := range parts[1:] {
		words := strings.Fields(el)
		e := Elem{Inner: inner}
		switch {
		case words[0] == "to" && len(words) == 1:
			e.Kind, e.Prep = PrepElem, "to"
		case words[0] == "to":
			e.Kind, e.Word = ToElem, strings.Join(words[1:], " ")
			inner = true
		case prepositions[words[0]] && len(words) == 1:
			e.Kind, e.Prep = PrepElem, words[0]
		case prepositions[words[0]]:
			e.Kind, e.Prep, e.Word = PrepNounElem, words[0], strings.Join(words[1:], " ")
		default:
			e.Kind, e.Word = NounElem, el
			// "accuse + of + war crime" is "accuse + of war crime".
			if n := len(p.Elems); n > 0 && p.Elems[n-1].Kind == PrepElem && p.Elems[n-1].Inner == inner {
				p.Elems[n-1].Kind, p.Elems[n-1].Word = PrepNounElem, el
				continue
			}
		}
		p.Elems = append(p.Elems, e)
	}
	for i := range p.Elems {
		p.Elems[i].Words = strings.Fields(p.Elems[i].Word)
	}
	return p, nil
}
