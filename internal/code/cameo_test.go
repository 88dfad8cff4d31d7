package code

import (
	"encoding/csv"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"dyad/internal/testenv"
)

// TestLookup checks codes against the reference files by hand:
// cameo_codes.csv for name and Goldstein value, cameo2plover.txt (and the
// decisions in cameo.txt's header) for type, mode and context.
func TestLookup(t *testing.T) {
	tests := []Info{
		{Code: "036", Name: "Express intent to meet or negotiate", Goldstein: 4, Quad: VerbalCooperation, Plover: "AGREE", Context: "diplomatic", Root: "03"},
		{Code: "0311", Name: "Express intent to cooperate economically", Goldstein: 5.2, Quad: VerbalCooperation, Plover: "AGREE", Context: "economic", Root: "03"},
		{Code: "042", Name: "Make a visit", Goldstein: 1.9, Quad: VerbalCooperation, Plover: "CONSULT", Mode: "visit", Root: "04"},
		{Code: "057", Name: "Sign formal agreement", Goldstein: 8, Quad: VerbalCooperation, Plover: "SUPPORT", Context: "diplomatic", Root: "05"},
		{Code: "0871", Name: "Declare truce, ceasefire", Goldstein: 9, Quad: MaterialCooperation, Plover: "RETREAT", Mode: "ceasefire", Context: "military", Root: "08"},
		{Code: "0874", Name: "Retreat or surrender militarily", Goldstein: 10, Quad: MaterialCooperation, Plover: "RETREAT", Mode: "disarm", Context: "military", Root: "08"},
		{Code: "112", Name: "Accuse", Goldstein: -2, Quad: VerbalConflict, Plover: "ACCUSE", Mode: "disapprove", Root: "11"},
		{Code: "1121", Name: "Accuse of crime, corruption", Goldstein: -2, Quad: VerbalConflict, Plover: "ACCUSE", Mode: "allege", Context: "crime; corruption", Root: "11"},
		{Code: "1246", Name: "Refuse to de-escalate military engagement", Goldstein: -4, Quad: VerbalConflict, Plover: "REJECT", Mode: "yield", Context: "military", Root: "12"},
		{Code: "138", Name: "Threaten with military force", Goldstein: -7, Quad: VerbalConflict, Plover: "THREATEN", Mode: "violence", Context: "military", Root: "13"},
		{Code: "190", Name: "Use conventional military force", Goldstein: -10, Quad: MaterialConflict, Plover: "ASSAULT", Context: "military", Root: "19"},
		{Code: "192", Name: "Occupy territory", Goldstein: -9.5, Quad: MaterialConflict, Plover: "COERCE", Mode: "seize", Context: "military", Root: "19"},
		{Code: "20", Name: "USE UNCONVENTIONAL MASS VIOLENCE", Goldstein: -10, Quad: MaterialConflict, Plover: "ASSAULT", Root: "20"},
		// Decisions (see cameo.txt's header).
		{Code: "195", Name: "Employ aerial weapons", Goldstein: -10, Quad: MaterialConflict, Plover: "ASSAULT", Mode: "aerial", Context: "military", Root: "19"},
		{Code: "08", Name: "YIELD", Goldstein: 5, Quad: MaterialCooperation, Plover: "CONCEDE", Root: "08"},
		{Code: "0813", Name: "Ease curfew", Goldstein: 5, Quad: MaterialCooperation, Plover: "CONCEDE", Context: "legal", Root: "08"},
		{Code: "163", Name: "Impose embargo, boycott, or sanctions", Goldstein: -8, Quad: MaterialConflict, Plover: "SANCTION", Mode: "discontinue", Context: "diplomatic", Root: "16"},
		{Code: "175", Name: "Use tactics of violent repression", Goldstein: -9, Quad: MaterialConflict, Plover: "ASSAULT", Context: "pro_autocracy; military", Root: "17"},
		{Code: "0333", Name: "Express intent to provide humanitarian aid", Goldstein: 5.2, Quad: VerbalCooperation, Plover: "AGREE", Context: "human_security", Root: "03"},
		// Dropped by PLOVER: no type.
		{Code: "010", Name: "Make statement", Goldstein: 0, Quad: VerbalCooperation, Root: "01"},
		{Code: "0214", Name: "Appeal for intelligence", Goldstein: 3.4, Quad: VerbalCooperation, Root: "02"},
	}
	for _, want := range tests {
		t.Run(want.Code, func(t *testing.T) {
			got, ok := Lookup(want.Code)
			if !ok || got != want {
				t.Errorf("Lookup(%q) = %+v, %v; want %+v, true", want.Code, got, ok, want)
			}
			if !Valid(want.Code) {
				t.Errorf("Valid(%q) = false; want true", want.Code)
			}
		})
	}
}

