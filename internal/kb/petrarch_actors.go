package kb

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"
)

// PETRARCHActor is one record of a TABARI/PETRARCH actors file:
//
//	UNITED_STATES  [USA]
//	+USA
//	+U.S.
//	GOLLUM
//	+SMEAGOL
//		[HOB <950601]
//		[HOBGOV 19950601 - 19990815]
//		[HOBREB > 990816]
//
// A line that starts with anything but '+' or '[' (after blanks) starts a
// record with its phrase; '+' lines add synonyms; '[...]' groups, on the
// phrase line or on lines of their own, add codes.
type PETRARCHActor struct {
	Line    int      // line of the first phrase
	Phrases []string // words separated by single spaces, as written (capitals)
	Codes   []PETRARCHCode
	broken  bool // its code line was bad (reported): no "no code" error
}

// PETRARCHCode is one code of an actor with its date restriction:
// "[CODE]", "[CODE <DATE]" (before DATE), "[CODE >DATE]" (after DATE),
// "[CODE DATE-DATE]" (both days included). From and To are YYYY-MM-DD, ""
// when open. "---" is the null code: the actor is not coded.
type PETRARCHCode struct {
	Code     string
	From, To string
	Line     int
	from, to int // days, minDay/maxDay when open
}

const nullCode = "---"

func (c PETRARCHCode) dated() bool { return c.from != minDay || c.to != maxDay }

// ID is the actor's key: its first phrase with '_' between words, as the
// files name it (HAMID_KARZAI).
func (a *PETRARCHActor) ID() string {
	if len(a.Phrases) == 0 {
		return ""
	}
	return strings.ReplaceAll(a.Phrases[0], " ", "_")
}

// CodeRange is a code with the days it applies on (YYYY-MM-DD, inclusive,
// "" open).
type CodeRange struct {
	Code, From, To string
}

// Ranges resolves the actor's codes into disjoint date ranges, as
// PETRARCH chooses a code: on a date, the first dated code (in file order)
// whose range holds the date; on dates no dated code holds, the first
// undated code (the default). A later range is cut where an earlier one
// already holds, so at most one range applies on any date. Null codes
// ([---]) hold their dates but give no range; later undated codes are
// ignored.
func (a *PETRARCHActor) Ranges() []CodeRange {
	type span struct{ from, to int }
	var held []span // sorted, disjoint
	var out []CodeRange
	// free returns the parts of [from, to] that held does not cover.
	free := func(from, to int) []span {
		var parts []span
		cur := from
		for _, h := range held {
			if h.to < cur || h.from > to {
				continue
			}
			if h.from > cur {
				parts = append(parts, span{cur, h.from - 1})
			}
			if h.to >= to {
				return parts
			}
			cur = h.to + 1
		}
		return append(parts, span{cur, to})
	}
	hold := func(from, to int) {
		held = append(held, span{from, to})
		slices.SortFunc(held, func(a, b span) int { return cmp.Compare(a.from, b.from) })
		merged := held[:1]
		for _, h := range held[1:] {
			if last := &merged[len(merged)-1]; h.from <= last.to+1 {
				last.to = max(last.to, h.to)
			} else {
				merged = append(merged, h)
			}
		}
		held = merged
	}
	var def *PETRARCHCode
	for i := range a.Codes {
		c := &a.Codes[i]
		if !c.dated() {
			if def == nil {
				def = c
			}
			continue
		}
		for _, p := range free(c.from, c.to) {
			if c.Code != nullCode {
				out = append(out, CodeRange{c.Code, dayString(p.from), dayString(p.to)})
			}
		}
		hold(c.from, c.to)
	}
	if def != nil && def.Code != nullCode {
		for _, p := range free(minDay, maxDay) {
			out = append(out, CodeRange{def.Code, dayString(p.from), dayString(p.to)})
		}
	}
	return out
}

