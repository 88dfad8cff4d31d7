package kb

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"dyad/internal/doc"
	"dyad/internal/testenv"
)

// testdata returns the path of a shared test file, skipping the test when
// the shared tree is absent (the files are never copied into the repo).
func testdata(t testing.TB, dir, name string) []byte {
	t.Helper()
	p := filepath.Join("..", "..", "..", "shared", "testdata", dir, name)
	b, err := os.ReadFile(p)
	if err != nil {
		testenv.Absent(t, "shared test data absent (%v): the PETRARCH tests need ../shared/testdata", err)
	}
	return b
}

func errStrings(errs []error) []string {
	var out []string
	for _, e := range errs {
		out = append(out, e.Error())
	}
	return out
}

func TestPETRARCHKindOf(t *testing.T) {
	for _, tc := range []struct {
		name string
		want petrKind
	}{
		{"Phoenix.Countries.actors.txt", petrActors},
		{"dir/PETR.Validate.actors.txt", petrActors},
		{"myactors.txt", petrActors},
		{"Phoenix.agents.txt", petrAgents},
		{"Phoenix.discards.txt", petrDiscards},
		{"PETR.Validate.verbs.txt", petrVerbs},
		{"CAMEO.2.0.txt", petrVerbs},
		{"countries.txt", petrNone},
		{"Phoenix.IssueCoding.txt", petrNone},
	} {
		if got := petrarchKindOf(tc.name); got != tc.want {
			t.Errorf("petrarchKindOf(%q) = %v; want %v", tc.name, got, tc.want)
		}
	}
}

func TestIsPETRARCH(t *testing.T) {
	for _, tc := range []struct {
		name, data string
		want       bool
	}{
		{"agents.txt", "# c\nGOV Government\n    agent: president\n", false},
		{"verbs.txt", "111 Criticize\n    pattern: accuse\n", false},
		{"agents.txt", "", false},
		{"Phoenix.agents.txt", "", true},
		{"agents.txt", "# c\nPRESIDENT [~GOV]\n", true},
		{"x.agents.txt", "!PERSON! = MAN\n", true},
		{"verbs.txt", "&SYN\n+A\n", true},
		{"CAMEO.2.0.txt", "---  ACCUSE   [112]  ---\n", true},
		{"Phoenix.discards.txt", "MONTHS LATER\n", true},
		{"countries.txt", "IRAN [IRN]\n", false},
	} {
		if got := isPETRARCH(tc.name, []byte(tc.data)); got != tc.want {
			t.Errorf("isPETRARCH(%q, %q) = %v; want %v", tc.name, tc.data, got, tc.want)
		}
	}
}

func TestParsePETRARCHActors(t *testing.T) {
	const in = `<!-- header
# inside the comment -->
UNITED_STATES [USA]
+USA
+U.S.  #JW

GOLLUM  # pas
+SMEAGOL
	[HOB < 950601]
	[HOBGOV 19950601 - 19990815]
	[HOBREB > 990816]
IVO_JOSIPOVIC_
PRESIDENT_JOSIPOVIC_
	[HRVGOV >20120219]
LONELY
BROKEN [IRN 2001-2002]
OPEN [IRN
+ORPHAN
`
	actors, errs := ParsePETRARCHActors(strings.NewReader(in), "a.actors.txt")
	wantErrs := []string{
		`a.actors.txt:15: actor "LONELY" has no [code]`,
		`a.actors.txt:16: bad date "2001" (want YYYYMMDD or YYMMDD) in [IRN 2001-2002]`,
		`a.actors.txt:17: code "[IRN" has no closing ']'`,
	}
	if got := errStrings(errs); !reflect.DeepEqual(got, wantErrs) {
		t.Errorf("errors = %q; want %q", got, wantErrs)
	}
	want := []struct {
		line    int
		phrases []string
		codes   []string
	}{
		{3, []string{"UNITED STATES", "USA", "U.S."}, []string{"USA||"}},
		{7, []string{"GOLLUM", "SMEAGOL"}, []string{"HOB||1995-05-31", "HOBGOV|1995-06-01|1999-08-15", "HOBREB|1999-08-17|"}},
		{12, []string{"IVO JOSIPOVIC", "PRESIDENT JOSIPOVIC"}, []string{"HRVGOV|2012-02-20|"}},
	}
	if len(actors) != len(want) {
		t.Fatalf("got %d actors; want %d: %+v", len(actors), len(want), actors)
	}
	for i, w := range want {
		a := actors[i]
		var codes []string
		for _, c := range a.Codes {
			codes = append(codes, c.Code+"|"+c.From+"|"+c.To)
		}
		if a.Line != w.line || !reflect.DeepEqual(a.Phrases, w.phrases) || !reflect.DeepEqual(codes, w.codes) {
			t.Errorf("actor %d = line %d %q %q; want line %d %q %q", i, a.Line, a.Phrases, codes, w.line, w.phrases, w.codes)
		}
	}
}

