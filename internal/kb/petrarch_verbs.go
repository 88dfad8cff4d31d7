package kb

import (
	"fmt"
	"io"
	"strings"
)

// PETRARCHVerbs is a TABARI/PETRARCH verbs file (CAMEO.2.0.txt):
//
//	&CEASEFIRE                           a synset: '+' members, '&' nesting
//	+TRUCE
//	+CEASE_FIRE
//
//	---  ACCELERATE   [---]  ---         a block: its name and default code
//	ACCELERATE                           the block's verbs, base forms,
//	HURRY {HURRIES HURRYING HURRIED }    irregular forms in braces,
//	+CALL_OFF [160]                      '+' for several words, own codes
//	- * (TO BORDER)       [154]          patterns, '*' the verb,
//	- * &CEASEFIRE        [0356]         '&' a synset,
//	- $ * OFF (FROM ^)    [042:043]      '$' source, '+' target, '%'
//	                                     compound, '^' skipped words,
//	                                     (PREP ...) a phrase, {A B} words
//	                                     of one noun phrase
//
// Every pattern of a block applies to every verb of the block. A code
// [xxx:yyy] is a paired event (source to target xxx, target to source
// yyy); [---] codes nothing. A file without "---" headers (TABARI's
// older layout) makes each verb line a block of its own.
type PETRARCHVerbs struct {
	File    string
	Synsets map[string][]string // name (no '&', no trailing '_') -> members as written
	Blocks  []PETRARCHVerbBlock
	// Transformations lists the lines of "~ ..." transformations, read
	// but not used.
	Transformations []int
}

// PETRARCHVerbBlock is one "--- NAME [code] ---" block.
type PETRARCHVerbBlock struct {
	Line       int
	Name, Code string
	Verbs      []PETRARCHVerb
	Patterns   []PETRARCHPattern
}

// PETRARCHVerb is one verb of a block: base form, lowercase, words
// separated by spaces ("call off"), and its own code ("" for the block's).
type PETRARCHVerb struct {
	Line       int
	Verb, Code string
	// Pre are words that come before the verb, lowercase ("wire" of
	// WIRE_+TAP: the '+' marks the verb's own word).
	Pre []string
	// Forms are the irregular forms listed in braces, lowercase, words
	// separated by spaces ("broke down").
	Forms []string
}

// PETRARCHPattern is one "- pattern [code]" line, text as written.
type PETRARCHPattern struct {
	Line       int
	Text, Code string
}

// MaxSynsetExpansion caps the patterns one pattern line gives per verb
// when its synsets are expanded; the rest are counted, not made.
const MaxSynsetExpansion = 50