// ParsePETRARCHActors reads a TABARI/PETRARCH actors file. It returns
// every record with at least one phrase and one code, and an error
// ("file:line: what", a *ParseError) for each bad line or record without
// a code; a bad line is skipped and reading goes on.
func ParsePETRARCHActors(r io.Reader, file string) ([]PETRARCHActor, []error) {
	var actors []PETRARCHActor
	var errs []error
	var cur *PETRARCHActor
	flush := func() {
		if cur == nil {
			return
		}
		switch {
		case len(cur.Codes) > 0:
			actors = append(actors, *cur)
		case !cur.broken:
			errs = append(errs, &ParseError{File: file, Line: cur.Line, Msg: fmt.Sprintf("actor %q has no [code]", cur.Phrases[0])})
		}
		cur = nil
	}
	errorf := func(line int, format string, args ...any) {
		errs = append(errs, &ParseError{File: file, Line: line, Msg: fmt.Sprintf(format, args...)})
	}
	rerrs := readPETRLines(r, file, func(line int, s string, afterBlank bool) {
		t := strings.TrimSpace(s)
		phrase, codes := t, ""
		if i := strings.IndexByte(t, '['); i >= 0 {
			phrase, codes = strings.TrimSpace(t[:i]), t[i:]
		}
		synonym := strings.HasPrefix(phrase, "+")
		if synonym {
			phrase = phrase[1:]
		}
		cs, err := parseActorCodes(codes, line)
		if err != nil {
			// Keep the codes before the fault (a note after a code is
			// not worth the actor) and the phrase, so that its synonyms
			// do not join the actor before.
			errorf(line, "%v", err)
		}
		p := petrPhrase(phrase)
		switch {
		case p == "" && synonym:
			errorf(line, "empty synonym after '+'")
			return
		case p == "" && cur == nil:
			if err == nil {
				errorf(line, "code %s before any actor phrase", clip(codes))
			}
			return
		case p != "" && synonym && cur == nil:
			errorf(line, "synonym %q before any actor phrase", p)
			return
		case p != "" && !synonym && (cur == nil || len(cur.Codes) > 0 || afterBlank || err != nil):
			flush()
			cur = &PETRARCHActor{Line: line}
		}
		// else a phrase line right under a phrase with no code yet: a
		// synonym, as the files write names that share codes
		// ("IVO_JOSIPOVIC_" over "PRESIDENT_JOSIPOVIC_" over the codes).
		if p != "" {
			cur.Phrases = append(cur.Phrases, p)
		}
		cur.Codes = append(cur.Codes, cs...)
		cur.broken = cur.broken || err != nil
	})
	flush()
	return actors, byLine(append(errs, rerrs...))
}

// parseActorCodes reads the "[CODE ...]" groups that end an actor line.
func parseActorCodes(s string, line int) ([]PETRARCHCode, error) {
	var out []PETRARCHCode
	for s = strings.TrimSpace(s); s != ""; s = strings.TrimSpace(s) {
		if s[0] != '[' {
			return out, fmt.Errorf("unexpected %q after a code", clip(s))
		}
		end := strings.IndexByte(s, ']')
		if end < 0 {
			return out, fmt.Errorf("code %q has no closing ']'", clip(s))
		}
		c, err := parseActorCode(s[1:end])
		if err != nil {
			return out, err
		}
		c.Line = line
		out = append(out, c)
		s = s[end+1:]
	}
	return out, nil
}

// parseActorCode reads the inside of one code group: CODE, CODE <DATE,
// CODE >DATE or CODE DATE-DATE, with any spaces.
func parseActorCode(s string) (PETRARCHCode, error) {
	c := PETRARCHCode{from: minDay, to: maxDay}
	f := strings.Fields(s)
	if len(f) == 0 {
		return c, fmt.Errorf("empty code []")
	}
	c.Code = strings.ToUpper(f[0])
	if !validPETRCode(c.Code) {
		return c, fmt.Errorf("bad code %q in [%s]", clip(f[0]), clip(s))
	}
	d := strings.Join(f[1:], "")
	var err error
	switch {
	case d == "":
	case d[0] == '<':
		var day int
		day, err = parsePETRDate(d[1:])
		c.to = day - 1
	case d[0] == '>':
		var day int
		day, err = parsePETRDate(d[1:])
		c.from = day + 1
	default:
		a, b, ok := strings.Cut(d, "-")
		if !ok {
			return c, fmt.Errorf("bad date restriction %q in [%s] (want <DATE, >DATE or DATE-DATE)", clip(d), clip(s))
		}
		if c.from, err = parsePETRDate(a); err == nil {
			c.to, err = parsePETRDate(b)
		}
		if err == nil && c.to < c.from {
			return c, fmt.Errorf("date range %q in [%s] ends before it starts", clip(d), clip(s))
		}
	}
	if err != nil {
		return c, fmt.Errorf("%v in [%s]", err, clip(s))
	}
	c.From, c.To = dayString(c.from), dayString(c.to)
	return c, nil
}