func TestPETRARCHRanges(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		want     []CodeRange
	}{
		{"default only", "A [USA]", []CodeRange{{"USA", "", ""}}},
		{"default fills gaps", "A [HOB]\n[HOBGOV 20121109-20130119]", []CodeRange{
			{"HOBGOV", "2012-11-09", "2013-01-19"}, {"HOB", "", "2012-11-08"}, {"HOB", "2013-01-20", ""}}},
		{"first range wins", "A\n[ORCHOB 20100109-20100112]\n[HOBMIL 20080120-20121109]", []CodeRange{
			{"ORCHOB", "2010-01-09", "2010-01-12"}, {"HOBMIL", "2008-01-20", "2010-01-08"}, {"HOBMIL", "2010-01-13", "2012-11-09"}}},
		{"null code holds its dates", "A\n[--- <950630]\n[DOL]", []CodeRange{{"DOL", "1995-06-30", ""}}},
		{"two-digit years", "A [AFGELI 320101-331108] [AFGGOV 331108-070723]", []CodeRange{
			{"AFGELI", "1932-01-01", "1933-11-08"}, {"AFGGOV", "1933-11-09", "2007-07-23"}}},
		{"later default ignored", "A [RHO <790606] [ZBW] [XXX]", []CodeRange{{"RHO", "", "1979-06-05"}, {"ZBW", "1979-06-06", ""}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			actors, errs := ParsePETRARCHActors(strings.NewReader(tc.in), "f")
			if len(errs) > 0 || len(actors) != 1 {
				t.Fatalf("parse: %d actors, errors %v", len(actors), errs)
			}
			if got := actors[0].Ranges(); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("Ranges() = %v; want %v", got, tc.want)
			}
		})
	}
}

func TestSplitActorCode(t *testing.T) {
	for _, tc := range []struct {
		code, country, sector string
		kind                  doc.MentionKind
	}{
		{"IRN", "IRN", "", doc.CountryName},
		{"IRNGOVENV", "IRN", "GOV", doc.Organisation},
		{"SYRREB", "SYR", "REB", doc.ArmedGroup},
		{"IGOUNO", "", "", doc.Organisation},
		{"IMGMUSALQ", "", "", doc.ArmedGroup},
		{"MEAREB", "", "REB", doc.ArmedGroup},
		{"MED", "", "MED", doc.Media},
		{"ELI", "", "ELI", doc.Organisation},
		{"MUS", "MUS", "", doc.CountryName},
		{"SUNGOV", "SUN", "GOV", doc.Organisation},
		{"---", "", "", doc.Organisation},
	} {
		c, s, k := splitActorCode(tc.code)
		if c != tc.country || s != tc.sector || k != tc.kind {
			t.Errorf("splitActorCode(%q) = %q, %q, %v; want %q, %q, %v", tc.code, c, s, k, tc.country, tc.sector, tc.kind)
		}
	}
}

func TestActorForm(t *testing.T) {
	for in, want := range map[string]string{
		"UNITED STATES": "united states", "UN": "UN", "U.S.": "U.S.", "TURKEY": "Turkey", "AL-QAEDA": "Al-qaeda",
	} {
		if got := actorForm(in); got != want {
			t.Errorf("actorForm(%q) = %q; want %q", in, got, want)
		}
	}
}

