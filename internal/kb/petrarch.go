package kb

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"path"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"dyad/internal/doc"
)

// This file reads dictionaries in the TABARI/PETRARCH formats (actors,
// agents, discards, verbs), so users keep the community dictionaries
// (the Phoenix set, CAMEO.2.0.txt). The formats, as the files write them:
//
//   - comments run from '#' (or ';', a TABARI habit) to the end of the
//     line; "<!-- ... -->" lines, possibly spanning lines, are comments;
//   - phrases are written in capitals with '_' (or ' ') between words; a
//     trailing '_' (TABARI's "whole word" mark) is dropped, as PETRARCH
//     matches whole words anyway;
//   - the kind comes from the file name (petrarchKindOf) and the parsers
//     are in petrarch_actors.go and petrarch_verbs.go.
//
// AddFile hands a file to AddPETRARCH when its name names a PETRARCH kind
// and its content is not in dyad's block format (isPETRARCH): dyad's own
// files have indented "key: value" field lines, PETRARCH files have
// bracketed codes, '+' synonyms, '&' synsets and '---' verb blocks.

// petrKind is the kind of a PETRARCH/TABARI dictionary file.
type petrKind int

const (
	petrNone petrKind = iota
	petrActors
	petrAgents
	petrDiscards
	petrVerbs
)

// String returns the kind's name as file names write it.
func (k petrKind) String() string {
	switch k {
	case petrActors:
		return "actors"
	case petrAgents:
		return "agents"
	case petrDiscards:
		return "discards"
	case petrVerbs:
		return "verbs"
	}
	return "unknown"
}