// ParsePETRARCHVerbs reads a TABARI/PETRARCH verbs file. Bad lines are
// reported as *ParseError and skipped; a bad block header skips the lines
// of its block.
func ParsePETRARCHVerbs(r io.Reader, file string) (*PETRARCHVerbs, []error) {
	d := &PETRARCHVerbs{File: file, Synsets: map[string][]string{}}
	var errs []error
	errorf := func(line int, format string, args ...any) {
		errs = append(errs, &ParseError{File: file, Line: line, Msg: fmt.Sprintf(format, args...)})
	}
	var (
		block     *PETRARCHVerbBlock // nil before the first block
		synset    string             // synset being filled, "" for none
		headers   bool               // a "---" header was seen
		badHeader bool               // skip lines up to the next header
	)
	cur := func() *PETRARCHVerbBlock {
		if block == nil {
			return nil
		}
		return &d.Blocks[len(d.Blocks)-1]
	}
	rerrs := readPETRLines(r, file, func(line int, s string, _ bool) {
		t := strings.TrimSpace(s)
		if t[0] != '+' {
			synset = ""
		}
		switch {
		case strings.HasPrefix(t, "---"):
			headers, badHeader = true, false
			name, code, err := parseVerbHeader(t)
			if err != nil {
				errorf(line, "%v", err)
				badHeader = true
				return
			}
			d.Blocks = append(d.Blocks, PETRARCHVerbBlock{Line: line, Name: name, Code: code})
			block = &d.Blocks[len(d.Blocks)-1]
		case t[0] == '&':
			name := synsetName(t)
			if name == "" || strings.ContainsAny(name, " \t&[]{}()") {
				errorf(line, "bad synset name %q", clip(t))
				return
			}
			synset = name
			d.Synsets[name] = d.Synsets[name][:0]
		case t[0] == '+' && synset != "":
			m := strings.TrimSpace(t[1:])
			if m == "" {
				errorf(line, "empty synset member")
				return
			}
			d.Synsets[synset] = append(d.Synsets[synset], m)
		case t[0] == '~':
			// A PETRARCH2 transformation ("~ a (a b ATTACK) SAY = a b
			// 015"): rewrites of coded events, which dyad does not do.
			d.Transformations = append(d.Transformations, line)
		case badHeader:
		case t[0] == '-':
			b := cur()
			if b == nil {
				errorf(line, "pattern before any verb block")
				return
			}
			text, code, err := splitCode(t[1:])
			if err != nil {
				errorf(line, "%v", err)
				return
			}
			if code == "" {
				errorf(line, "pattern %q has no [code]", clip(text))
				return
			}
			b.Patterns = append(b.Patterns, PETRARCHPattern{Line: line, Text: text, Code: code})
		default:
			head, code, err := splitCode(t)
			if err != nil {
				errorf(line, "%v", err)
				return
			}
			var forms []string
			if i := strings.IndexByte(head, '{'); i >= 0 {
				if !strings.HasSuffix(strings.TrimSpace(head), "}") {
					errorf(line, "verb forms %q are not closed by '}'", clip(head[i:]))
					return
				}
				inner := strings.TrimSuffix(strings.TrimSpace(head[i+1:]), "}")
				for f := range strings.FieldsSeq(inner) {
					_, f = splitPre(f)
					if f = strings.ToLower(petrPhrase(strings.ReplaceAll(f, "+", " "))); f != "" {
						forms = append(forms, f)
					}
				}
				head = head[:i]
			}
			pre, head := splitPre(strings.TrimSpace(head))
			verb := strings.ToLower(petrPhrase(strings.ReplaceAll(head, "+", " ")))
			if verb == "" || strings.ContainsAny(verb, "*$%^&()[]{}") {
				errorf(line, "bad verb %q", clip(t))
				return
			}
			if !headers {
				// TABARI layout: each verb line is a block.
				d.Blocks = append(d.Blocks, PETRARCHVerbBlock{Line: line, Name: strings.ToUpper(verb), Code: nullCode})
				block = &d.Blocks[len(d.Blocks)-1]
			}
			b := cur()
			if b == nil {
				errorf(line, "verb %q outside a verb block", clip(verb))
				return
			}
			b.Verbs = append(b.Verbs, PETRARCHVerb{Line: line, Verb: verb, Code: code, Forms: forms, Pre: pre})
		}
	})
	return d, byLine(append(errs, rerrs...))
}

// splitPre splits a verb written with words before its own word, which
// a '+' marks ("WIRE_+TAP"), into those words (lowercase) and the rest
// ("TAP"). A leading '+' ("+CALL_OFF") marks a verb of several words.
func splitPre(v string) ([]string, string) {
	i := strings.IndexByte(v, '+')
	if i <= 0 {
		return nil, v
	}
	var pre []string
	for _, w := range petrWords(v[:i]) {
		pre = append(pre, strings.ToLower(w))
	}
	return pre, v[i+1:]
}

// synsetName is the name of a synset definition or reference: no '&', no
// trailing '_', capitals.
func synsetName(t string) string {
	return strings.ToUpper(strings.TrimRight(strings.TrimSpace(strings.TrimPrefix(t, "&")), "_"))
}