func TestParsePETRARCHAgents(t *testing.T) {
	const in = `!PERSON! = MAN, MEN
ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV] # c
CATTLE!PERSON! [~AGR]
SECRETARY [~GOVFRM]
POLICE {} [ ~COP]
HUMAN_RIGHTS_BODY  [NGO~]
CHIEF EXECUTIVE [~GOV]
MISSING
BAD [~ENV}
NOTILDE [GOV]
!NOPE!_X [~GOV]
`
	agents, errs := ParsePETRARCHAgents(strings.NewReader(in), "g")
	wantErrs := []string{
		`g:8: agent "MISSING" has no [code]`,
		`g:9: agent code "[~ENV}" has no closing ']'`,
		`g:10: agent code [GOV] has no '~' (want [~CODE] or [CODE~])`,
		`g:11: unknown substitution set "!NOPE!" in "!NOPE!_X"`,
	}
	if got := errStrings(errs); !reflect.DeepEqual(got, wantErrs) {
		t.Errorf("errors = %q; want %q", got, wantErrs)
	}
	want := []PETRARCHAgent{
		{Line: 2, Phrases: []string{"ATTORNEY GENERAL", "ATTORNEYS GENERAL"}, Code: "GOV"},
		{Line: 3, Phrases: []string{"CATTLEMAN", "CATTLEMEN"}, Code: "AGR"},
		{Line: 4, Phrases: []string{"SECRETARY", "SECRETARIES"}, Code: "GOVFRM"},
		{Line: 5, Phrases: []string{"POLICE"}, Code: "COP"},
		{Line: 6, Phrases: []string{"HUMAN RIGHTS BODY", "HUMAN RIGHTS BODIES"}, Code: "NGO", Prefix: true},
		{Line: 7, Phrases: []string{"CHIEF EXECUTIVE", "CHIEF EXECUTIVES"}, Code: "GOV"},
	}
	if !reflect.DeepEqual(agents, want) {
		t.Errorf("agents =\n%+v\nwant\n%+v", agents, want)
	}
}

func TestParsePETRARCHDiscards(t *testing.T) {
	ds, errs := ParsePETRARCHDiscards(strings.NewReader("# c\nMONTHS LATER\n+World Golf_Championships   # pas\n+\n"), "d")
	want := []PETRARCHDiscard{{2, "months later", false}, {3, "world golf championships", true}}
	if !reflect.DeepEqual(ds, want) || len(errs) != 1 || errs[0].Error() != "d:4: empty discard phrase" {
		t.Errorf("ParsePETRARCHDiscards = %v, %v; want %v and one error on line 4", ds, errs, want)
	}
}

func TestPETRARCHVerbPatterns(t *testing.T) {
	const in = `&CEASEFIRE
+TRUCE
+CEASE_FIRE
&NESTED
+&CEASEFIRE
+PEACE

---  ARRANGE   [036]  ---
ARRANGE
PUT {PUTS PUTTING }
+CALL_OFF [160]
- * (TO BORDER)          [154]
- * &NESTED              [0356]
- * OUT VIEWS            [010]
- * OFF (FOR)            [042:043]
- * TROOP TOWARD +       [154]
- * TO RECONSIDER (WITH +) [102]
- $ * DEAL               [031]
- &MILITARY * EXERCISES  [062]
- * (FROM $)             [110]
- * (AS % )              [045]
- * NOTHING              [:173]
- * IDLE                 [---]
- * BAD                  [12X]
- * &UNKNOWN             [010]
`
	d, errs := ParsePETRARCHVerbs(strings.NewReader(in), "v")
	if len(errs) != 0 {
		t.Fatalf("parse errors: %v", errs)
	}
	pats, sum, errs := d.Patterns(nil, 50)
	if got := errStrings(errs); !reflect.DeepEqual(got, []string{"v:19: unknown synset &MILITARY", "v:25: unknown synset &UNKNOWN"}) {
		t.Errorf("errors = %q", got)
	}
	type pat struct {
		verb, code string
		elems      string
		discard    bool
	}
	show := func(p Pattern) pat {
		var es []string
		for _, e := range p.Elems {
			s := [...]string{"N", "TO", "P", "PN"}[e.Kind] + ":" + e.Prep + ":" + e.Word
			if e.Inner {
				s += ":inner"
			}
			es = append(es, s)
		}
		return pat{p.Verb, p.Code, strings.Join(es, " "), p.Discard}
	}
	got := map[pat]bool{}
	for _, p := range pats {
		got[show(p)] = true
		if p.File != "v" || p.Line == 0 {
			t.Errorf("pattern %q: file %q line %d", p.Text, p.File, p.Line)
		}
	}
	for _, w := range []pat{
		{"arrange", "036", "", false},
		{"put", "036", "", false},
		{"call off", "160", "", false},
		{"arrange", "154", "PN:to:border", false},
		{"call off", "154", "PN:to:border", false},
		{"put", "0356", "N::truce", false},
		{"put", "0356", "N::cease fire", false},
		{"put", "0356", "N::peace", false},
		{"arrange", "010", "N::views", false}, // the particle is a word of the sequence
		{"put", "042", "P:for:", false},
		{"arrange", "154", "N::troop P:toward:", false},
		{"arrange", "102", "TO::reconsider P:with::inner", false},
		{"arrange", "031", "N::deal", false},
		{"arrange", "", "N::idle", true},
	} {
		if !got[w] {
			t.Errorf("missing pattern %+v", w)
		}
	}
	// 3 verb defaults; 10 lines (one with 3 synset members) x 3 verbs:
	// "(FROM $)" and "(AS %)" are matched as sequences only.
	if want := 3 + (10+3)*3; len(pats) != want { // [12X] too: a letter is kept when codes are not checked
		t.Errorf("got %d patterns; want %d", len(pats), want)
	}
	wantWhy := map[string]int{whyReverse: 1, whySynset: 2}
	if !reflect.DeepEqual(sum.SkippedByWhy, wantWhy) || sum.PairedCodes != 1 || sum.PatternLines != 14 || sum.SequenceOnly != 2 {
		t.Errorf("summary %v; want skips %v, 1 paired code, 14 lines, 2 sequence-only", sum, wantWhy)
	}
	for _, p := range pats {
		if p.Seq == nil || !p.AnyPrep {
			if p.Elems != nil || p.Seq != nil {
				t.Errorf("pattern %q: no sequence", p.Text)
			}
		}
		if p.Code == "042" && p.Reverse != "043" {
			t.Errorf("pattern %q: reverse %q; want 043", p.Text, p.Reverse)
		}
	}
}