func TestLookupInvalid(t *testing.T) {
	for _, c := range []string{"", "0", "00", "21", "99", "36", "0360", "03111", " 036", "036 ", "O36", "1214", "-10", "١٢"} {
		if info, ok := Lookup(c); ok || info != (Info{}) {
			t.Errorf("Lookup(%q) = %+v, %v; want zero Info, false", c, info, ok)
		}
		if Valid(c) {
			t.Errorf("Valid(%q) = true; want false", c)
		}
	}
}

// cameoCSV is the reference CAMEO table, relative to this package's folder.
var cameoCSV = filepath.Join("..", "..", "..", "shared", "reference", "cameo_codes.csv")

// TestAgainstCodebook checks that every code of the reference CAMEO table
// is present with the same name and Goldstein value, and nothing else is.
func TestAgainstCodebook(t *testing.T) {
	f, err := os.Open(cameoCSV)
	if errors.Is(err, fs.ErrNotExist) {
		testenv.Absent(t, "reference table %s not found (it lives beside the repository in shared/reference)", cameoCSV)
	}
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	if _, err := r.Read(); err != nil { // header
		t.Fatal(err)
	}
	var want []string
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		code, name := rec[0], strings.Join(strings.Fields(rec[1]), " ")
		g, err := strconv.ParseFloat(rec[2], 64)
		if err != nil {
			t.Fatalf("%s: goldstein %q: %v", code, rec[2], err)
		}
		want = append(want, code)
		info, ok := Lookup(code)
		if !ok {
			t.Errorf("Lookup(%q) not found; want goldstein %v", code, g)
			continue
		}
		if info.Goldstein != g || info.Name != name {
			t.Errorf("Lookup(%q) = goldstein %v, name %q; want %v, %q", code, info.Goldstein, info.Name, g, name)
		}
	}
	slices.Sort(want)
	if got := Codes(); !slices.Equal(got, want) {
		t.Errorf("Codes() has %d codes; the codebook has %d", len(got), len(want))
	}
}

// TestTableIsPlover checks every code against the PLOVER manual: a type
// among the 16 (none for the dropped roots 01 and 02), a mode of that type,
// known contexts, a quad class 1 to 4 matching the root, and a parent.
func TestTableIsPlover(t *testing.T) {
	types := PloverTypes()
	if len(types) != 16 {
		t.Fatalf("PloverTypes() has %d types; want 16", len(types))
	}
	codes := Codes()
	if len(codes) < 300 {
		t.Fatalf("Codes() has %d codes; want the full CAMEO table (over 300)", len(codes))
	}
	if !slices.IsSorted(codes) {
		t.Errorf("Codes() is not sorted")
	}
	used := map[string]bool{}
	for _, c := range codes {
		info, ok := Lookup(c)
		if !ok || info.Code != c {
			t.Fatalf("Lookup(%q) = %+v, %v; want its own Info", c, info, ok)
		}
		if info.Root != c[:2] {
			t.Errorf("Lookup(%q).Root = %q; want %q", c, info.Root, c[:2])
		}
		if info.Quad < VerbalCooperation || info.Quad > MaterialConflict {
			t.Errorf("Lookup(%q).Quad = %d; want 1 to 4", c, info.Quad)
		}
		if root, _ := Lookup(info.Root); root.Quad != info.Quad || root.Plover == "" && info.Plover != "" {
			t.Errorf("Lookup(%q) = quad %v, type %q; its root %s has %v, %q", c, info.Quad, info.Plover, info.Root, root.Quad, root.Plover)
		}
		if len(c) > 2 && !Valid(c[:len(c)-1]) {
			t.Errorf("Valid(%q) = false; want true, as the parent of %s", c[:len(c)-1], c)
		}
		if info.Goldstein < -10 || info.Goldstein > 10 {
			t.Errorf("Lookup(%q).Goldstein = %v; want -10 to 10", c, info.Goldstein)
		}
		if info.Root == "01" || info.Root == "02" {
			if info.Plover != "" || info.Mode != "" || info.Context != "" {
				t.Errorf("Lookup(%q) = %q, %q, %q; want no PLOVER type, mode or context (dropped by PLOVER)", c, info.Plover, info.Mode, info.Context)
			}
			continue
		}
		if !slices.Contains(types, info.Plover) {
			t.Errorf("Lookup(%q).Plover = %q; want one of %v", c, info.Plover, types)
		}
		used[info.Plover] = true
		if info.Mode != "" && !slices.Contains(PloverModes[info.Plover], info.Mode) {
			t.Errorf("Lookup(%q).Mode = %q; want one of %s's modes %v", c, info.Mode, info.Plover, PloverModes[info.Plover])
		}
		if info.Context != "" {
			for ctx := range strings.SplitSeq(info.Context, "; ") {
				if !slices.Contains(PloverContexts, ctx) {
					t.Errorf("Lookup(%q).Context = %q: %q is not a PLOVER context", c, info.Context, ctx)
				}
			}
		}
	}
	for _, p := range types {
		if !used[p] {
			t.Errorf("no CAMEO code has PLOVER type %s", p)
		}
	}
}