// petrarchKindOf returns the kind a file name gives, in this order:
// ".actors." or ending "actors.txt" (Phoenix.Countries.actors.txt),
// "agents", "discards", "verbs" or a name starting "CAMEO."
// (CAMEO.2.0.txt). Case is ignored.
func petrarchKindOf(name string) petrKind {
	base := strings.ToLower(path.Base(strings.ReplaceAll(name, `\`, "/")))
	switch {
	case strings.Contains(base, ".actors.") || strings.HasSuffix(base, "actors.txt"):
		return petrActors
	case strings.Contains(base, "agents"):
		return petrAgents
	case strings.Contains(base, "discards"):
		return petrDiscards
	case strings.Contains(base, "verbs") || strings.HasPrefix(base, "cameo."):
		return petrVerbs
	}
	return petrNone
}

// isPETRARCHName reports whether a file name names a PETRARCH kind.
func isPETRARCHName(name string) bool { return petrarchKindOf(name) != petrNone }

// isPETRARCH reports whether AddFile should read a file as a PETRARCH
// dictionary. The name must name a PETRARCH kind; then the first line
// that decides, skipping blank and comment lines, wins:
//
//   - an indented "key:" line (lowercase key) is dyad's block format;
//   - a line with a '[' code, or starting with '+', '&', '-', '!' or
//     '<!' (a comment), is PETRARCH.
//
// With no deciding line, a name that is one of dyad's own kinds
// (agents.txt, verbs.txt) is dyad's format, anything else PETRARCH.
func isPETRARCH(name string, data []byte) bool {
	if !isPETRARCHName(name) {
		return false
	}
	for line := range bytes.Lines(data) {
		s := string(bytes.TrimRight(line, "\r\n"))
		t := strings.TrimSpace(s)
		if t == "" || t[0] == '#' {
			continue
		}
		if t != s && isFieldLine(t) {
			return false
		}
		if strings.ContainsRune(t, '[') || strings.IndexByte("+&-!<", t[0]) >= 0 {
			return true
		}
	}
	return kindOf(name) == unknownFile
}

// isFieldLine reports whether a trimmed line starts "key:" as dyad's
// field lines do.
func isFieldLine(t string) bool {
	i := strings.IndexByte(t, ':')
	if i <= 0 {
		return false
	}
	for _, c := range []byte(t[:i]) {
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
			return false
		}
	}
	return true
}

// PETRARCHSummary tells what AddPETRARCH made of one file: what it added
// and, for verbs, the patterns it could not express in dyad's pattern
// language, by reason. It is not an error list: skipping is expected.
type PETRARCHSummary struct {
	File string
	Kind string // actors, agents, discards, verbs

	Actors     int // actor records (a phrase line, its synonyms and codes)
	Phrases    int // phrases added to the matcher (actors and agents)
	Entries    int // matcher entries added (phrase x code x date range)
	DateRanges int // date-restricted codes read
	NullCodes  int // [---] codes: the actor is not coded (for those dates)

	Agents       int // agent lines
	PrefixAgents int // [NGO~] agents: the code goes before the actor's

	Discards      int // discard phrases
	StoryDiscards int // of them, '+' story-level discards (kept as phrases)

	VerbBlocks   int // "--- NAME [code] ---" blocks
	Verbs        int // verbs listed in the blocks
	PatternLines int // "- ... [code]" lines
	Patterns     int // dyad patterns added (a line gives one per verb per synset member)
	PairedCodes  int // lines coded [xxx:yyy]: source->target xxx and target->source yyy
	SkippedLines int // pattern lines that gave no pattern
	// SequenceOnly counts patterns (per synset member) matched only as
	// PETRARCH sequences: dyad's elements cannot say what they mean
	// (words before the verb, '$' after it, '%').
	SequenceOnly  int
	SkippedByWhy  map[string]int
	CappedAtLimit int // patterns not made because a line's synset expansion passed the cap
	// Transformations counts PETRARCH2 "~" transformation lines, read but
	// not used (dyad does not rewrite coded events).
	Transformations int
}

// String gives the summary as one line, for logs.
func (s PETRARCHSummary) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s (%s):", s.File, s.Kind)
	switch s.Kind {
	case "actors":
		fmt.Fprintf(&b, " %d actors, %d phrases, %d entries, %d date ranges, %d null codes", s.Actors, s.Phrases, s.Entries, s.DateRanges, s.NullCodes)
	case "agents":
		fmt.Fprintf(&b, " %d agents, %d phrases, %d prefix agents", s.Agents, s.Phrases, s.PrefixAgents)
	case "discards":
		fmt.Fprintf(&b, " %d discards (%d story-level)", s.Discards, s.StoryDiscards)
	case "verbs":
		fmt.Fprintf(&b, " %d blocks, %d verbs, %d pattern lines -> %d patterns; %d paired codes; %d lines skipped",
			s.VerbBlocks, s.Verbs, s.PatternLines, s.Patterns, s.PairedCodes, s.SkippedLines)
		whys := make([]string, 0, len(s.SkippedByWhy))
		for w := range s.SkippedByWhy {
			whys = append(whys, w)
		}
		slices.Sort(whys)
		for _, w := range whys {
			fmt.Fprintf(&b, "; %s: %d", w, s.SkippedByWhy[w])
		}
		if s.Transformations > 0 {
			fmt.Fprintf(&b, "; %d transformations not used", s.Transformations)
		}
		if s.CappedAtLimit > 0 {
			fmt.Fprintf(&b, "; %d patterns over the synset cap", s.CappedAtLimit)
		}
	}
	return b.String()
}

// AddPETRARCH adds the entries of one TABARI/PETRARCH dictionary file, its
// kind taken from its name (see petrarchKindOf). Bad lines are reported as
// "file:line: what" and skipped; the rest of the file is kept.
func (k *KB) AddPETRARCH(name string, data []byte) []error {
	_, errs := k.LoadPETRARCH(name, data)
	return errs
}

// AddPETRARCHAs is AddPETRARCH for a file whose kind ("actors", "agents",
// "discards", "verbs") is known from elsewhere than its name: a
// validation suite's <Environment> says which file is which.
func (k *KB) AddPETRARCHAs(kind, name string, data []byte) []error {
	for pk := petrActors; pk <= petrVerbs; pk++ {
		if pk.String() == kind {
			_, errs := k.loadPETRARCH(pk, name, data)
			return errs
		}
	}
	return []error{fmt.Errorf("%s: unknown TABARI/PETRARCH dictionary kind %q", name, kind)}
}

// LoadPETRARCH is AddPETRARCH that also returns what it added and skipped.
func (k *KB) LoadPETRARCH(name string, data []byte) (PETRARCHSummary, []error) {
	return k.loadPETRARCH(petrarchKindOf(name), name, data)
}

func (k *KB) loadPETRARCH(kind petrKind, name string, data []byte) (PETRARCHSummary, []error) {
	sum := PETRARCHSummary{File: name, Kind: kind.String()}
	r := bytes.NewReader(data)
	switch kind {
	case petrActors:
		actors, errs := ParsePETRARCHActors(r, name)
		return sum, append(errs, k.addPETRARCHActors(actors, name, &sum)...)
	case petrAgents:
		agents, errs := ParsePETRARCHAgents(r, name)
		return sum, append(errs, k.addPETRARCHAgents(agents, name, &sum)...)
	case petrDiscards:
		ds, errs := ParsePETRARCHDiscards(r, name)
		for _, d := range ds {
			if k.Discard == nil {
				k.Discard = NewMatcher()
			}
			if err := k.Discard.Add(d.Phrase, Entry{File: name, Line: d.Line}); err != nil {
				errs = append(errs, &ParseError{File: name, Line: d.Line, Msg: fmt.Sprintf("discard %q: %v", d.Phrase, err)})
				continue
			}
			k.Discards = append(k.Discards, d.Phrase)
			sum.Discards++
			if d.Story {
				sum.StoryDiscards++
			}
		}
		return sum, errs
	case petrVerbs:
		dict, errs := ParsePETRARCHVerbs(r, name)
		pats, s, cerrs := dict.Patterns(k.Verbs.Validate, MaxSynsetExpansion)
		s.File, s.Kind = name, sum.Kind
		s.Transformations = len(dict.Transformations)
		k.Verbs.Patterns = slices.Grow(k.Verbs.Patterns, len(pats))
		for _, p := range pats {
			k.Verbs.add(p)
		}
		return s, append(errs, cerrs...)
	}
	return sum, []error{fmt.Errorf("%s: not a TABARI/PETRARCH dictionary name (want *.actors.txt, *agents*, *discards*, *verbs*, CAMEO.*)", name)}
}

// addPETRARCHActors adds every phrase of every actor, once per code and
// date range.
func (k *KB) addPETRARCHActors(actors []PETRARCHActor, file string, sum *PETRARCHSummary) []error {
	var errs []error
	for i := range actors {
		a := &actors[i]
		sum.Actors++
		for _, c := range a.Codes {
			if c.dated() {
				sum.DateRanges++
			}
			if c.Code == nullCode {
				sum.NullCodes++
			}
		}
		ranges := a.Ranges()
		for _, p := range a.Phrases {
			form := actorForm(p)
			added := false
			for _, r := range ranges {
				country, sector, kind := splitActorCode(r.Code)
				e := Entry{Kind: kind, Code: r.Code, Country: country, Sector: sector,
					ID: a.ID(), File: file, Line: a.Line, From: r.From, To: r.To}
				if err := k.Actors.Add(form, e); err != nil {
					errs = append(errs, &ParseError{File: file, Line: a.Line, Msg: fmt.Sprintf("actor phrase %q: %v", p, err)})
					break
				}
				sum.Entries++
				added = true
			}
			if added {
				sum.Phrases++
			}
		}
	}
	return errs
}

func (k *KB) addPETRARCHAgents(agents []PETRARCHAgent, file string, sum *PETRARCHSummary) []error {
	var errs []error
	for i := range agents {
		a := &agents[i]
		sum.Agents++
		if a.Prefix {
			sum.PrefixAgents++
		}
		e := Entry{Kind: doc.Agent, Code: a.Code, Sector: a.Code[:min(3, len(a.Code))], File: file, Line: a.Line, Affix: doc.Suffix, Exact: true}
		if a.Prefix {
			e.Affix = doc.Prefix
		}
		for _, p := range a.Phrases {
			if err := k.Actors.Add(strings.ToLower(p), e); err != nil {
				errs = append(errs, &ParseError{File: file, Line: a.Line, Msg: fmt.Sprintf("agent phrase %q: %v", p, err)})
				continue
			}
			sum.Phrases++
			sum.Entries++
		}
	}
	return errs
}

// actorForm is the phrase as the matcher should see it. PETRARCH matches
// regardless of case, but dyad's matcher takes case rules from how a
// phrase is written (docs/dictionaries.md): a phrase of several words is
// lowercased (any case matches); a one-word phrase of at most three
// letters is kept in capitals, as an acronym ("UN", "U.S.", "PLO" match
// only so written, not "us"); a longer one-word phrase gets an initial
// capital, as a proper name ("Turkey", "TURKEY" match, "turkey" does not).
func actorForm(p string) string {
	if strings.IndexByte(p, ' ') >= 0 {
		return strings.ToLower(p)
	}
	letters := 0
	for _, r := range p {
		if unicode.IsLetter(r) {
			letters++
		}
	}
	if letters <= 3 {
		return strings.ToUpper(p)
	}
	r, size := utf8.DecodeRuneInString(p)
	return string(unicode.ToUpper(r)) + strings.ToLower(p[size:])
}

// nonCountry lists the CAMEO code prefixes that are not states: the
// international types (IGO, NGO, NGM, MNC, IMG; INT and UIS, international
// and unidentified), the CAMEO regions, religions, and sectors written
// without a country ([ELI], [MED]). A code starting with any other three
// letters starts with its country: ISO codes and CAMEO's own historical
// and fictional ones (SUN, YUG, KSV, HOB) alike. MUS and SUN are Mauritius
// and the Soviet Union in the actor files, not Muslim and Sunni.
var nonCountry = func() map[string]int {
	m := map[string]int{}
	for _, s := range strings.Fields("IGO NGO NGM MNC IMG") {
		m[s] = orgPrefix
	}
	for _, s := range strings.Fields("INT UIS AFR ASA BLK CAS CAU CEU CFR CRB EAF EEU EIN EUR LAM MDT MEA NAF NMR PGS SAF SAM SAS SCN SEA WAF WEU WST") {
		m[s] = regionPrefix
	}
	for _, s := range strings.Fields("ADR ALE ATH BAH BUD CHR CON CPT CTH DOX DRZ HIN HSD ITR JAN JEW JHW LDS MOS MRN ORT PRO SFI SHI SHN SIK TAO UDR ZRO " +
		"AGR BUS COP CRM CVL DEV EDU ELI ENV GOV HLH HRI IRC JRN JUD LAB LEG MED MIL MOD OPP PRE PTY RAD REB REF REL SET SOC SPY UAF") {
		m[s] = sectorPrefix
	}
	return m
}()

const (
	orgPrefix = iota + 1
	regionPrefix
	sectorPrefix
)

// splitActorCode splits a CAMEO actor code into country and sector, and
// chooses the mention kind:
//
//   - a country prefix: country = it, sector = the next three letters
//     (IRNGOVENV: IRN, GOV); the bare country code is a CountryName;
//   - a region, INT or UIS: no country, sector = the next three letters;
//   - IGO, NGO, NGM, MNC, IMG: no country, no sector (the next letters
//     name the organisation: IGOUNO);
//   - a religion or sector written first (BUDREB, [ELI]): no country,
//     sector = the first three letters.
//
// IMG codes and REB/INS/UAF sectors are ArmedGroup, MED/JRN sectors
// Media, the rest Organisation (named actors that carry their full code).
func splitActorCode(code string) (country, sector string, kind doc.MentionKind) {
	var first, next string
	if len(code) >= 3 {
		first = code[:3]
	}
	if len(code) >= 6 {
		next = code[3:6]
	}
	switch nonCountry[first] {
	case 0:
		if isCountryCode(first) {
			country, sector = first, next
		}
	case regionPrefix:
		sector = next
	case sectorPrefix:
		sector = first
	}
	switch {
	case country != "" && len(code) == 3:
		kind = doc.CountryName
	case first == "IMG" || sector == "REB" || sector == "INS" || sector == "UAF":
		kind = doc.ArmedGroup
	case sector == "MED" || sector == "JRN":
		kind = doc.Media
	default:
		kind = doc.Organisation
	}
	return country, sector, kind
}

// maxPETRLine is the longest line the PETRARCH readers take; a longer one
// is reported and skipped (the real files stay under 200 bytes).
const maxPETRLine = 64 << 10

// readPETRLines calls fn with each line of r that is not blank, its
// number, its text without line ending and comments ('#' or ';' to the
// end of the line, "<!-- ... -->" lines), and whether a blank line came
// before it (comment lines are not blank). Over-long lines, a comment
// left open at the end and read errors are reported as *ParseError.
func readPETRLines(r io.Reader, file string, fn func(line int, s string, afterBlank bool)) []error {
	var errs []error
	br := bufio.NewReaderSize(r, 4096)
	var buf []byte
	line, commentFrom := 0, 0
	blank := false
	for {
		raw, err := br.ReadSlice('\n')
		buf = append(buf[:0], raw...)
		for errors.Is(err, bufio.ErrBufferFull) {
			raw, err = br.ReadSlice('\n')
			if len(buf) <= maxPETRLine {
				buf = append(buf, raw...)
			}
		}
		if len(buf) == 0 && err != nil {
			if err != io.EOF {
				errs = append(errs, &ParseError{File: file, Line: line + 1, Msg: fmt.Sprintf("read: %v", err)})
			}
			break
		}
		line++
		s := strings.TrimRight(string(buf), "\r\n")
		if line == 1 {
			s = strings.TrimPrefix(s, "\uFEFF")
		}
		switch {
		case len(s) > maxPETRLine:
			errs = append(errs, &ParseError{File: file, Line: line, Msg: fmt.Sprintf("line is over %d bytes", maxPETRLine)})
		case commentFrom > 0:
			if strings.Contains(s, "-->") {
				commentFrom = 0
			}
		case strings.HasPrefix(strings.TrimSpace(s), "<!"):
			if !strings.Contains(s, "-->") {
				commentFrom = line
			}
		case strings.TrimSpace(s) == "":
			blank = true
		default:
			if i := strings.IndexAny(s, "#;"); i >= 0 {
				s = s[:i]
			}
			if strings.TrimSpace(s) != "" {
				fn(line, s, blank)
				blank = false
			}
		}
		if err != nil {
			if err != io.EOF {
				errs = append(errs, &ParseError{File: file, Line: line, Msg: fmt.Sprintf("read: %v", err)})
			}
			break
		}
	}
	if commentFrom > 0 {
		errs = append(errs, &ParseError{File: file, Line: commentFrom, Msg: "<!-- comment is never closed (no -->): the rest of the file was read as comment"})
	}
	return errs
}

// byLine sorts errors by line (stable): the parsers report a record's
// fault when it ends.
func byLine(errs []error) []error {
	line := func(e error) int {
		var pe *ParseError
		if errors.As(e, &pe) {
			return pe.Line
		}
		return 0
	}
	slices.SortStableFunc(errs, func(a, b error) int { return line(a) - line(b) })
	return errs
}

// petrWords splits a PETRARCH phrase into words at '_' and spaces,
// dropping empty words (trailing '_', doubled separators).
func petrWords(p string) []string {
	return strings.FieldsFunc(p, func(r rune) bool { return r == '_' || unicode.IsSpace(r) })
}

// petrPhrase is a PETRARCH phrase with single spaces between words.
func petrPhrase(p string) string { return strings.Join(petrWords(p), " ") }

// PETRARCH dates: YYYYMMDD, or TABARI's YYMMDD with 00-30 in the 2000s
// and 31-99 in the 1900s (as KEDS, TABARI and PETRARCH read them).
// Days are counted from 1970-01-01; open ends are minDay and maxDay.
const (
	minDay = -1 << 31
	maxDay = 1<<31 - 1
)

func parsePETRDate(s string) (int, error) {
	for _, c := range []byte(s) {
		if c < '0' || c > '9' {
			return 0, fmt.Errorf("bad date %q (want YYYYMMDD or YYMMDD)", s)
		}
	}
	switch len(s) {
	case 6:
		yy := int(s[0]-'0')*10 + int(s[1]-'0')
		if yy <= 30 {
			s = "20" + s
		} else {
			s = "19" + s
		}
	case 8:
	default:
		return 0, fmt.Errorf("bad date %q (want YYYYMMDD or YYMMDD)", s)
	}
	t, err := time.Parse("20060102", s)
	if err != nil {
		return 0, fmt.Errorf("bad date %q (no such day)", s)
	}
	return int(t.Unix() / 86400), nil
}

// dayString is a day as YYYY-MM-DD, "" for an open end.
func dayString(d int) string {
	if d == minDay || d == maxDay {
		return ""
	}
	return time.Unix(int64(d)*86400, 0).UTC().Format("2006-01-02")
}