func TestPETRARCHVerbsCap(t *testing.T) {
	in := "&BIG\n" + strings.Repeat("+W\n", 70) + "--- V [010] ---\nV\nW2\n- * &BIG [010]\n"
	d, _ := ParsePETRARCHVerbs(strings.NewReader(in), "v")
	pats, sum, _ := d.Patterns(nil, 50)
	if len(pats) != 2+2*50 || sum.CappedAtLimit != 2*20 {
		t.Errorf("got %d patterns, %d capped; want %d, %d", len(pats), sum.CappedAtLimit, 2+2*50, 40)
	}
}

func TestAddFilePETRARCH(t *testing.T) {
	k := New()
	errs := k.AddFile("x.actors.txt", []byte("SAM_GAMGEE [HOB]\n\t[HOBGOV 20121109-20130119]\nIRAN [IRN]\n"))
	errs = append(errs, k.AddFile("x.agents.txt", []byte("PRESIDENT [~GOV]\n"))...)
	errs = append(errs, k.AddFile("x.discards.txt", []byte("+MANCHESTER UNITED\n"))...)
	errs = append(errs, k.AddFile("x.verbs.txt", []byte("--- ACCUSE [112] ---\nACCUSE\n- * (OF WAR_CRIMES) [112]\n"))...)
	// dyad's own format still goes to its own loader.
	errs = append(errs, k.AddFile("agents.txt", []byte("GOV Government\n    agent: minister\n"))...)
	if len(errs) > 0 {
		t.Fatalf("errors: %v", errs)
	}
	var sam []string
	for _, e := range k.Actors.Entries() {
		if e.ID == "SAM_GAMGEE" {
			sam = append(sam, e.Code+" "+e.From+".."+e.To)
		}
	}
	want := []string{"HOBGOV 2012-11-09..2013-01-19", "HOB ..2012-11-08", "HOB 2013-01-20.."}
	if !reflect.DeepEqual(sam, want) {
		t.Errorf("SAM_GAMGEE entries = %q; want %q", sam, want)
	}
	if n := k.Actors.Len(); n != 3+1+2+1 { // Sam Gamgee (3 ranges), Iran, president(s), minister
		t.Errorf("matcher has %d phrase entries; want 7", n)
	}
	if !reflect.DeepEqual(k.Discards, []string{"manchester united"}) {
		t.Errorf("Discards = %q", k.Discards)
	}
	n := 0
	for p := range k.Verbs.For("accuse") {
		n++
		_ = p
	}
	if n != 2 {
		t.Errorf("accuse has %d patterns; want 2", n)
	}
}