// parseVerbHeader reads "--- NAME [code] ---".
func parseVerbHeader(t string) (name, code string, err error) {
	body := strings.TrimRight(strings.TrimPrefix(t, "---"), "- \t") // "[110]---  ---" too
	name, code, err = splitCode(body)
	if err != nil {
		return "", "", err
	}
	name = petrPhrase(name)
	if name == "" || code == "" {
		return "", "", fmt.Errorf("bad verb block header %q (want --- NAME [code] ---)", clip(t))
	}
	return name, code, nil
}

// splitCode splits "text [code]" at its last '['; the code is "" when
// there is none. Nothing may follow the ']'.
func splitCode(s string) (text, code string, err error) {
	i := strings.LastIndexByte(s, '[')
	if i < 0 {
		if strings.ContainsRune(s, ']') {
			return "", "", fmt.Errorf("']' without '[' in %q", clip(s))
		}
		return strings.TrimSpace(s), "", nil
	}
	j := strings.IndexByte(s[i:], ']')
	if j < 0 {
		return "", "", fmt.Errorf("code %q has no closing ']'", clip(s[i:]))
	}
	if rest := strings.TrimSpace(s[i+j+1:]); rest != "" {
		return "", "", fmt.Errorf("unexpected %q after the code", clip(rest))
	}
	code = strings.ToUpper(strings.ReplaceAll(s[i+1:i+j], " ", ""))
	if code == "" {
		return "", "", fmt.Errorf("empty code []")
	}
	for _, c := range []byte(code) {
		if !(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c == ':' || c == '-') {
			return "", "", fmt.Errorf("bad code [%s]", clip(s[i+1:i+j]))
		}
	}
	return strings.TrimSpace(s[:i]), code, nil
}

// Reasons a pattern line gives no dyad pattern.
const (
	whyBeforeVerb = "words or markers before the verb"
	whySource     = "source ($) after the verb"
	whyCompound   = "compound actor (%)"
	whyTargetIn   = "target (+) inside a phrase with words"
	whyStar       = "no single verb position (*)"
	whyBrackets   = "unbalanced or nested brackets"
	whyReverse    = "reverse-only paired code [:xxx]"
	whyCode       = "not a CAMEO code"
	whySynset     = "unknown or looping synset"
)

// pureParticles are words that after a verb make a phrasal verb and are
// never prepositions ("set out", "put forward").
var pureParticles = map[string]bool{
	"out": true, "up": true, "down": true, "back": true, "forward": true, "away": true,
	"aside": true, "together": true, "apart": true, "ahead": true, "around": true,
}