// validPETRCode reports whether s is a code as the files write them:
// capitals, digits, '-', '+' and '/' ("IGOUNO", "---", "ELR/GAL").
func validPETRCode(s string) bool {
	if s == "" || len(s) > 32 {
		return false
	}
	for _, c := range []byte(s) {
		if !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '+' || c == '/') {
			return false
		}
	}
	return true
}

// clip makes a piece of input fit an error message: at most 60 bytes,
// valid UTF-8, control characters as '?', so the message stays one line.
func clip(s string) string {
	if len(s) > 60 {
		s = s[:60] + "..."
	}
	return strings.Map(func(r rune) rune {
		if r < ' ' || r == 0x7f || r == utf8.RuneError || r == '\u2028' || r == '\u2029' {
			return '?'
		}
		return r
	}, strings.ToValidUTF8(s, "?"))
}

// PETRARCHAgent is one line of an agents file:
//
//	!PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON
//	ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]
//	CATTLE!PERSON! [~AGR]
//	HUMAN_RIGHTS_BODY  [NGO~]
//
// "!NAME! = A, B" defines a substitution set; !NAME! in a phrase stands
// for each member. "{...}" lists the plural forms ("{}": none); without
// it, the regular plural of the last word is added (PETRARCH does the
// same). The code after '~' is appended to the actor's code; before '~'
// (Prefix) it comes first (NGO + country).
type PETRARCHAgent struct {
	Line    int
	Phrases []string // every form: substitutions expanded, plurals added
	Code    string   // "GOV", "GOVFRM", "NGO"
	Prefix  bool
}

// maxAgentForms caps the forms of one agent line (substitution sets
// multiply).
const maxAgentForms = 200

// ParsePETRARCHAgents reads a TABARI/PETRARCH agents file, reporting bad
// lines as *ParseError and going on.
func ParsePETRARCHAgents(r io.Reader, file string) ([]PETRARCHAgent, []error) {
	var agents []PETRARCHAgent
	var errs []error
	subst := map[string][]string{}
	errorf := func(line int, format string, args ...any) {
		errs = append(errs, &ParseError{File: file, Line: line, Msg: fmt.Sprintf(format, args...)})
	}
	rerrs := readPETRLines(r, file, func(line int, s string, _ bool) {
		t := strings.TrimSpace(s)
		if name, members, ok := strings.Cut(t, "="); ok && strings.HasPrefix(t, "!") {
			name = strings.TrimSpace(name)
			if len(name) < 3 || !strings.HasSuffix(name, "!") || strings.Count(name, "!") != 2 {
				errorf(line, "bad substitution set name %q (want !NAME!)", clip(name))
				return
			}
			var ms []string
			for m := range strings.SplitSeq(members, ",") {
				if strings.Contains(m, "!") {
					errorf(line, "substitution set %s: member %q has a '!'", clip(name), clip(m))
					return
				}
				if m = petrPhrase(m); m != "" {
					ms = append(ms, m)
				}
			}
			if len(ms) == 0 {
				errorf(line, "substitution set %s has no members", clip(name))
				return
			}
			subst[name] = ms
			return
		}
		i := strings.IndexByte(t, '[')
		if i < 0 {
			errorf(line, "agent %q has no [code]", clip(t))
			return
		}
		j := strings.IndexByte(t[i:], ']')
		if j < 0 {
			errorf(line, "agent code %q has no closing ']'", clip(t[i:]))
			return
		}
		if rest := strings.TrimSpace(t[i+j+1:]); rest != "" {
			errorf(line, "unexpected %q after the agent code", clip(rest))
			return
		}
		a := PETRARCHAgent{Line: line}
		code := strings.ReplaceAll(t[i+1:i+j], " ", "")
		switch {
		case strings.HasPrefix(code, "~"):
			a.Code = code[1:]
		case strings.HasSuffix(code, "~"):
			a.Code, a.Prefix = code[:len(code)-1], true
		default:
			errorf(line, "agent code [%s] has no '~' (want [~CODE] or [CODE~])", clip(code))
			return
		}
		a.Code = strings.ToUpper(a.Code)
		if len(a.Code) < 3 || !validPETRCode(a.Code) || a.Code == nullCode {
			errorf(line, "bad agent code [%s]", clip(code))
			return
		}
		head, plurals, hasPlurals := t[:i], "", false
		if k := strings.IndexByte(head, '{'); k >= 0 {
			e := strings.IndexByte(head[k:], '}')
			if e < 0 {
				errorf(line, "plural list %q has no closing '}'", clip(head[k:]))
				return
			}
			if rest := strings.TrimSpace(head[k+e+1:]); rest != "" {
				errorf(line, "unexpected %q after the plural list", clip(rest))
				return
			}
			head, plurals, hasPlurals = head[:k], head[k+1:k+e], true
		}
		forms, err := expandSubst(strings.TrimSpace(head), subst)
		if err == nil && hasPlurals {
			for f := range strings.FieldsSeq(plurals) {
				var pl []string
				if pl, err = expandSubst(f, subst); err != nil {
					break
				}
				forms = append(forms, pl...)
			}
		} else if err == nil && !strings.Contains(head, "!") {
			for _, f := range forms[:len(forms):len(forms)] {
				forms = append(forms, regularPlural(f))
			}
		}
		if err != nil {
			errorf(line, "%v", err)
			return
		}
		if len(forms) == 0 {
			errorf(line, "agent has no phrase before its code")
			return
		}
		a.Phrases = forms
		agents = append(agents, a)
	})
	return agents, byLine(append(errs, rerrs...))
}