func TestQuadClassString(t *testing.T) {
	tests := []struct {
		q    QuadClass
		want string
	}{
		{VerbalCooperation, "verbal cooperation"},
		{MaterialCooperation, "material cooperation"},
		{VerbalConflict, "verbal conflict"},
		{MaterialConflict, "material conflict"},
		{0, "QuadClass(0)"},
		{5, "QuadClass(5)"},
	}
	for _, tt := range tests {
		if got := tt.q.String(); got != tt.want {
			t.Errorf("QuadClass(%d).String() = %q; want %q", int(tt.q), got, tt.want)
		}
	}
}

// TestQuadFromRoot checks GDELT's root ranges at their edges.
func TestQuadFromRoot(t *testing.T) {
	for root, want := range map[string]QuadClass{
		"01": VerbalCooperation, "05": VerbalCooperation,
		"06": MaterialCooperation, "08": MaterialCooperation,
		"09": VerbalConflict, "13": VerbalConflict,
		"14": MaterialConflict, "20": MaterialConflict,
	} {
		if info, _ := Lookup(root); info.Quad != want {
			t.Errorf("Lookup(%q).Quad = %v; want %v", root, info.Quad, want)
		}
	}
}

// TestResultsAreCopies checks that callers cannot change the table.
func TestResultsAreCopies(t *testing.T) {
	Codes()[0] = "x"
	if Codes()[0] == "x" {
		t.Errorf("Codes() returns the table's own slice")
	}
	PloverTypes()[0] = "x"
	if PloverTypes()[0] != "AGREE" {
		t.Errorf("PloverTypes() returns the package's own slice")
	}
}

// TestConcurrentLookup is for -race: lookups from many goroutines, racing
// for the first parse.
func TestConcurrentLookup(t *testing.T) {
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for _, c := range Codes() {
				if info, ok := Lookup(c); !ok || info.Code != c {
					t.Errorf("Lookup(%q) = %+v, %v; want its own Info", c, info, ok)
				}
			}
		})
	}
	wg.Wait()
}

func TestParseTableErrors(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"fields", "03\t4\tAGREE\t-\t-\n", "want 6 tab-separated fields"},
		{"code", "3x\t4\tAGREE\t-\t-\tX\n", `bad code "3x"`},
		{"root", "21\t4\tAGREE\t-\t-\tX\n", "root 21 is not 01 to 20"},
		{"parent", "036\t4\tAGREE\t-\t-\tX\n", "parent 03 not listed"},
		{"goldstein", "03\tfour\tAGREE\t-\t-\tX\n", `bad goldstein "four"`},
		{"type", "03\t4\tAGREED\t-\t-\tX\n", `"AGREED" is not a PLOVER type`},
		{"twice", "03\t4\tAGREE\t-\t-\tX\n03\t4\tAGREE\t-\t-\tX\n", "listed twice"},
		{"empty", "# nothing\n", "no codes"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := parseTable(tt.src)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("parseTable(%q) error = %v; want it to contain %q", tt.src, err, tt.want)
			}
		})
	}
}

func FuzzLookup(f *testing.F) {
	for _, s := range []string{"", "0", "03", "036", "0311", "2042", "21", "03111", "\x00", "\xff1", "١٢"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		info, ok := Lookup(s)
		if ok != Valid(s) {
			t.Fatalf("Lookup(%q) ok = %v but Valid = %v", s, ok, Valid(s))
		}
		if ok && (info.Code != s || info.Root != s[:2] || info.Quad < VerbalCooperation || info.Quad > MaterialConflict) {
			t.Fatalf("Lookup(%q) = %+v; want an Info for that code", s, info)
		}
		if !ok && info != (Info{}) {
			t.Fatalf("Lookup(%q) = %+v, false; want zero Info", s, info)
		}
	})
}

func BenchmarkLookup(b *testing.B) {
	codes := []string{"036", "0311", "042", "057", "112", "1246", "138", "190", "195", "0874", "99", "0"}
	Lookup("03") // parse the table outside the loop
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		Lookup(codes[i%len(codes)])
		i++
	}
}