// realFiles are the shared PETRARCH and Phoenix dictionaries, with the
// errors their defects give: each names a real fault of the file.
var realFiles = []struct {
	dir, name string
	errs      []string
}{
	{"phoenix", "Phoenix.Countries.actors.txt", []string{
		`:2039: bad date "9008223"`,                                      // 7-digit date
		`:14190: date range "20121207-20120802"`,                         // ends before it starts
		`:18010: bad date "201005011"`,                                   // 9-digit date
		`:22508: bad date "1920030320"`, `:22519: bad date "1920030320"`, // 10-digit dates
		`:31715: bad date restriction "20121204"`, // one date, no < > or -
		`:43613: bad date "1920050709"`,
		`:50802: actor "UNITED STATES DEPARTMENT OF HOUSING AND URBAN DEVELOPMENT" has no [code]`,
		`:50839: actor "UNITED STATES DEPARTMENT OF VETERANS AFFAIRS" has no [code]`,
		`:51384: bad date restriction "19820101"`,
	}},
	{"phoenix", "Phoenix.International.actors.txt", []string{
		`:22: actor "U.N." has no [code]`,
		`:40: bad date "2004017"`,
		`:3696: unexpected "Newspapers/Magazines`, // spreadsheet columns after the code (the code is kept)
		`:3726: unexpected "Other Consumer Services`,
		`:6605: unexpected "Antilles`,
	}},
	{"phoenix", "Phoenix.MilNonState.actors.txt", nil},
	{"phoenix", "Phoenix.agents.txt", []string{
		`:544: agent code "[~ENV}" has no closing ']'`,
		`:1927: agent "ISLAMIC_EXTREMIST" has no [code]`,
	}},
	{"phoenix", "Phoenix.discards.txt", nil},
	{"phoenix", "CAMEO.2.0.txt", []string{
		`:5787: bad code [080!]`,
		`:8443: unknown synset &WEATHER`,
		`:8444: unknown synset &DEMONSTRATION`,
	}},
	{"petrarch", "PETR.Validate.actors.txt", nil},
	{"petrarch", "PETR.Validate.agents.txt", nil},
	{"petrarch", "PETR.Validate.discards.txt", nil},
	{"petrarch", "PETR.Validate.verbs.txt", []string{ // the validation suite's deliberate odd codes
		`:233: bad code [+++]`, `:975: bad code [025?]`, `:989: bad code [+++]`,
		`:992: code "[" has no closing ']'`, // [###]: '#' starts a comment
		`:1051: bad code [023?]`,
	}},
}

func TestPETRARCHRealFiles(t *testing.T) {
	k := New()
	for _, f := range realFiles {
		data := testdata(t, f.dir, f.name)
		sum, errs := k.LoadPETRARCH(f.name, data)
		t.Log(sum)
		got := errStrings(errs)
		if len(got) != len(f.errs) {
			t.Errorf("%s: %d errors; want %d:\n%s", f.name, len(got), len(f.errs), strings.Join(got, "\n"))
			continue
		}
		for i, e := range got {
			if !strings.HasPrefix(e, f.name+f.errs[i]) {
				t.Errorf("error %q; want prefix %q", e, f.name+f.errs[i])
			}
			var pe *ParseError
			if !errors.As(errs[i], &pe) {
				t.Errorf("error %q is %T; want *ParseError", e, errs[i])
			}
		}
	}
	t.Logf("KB: %v; %d verb patterns; %d discards", k.Actors, k.Verbs.Len(), len(k.Discards))
}

func TestBuildSeq(t *testing.T) {
	show := func(ts []SeqTok) string {
		var b strings.Builder
		for _, t := range ts {
			if t.Next {
				b.WriteByte('_')
			}
			if t.Mark != 0 {
				b.WriteByte(t.Mark)
			} else {
				b.WriteString(t.Word)
			}
			b.WriteByte(' ')
		}
		return strings.TrimSpace(b.String())
	}
	for _, c := range []struct{ in, before, after string }{
		{"* TIES", "", "ties"},
		{"MOST_CERTAINLY_WILL NOT * OVER EFFORTS", "not will _certainly _most", "over efforts"},
		{"NOT_* (TO BORDER)", "_not", "to border"},
		{"+ * FROM $", "+", "from $"},
		{"*_ON", "", "_on"},
		{"% HAVE *", "have %", ""},
		{"* EID AT ^ WITH +", "", "eid at ^ with +"},
	} {
		s, ok := buildSeq(petrSeqTokens(c.in))
		if !ok {
			t.Errorf("buildSeq(%q): not built", c.in)
			continue
		}
		if b, a := show(s.Before), show(s.After); b != c.before || a != c.after {
			t.Errorf("buildSeq(%q) = before %q after %q; want %q, %q", c.in, b, a, c.before, c.after)
		}
	}
	if _, ok := buildSeq(petrSeqTokens("* A * B")); ok {
		t.Errorf("buildSeq of two verbs: built")
	}
}