// expandSubst expands the !NAME! sets of one phrase (words joined by '_'
// or blanks) into its forms.
func expandSubst(p string, subst map[string][]string) ([]string, error) {
	forms := []string{p}
	for strings.Contains(forms[0], "!") {
		q := forms[0]
		i := strings.IndexByte(q, '!')
		j := strings.IndexByte(q[i+1:], '!')
		if j < 0 {
			return nil, fmt.Errorf("unclosed substitution marker in %q", clip(q))
		}
		name := q[i : i+j+2]
		ms, ok := subst[name]
		if !ok {
			return nil, fmt.Errorf("unknown substitution set %q in %q", clip(name), clip(p))
		}
		var next []string
		for _, f := range forms {
			for _, m := range ms {
				next = append(next, strings.Replace(f, name, m, 1))
			}
		}
		if len(next) > maxAgentForms {
			return nil, fmt.Errorf("%q expands to over %d forms", clip(p), maxAgentForms)
		}
		forms = next
	}
	var out []string
	for _, f := range forms {
		if f = petrPhrase(f); f != "" {
			out = append(out, f)
		}
	}
	return out, nil
}

// regularPlural is the regular plural of a phrase's last word: -IES after
// a consonant and Y, -ES after S, X, Z, CH, SH, else -S.
func regularPlural(p string) string {
	n := len(p)
	up := strings.ToUpper(p)
	switch {
	case n >= 2 && up[n-1] == 'Y' && !strings.ContainsRune("AEIOU", rune(up[n-2])):
		return p[:n-1] + "IES"
	case strings.HasSuffix(up, "S") || strings.HasSuffix(up, "X") || strings.HasSuffix(up, "Z") ||
		strings.HasSuffix(up, "CH") || strings.HasSuffix(up, "SH"):
		return p + "ES"
	}
	return p + "S"
}

// PETRARCHDiscard is one phrase of a discards file; Story is true for a
// '+' line (PETRARCH drops the whole story, not only the sentence).
type PETRARCHDiscard struct {
	Line   int
	Phrase string // lowercase, words separated by single spaces
	Story  bool
}

// ParsePETRARCHDiscards reads a discards file: one phrase a line, '+'
// before a story-level one.
func ParsePETRARCHDiscards(r io.Reader, file string) ([]PETRARCHDiscard, []error) {
	var out []PETRARCHDiscard
	var errs []error
	rerrs := readPETRLines(r, file, func(line int, s string, _ bool) {
		t := strings.TrimSpace(s)
		d := PETRARCHDiscard{Line: line}
		if t[0] == '+' {
			d.Story, t = true, t[1:]
		}
		d.Phrase = strings.ToLower(petrPhrase(t))
		if d.Phrase == "" {
			errs = append(errs, &ParseError{File: file, Line: line, Msg: "empty discard phrase"})
			return
		}
		out = append(out, d)
	})
	return out, byLine(append(errs, rerrs...))
}