// Patterns converts the dictionary to dyad patterns: for every verb, its
// bare pattern with its code (or the block's), and for every pattern line
// one pattern per synset member (up to max per verb), the words after the
// verb as elements. Lines dyad's pattern language cannot express are
// counted in the summary by reason; unknown synsets are errors. validate,
// when not nil, checks the CAMEO codes.
func (d *PETRARCHVerbs) Patterns(validate func(string) bool, max int) ([]Pattern, PETRARCHSummary, []error) {
	sum := PETRARCHSummary{File: d.File, Kind: "verbs", SkippedByWhy: map[string]int{}}
	// The synsets of every pattern line expanded first, so that the
	// patterns go into one slice of the right size: Pattern is large and
	// holds pointers, and growing a slice of 190,000 of them from empty
	// took a third of the Phoenix load time (BenchmarkLoadPhoenix).
	type expansion struct {
		alts  [][]string
		total int
		err   error
	}
	x := expander{d: d, max: max}
	expanded := make([][]expansion, len(d.Blocks))
	n := 0
	for bi := range d.Blocks {
		b := &d.Blocks[bi]
		expanded[bi] = make([]expansion, len(b.Patterns))
		for pi := range b.Patterns {
			e := &expanded[bi][pi]
			e.alts, e.total, e.err = x.expand(petrSeqTokens(b.Patterns[pi].Text), 0)
			n += len(e.alts) * len(b.Verbs)
		}
		n += len(b.Verbs)
	}
	out := make([]Pattern, 0, n)
	var errs []error
	goodCode := func(c string) bool {
		if len(c) < 2 || len(c) > 4 || c[0] < '0' || c[0] > '9' {
			return false
		}
		for _, b := range []byte(c) {
			// Unchecked files keep WEIS-era codes such as 174K.
			if (b < '0' || b > '9') && (validate != nil || b < 'A' || b > 'Z') {
				return false
			}
		}
		return validate == nil || validate(c)
	}
	for bi := range d.Blocks {
		b := &d.Blocks[bi]
		sum.VerbBlocks++
		sum.Verbs += len(b.Verbs)
		// The written forms of each verb, shared by its patterns.
		forms := make([][]string, len(b.Verbs))
		for vi := range b.Verbs {
			forms[vi] = b.Verbs[vi].forms("")
		}
		for vi, v := range b.Verbs {
			code := v.Code
			if code == "" {
				code = b.Code
			}
			full := code
			code, reverse, _ := strings.Cut(code, ":")
			if !goodCode(reverse) {
				reverse = ""
			}
			if goodCode(code) {
				out = append(out, Pattern{Code: code, Reverse: reverse, Verb: v.Verb, Text: v.Verb + " [" + full + "]",
					File: d.File, Line: v.Line, AnyPrep: true, Forms: forms[vi], Seq: v.withPre(nil)})
				sum.Patterns++
			}
		}
		for pi, pl := range b.Patterns {
			sum.PatternLines++
			skip := func(why string) {
				sum.SkippedLines++
				sum.SkippedByWhy[why]++
			}
			code, reverse, paired := strings.Cut(pl.Code, ":")
			discard := code == nullCode
			switch {
			case code == "" && paired:
				skip(whyReverse)
				continue
			case !discard && !goodCode(code):
				skip(whyCode)
				continue
			}
			if paired && reverse != "" {
				sum.PairedCodes++
			}
			text := "- " + pl.Text + " [" + pl.Code + "]" // shared by the line's patterns
			alts, total, err := expanded[bi][pi].alts, expanded[bi][pi].total, expanded[bi][pi].err
			if err != nil {
				errs = append(errs, &ParseError{File: d.File, Line: pl.Line, Msg: err.Error()})
				skip(whySynset)
				continue
			}
			if total > len(alts) {
				sum.CappedAtLimit += (total - len(alts)) * len(b.Verbs)
			}
			made, why := 0, ""
			for _, toks := range alts {
				seq, ok := buildSeq(toks)
				if !ok {
					why = whyStar
					continue
				}
				// The elements say what the pattern means in dyad's terms
				// where they can; PETRARCH's sequence is what is matched.
				_, elems, w := convertPETRPattern(plainTokens(toks))
				if w != "" {
					elems = nil
					sum.SequenceOnly++
				}
				// The sequence has the particle as a word after the verb:
				// the pattern stays with the verb as listed.
				particle := ""
				for vi, v := range b.Verbs {
					p := Pattern{Verb: v.Verb, Elems: elems, Text: text,
						File: d.File, Line: pl.Line, Discard: discard, AnyPrep: true, Forms: forms[vi], Seq: v.withPre(seq)}
					if particle != "" {
						p.Verb += " " + particle
					}
					if !discard {
						p.Code = code
						if goodCode(reverse) {
							p.Reverse = reverse
						}
					}
					out = append(out, p)
					made++
				}
			}
			sum.Patterns += made
			if made == 0 && why != "" {
				skip(why)
			}
		}
	}
	return out, sum, errs
}

// withPre returns seq with the verb's own words before it (WIRE_+TAP:
// "wire" right before "tap"); seq itself when the verb has none, and nil
// for a nil seq of a verb without them.
func (v *PETRARCHVerb) withPre(seq *Seq) *Seq {
	if len(v.Pre) == 0 {
		return seq
	}
	out := &Seq{}
	if seq != nil {
		out.After = seq.After
	}
	for i := len(v.Pre) - 1; i >= 0; i-- {
		out.Before = append(out.Before, SeqTok{Word: v.Pre[i], Next: true})
	}
	if seq != nil {
		out.Before = append(out.Before, seq.Before...)
	}
	return out
}

