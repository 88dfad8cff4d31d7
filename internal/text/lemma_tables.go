package text

import (
	_ "embed"
	"fmt"
	"strings"
	"sync"

	"dyad/internal/doc"
)

// lemmaIrregular is the table of irregular forms and word sets; its header
// comment describes the format.
//
//go:embed lemma_irregular.txt
var lemmaIrregular string

// lemmaTables is the compiled form of lemma_irregular.txt. It is built once
// and only read afterwards, so every Lemmatizer shares it.
type lemmaTables struct {
	// byTag maps a lowercase form to its lemma, per tag.
	byTag [doc.NumTags]map[string]string

	sameNoun   map[string]bool // [same-noun]
	eWords     map[string]bool // [e-words]
	eStems     map[string]bool // the [e-words] less their final e
	noE        map[string]bool // [no-e]
	double     map[string]bool // [double]
	keepDouble map[string]bool // [keep-double]
	// properAdjs maps a lowercase adjective of [proper-adj] to the form
	// written in the table: capitalised when always capitalised.
	properAdjs map[string]string

	// intern maps a lowercase word to a shared copy of itself: every lemma
	// of the tables and the words of [intern].
	intern map[string]string
}

// lemmaData returns the compiled tables, building them on first use.
var lemmaData = sync.OnceValue(func() *lemmaTables {
	t, err := parseLemmaTables(lemmaIrregular)
	if err != nil {
		panic(err) // the table is embedded: a test catches this before release
	}
	return t
})

// parseLemmaTables compiles the text of lemma_irregular.txt.
func parseLemmaTables(src string) (*lemmaTables, error) {
	t := &lemmaTables{
		sameNoun:   map[string]bool{},
		eWords:     map[string]bool{},
		eStems:     map[string]bool{},
		noE:        map[string]bool{},
		double:     map[string]bool{},
		keepDouble: map[string]bool{},
		properAdjs: map[string]string{},
		intern:     map[string]string{},
	}
	sets := map[string]map[string]bool{
		"same-noun":   t.sameNoun,
		"e-words":     t.eWords,
		"no-e":        t.noE,
		"double":      t.double,
		"keep-double": t.keepDouble,
		"proper-adj":  nil, // handled below
		"intern":      nil,
	}
	var (
		tags    []doc.Tag       // current tag section
		set     map[string]bool // current set section
		inIntrn bool
		inAdj   bool
		started bool
	)
	for n, line := range strings.Split(src, "\n") {
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		fields := strings.Fields(line)
		if len(fields) == 0 {
			continue
		}
		if strings.HasPrefix(fields[0], "[") {
			head := strings.Trim(line, " \t[]")
			tags, set, inIntrn, inAdj, started = nil, nil, false, false, true
			if s, ok := sets[head]; ok {
				set, inIntrn, inAdj = s, head == "intern", head == "proper-adj"
				continue
			}
			for _, name := range strings.Fields(head) {
				tg, ok := doc.ParseTag(name)
				if !ok {
					return nil, fmt.Errorf("text: lemma_irregular.txt:%d: unknown tag or set %q", n+1, name)
				}
				tags = append(tags, tg)
			}
			continue
		}
		if !started {
			return nil, fmt.Errorf("text: lemma_irregular.txt:%d: entry before any section", n+1)
		}
		switch {
		case inIntrn:
			for _, w := range fields {
				t.internWord(w)
			}
		case inAdj:
			for _, w := range fields {
				t.properAdjs[strings.ToLower(w)] = w
			}
		case set != nil:
			for _, w := range fields {
				set[w] = true
			}
		default:
			if len(fields) < 2 {
				return nil, fmt.Errorf("text: lemma_irregular.txt:%d: lemma %q has no forms", n+1, fields[0])
			}
			lemma := t.internWord(fields[0])
			for _, tg := range tags {
				m := t.byTag[tg]
				if m == nil {
					m = map[string]string{}
					t.byTag[tg] = m
				}
				for _, f := range fields[1:] {
					m[f] = lemma
				}
			}
		}
	}
	for w := range t.eWords {
		if len(w) > 1 && w[len(w)-1] == 'e' {
			t.eStems[w[:len(w)-1]] = true
		}
	}
	return t, nil
}

// internWord records w as a shared string and returns the shared copy.
func (t *lemmaTables) internWord(w string) string {
	if s, ok := t.intern[w]; ok {
		return s
	}
	t.intern[w] = w
	return w
}