// forms returns the written forms of the verb with a particle after
// each: the verb as listed and its irregular forms.
func (v *PETRARCHVerb) forms(particle string) []string {
	out := make([]string, 0, 1+len(v.Forms))
	for _, f := range append([]string{v.Verb}, v.Forms...) {
		if particle != "" {
			f += " " + particle
		}
		out = append(out, f)
	}
	return out
}

// petrTokens splits a pattern into tokens: words ('_' joins words as a
// space does), and the marks * $ + % ^ ( ) { } each a token.
func petrTokens(s string) []string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '_':
			b.WriteByte(' ')
		case '*', '$', '%', '^', '(', ')', '{', '}':
			b.WriteByte(' ')
			b.WriteByte(c)
			b.WriteByte(' ')
		case '+':
			// a mark when it stands alone or before/after a separator
			b.WriteString(" + ")
		default:
			b.WriteByte(c)
		}
	}
	return strings.Fields(b.String())
}

// expander expands the synsets of a pattern's tokens.
type expander struct {
	d        *PETRARCHVerbs
	max      int
	visiting map[string]bool
}

// expand returns up to max token lists, one per combination of synset
// members, and how many combinations there are in all.
func (x *expander) expand(toks []string, depth int) ([][]string, int, error) {
	out := [][]string{nil}
	total := 1
	for _, t := range toks {
		joined := strings.HasPrefix(t, "_")
		if !strings.HasPrefix(strings.TrimPrefix(t, "_"), "&") {
			for i := range out {
				out[i] = append(out[i], t)
			}
			continue
		}
		name := synsetName(strings.TrimPrefix(t, "_"))
		members, ok := x.d.Synsets[name]
		if !ok || len(members) == 0 {
			return nil, 0, fmt.Errorf("unknown synset &%s", clip(name))
		}
		if x.visiting == nil {
			x.visiting = map[string]bool{}
		}
		if x.visiting[name] || depth > 8 {
			return nil, 0, fmt.Errorf("synset &%s contains itself", clip(name))
		}
		x.visiting[name] = true
		var alts [][]string
		n := 0
		for _, m := range members {
			mt := petrSeqTokens(m)
			if joined && len(mt) > 0 && !strings.HasPrefix(mt[0], "_") {
				mt[0] = "_" + mt[0] // "NEW_&TIETYPES": the member joins "NEW"
			}
			sub, k, err := x.expand(mt, depth+1)
			if err != nil {
				delete(x.visiting, name)
				return nil, 0, err
			}
			alts = append(alts, sub...)
			n += k
		}
		delete(x.visiting, name)
		total = min(total*n, 1<<30)
		var next [][]string
		for _, o := range out {
			for _, a := range alts {
				if len(next) == x.max {
					break
				}
				next = append(next, append(o[:len(o):len(o)], a...))
			}
		}
		out = next
	}
	return out, total, nil
}

// convertPETRPattern turns the tokens of one pattern (synsets expanded)
// into a particle for the verb and dyad elements, or says why it cannot:
//
//   - a lone '$' before '*' (the source is the subject) is dropped; any
//     other word or mark before the verb cannot be expressed;
//   - "(PREP)" and "(PREP +)" are a PrepElem (the target is its object),
//     "(PREP words)" a PrepNounElem; "(TO words)" likewise;
//   - bare words make one noun ({A B} too): a NounElem, or with a bare
//     preposition before them a PrepNounElem ("TO word": a ToElem, whose
//     followers are Inner); a bare preposition before '+' or at the end
//     is a PrepElem;
//   - a first word that is a particle ("OUT", "UP", "FORWARD"; "OFF" or
//     "OVER" with no noun after) joins the verb: "set out";
//   - '+' elsewhere is the object as target, dyad's default: dropped;
//     '^' (skip words) is dropped; '$' after the verb and '%' cannot be
//     expressed.
func convertPETRPattern(toks []string) (particle string, elems []Elem, why string) {
	star := -1
	for i, t := range toks {
		if t == "*" {
			if star >= 0 {
				return "", nil, whyStar
			}
			star = i
		}
	}
	if star < 0 {
		return "", nil, whyStar
	}
	if pre := toks[:star]; len(pre) > 1 || len(pre) == 1 && pre[0] != "$" {
		return "", nil, whyBeforeVerb
	}
	var (
		words []string // bare noun words waiting
		prep  string   // bare preposition before them
		inner bool
	)
	add := func(e Elem) {
		e.Inner = inner
		e.Words = strings.Fields(e.Word)
		elems = append(elems, e)
		if e.Kind == ToElem {
			inner = true
		}
	}
	flush := func(target bool) {
		w := strings.Join(words, " ")
		switch {
		case prep == "" && len(words) == 0:
		case prep == "":
			if len(elems) == 0 && particle == "" && pureParticles[words[0]] {
				particle, w = words[0], strings.Join(words[1:], " ")
			}
			if w != "" {
				add(Elem{Kind: NounElem, Word: w})
			}
		case len(words) == 0:
			if !target && len(elems) == 0 && particle == "" {
				particle = prep // "set off (for)": a particle
			} else {
				add(Elem{Kind: PrepElem, Prep: prep})
			}
		case prep == "to":
			add(Elem{Kind: ToElem, Word: w})
		default:
			add(Elem{Kind: PrepNounElem, Prep: prep, Word: w})
		}
		words, prep = words[:0], ""
	}
	rest := toks[star+1:]
	for i := 0; i < len(rest); i++ {
		t := rest[i]
		switch t {
		case "$":
			return "", nil, whySource
		case "%":
			return "", nil, whyCompound
		case "^":
		case "+":
			flush(true)
		case ")", "}":
			return "", nil, whyBrackets
		case "{":
			end := closeAt(rest, i, "}")
			if end < 0 {
				return "", nil, whyBrackets
			}
			for _, w := range rest[i+1 : end] {
				if isPETRMark(w) {
					return "", nil, whyBrackets
				}
				words = append(words, strings.ToLower(w))
			}
			i = end
		case "(":
			end := closeAt(rest, i, ")")
			if end < 0 || end == i+1 {
				return "", nil, whyBrackets
			}
			flush(false)
			p := strings.ToLower(rest[i+1])
			if isPETRMark(p) {
				return "", nil, whyBrackets
			}
			var in []string
			target := false
			for _, w := range rest[i+2 : end] {
				switch w {
				case "+":
					target = true
				case "$":
					return "", nil, whySource
				case "%":
					return "", nil, whyCompound
				case "^", "{", "}":
				case "(":
					return "", nil, whyBrackets
				default:
					in = append(in, strings.ToLower(w))
				}
			}
			switch {
			case target && len(in) > 0:
				return "", nil, whyTargetIn
			case pureParticles[p] && len(elems) == 0 && particle == "":
				particle = p // "(ASIDE RIFT)": "set aside" + rift
				if len(in) > 0 {
					add(Elem{Kind: NounElem, Word: strings.Join(in, " ")})
				}
			case len(in) == 0:
				add(Elem{Kind: PrepElem, Prep: p})
			default:
				add(Elem{Kind: PrepNounElem, Prep: p, Word: strings.Join(in, " ")})
			}
			i = end
		default:
			w := strings.ToLower(t)
			if prepositions[w] && !pureParticles[w] {
				flush(false)
				prep = w
				continue
			}
			words = append(words, w)
		}
	}
	flush(false)
	return particle, elems, ""
}

// closeAt returns the index of the token closing the bracket at i, or -1
// when it is not closed or another of its kind opens first. Braces may
// sit inside parentheses: "(OVER {&WEAPON ATTACK})".
func closeAt(toks []string, i int, close string) int {
	for j := i + 1; j < len(toks); j++ {
		switch toks[j] {
		case close:
			return j
		case "(", "{":
			if toks[j] == toks[i] || close == "}" {
				return -1
			}
		}
	}
	return -1
}

func isPETRMark(t string) bool {
	return len(t) == 1 && strings.ContainsAny(t, "*$+%^(){}")
}
