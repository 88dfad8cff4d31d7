package code

import (
	_ "embed"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// cameoTable is the table of CAMEO codes; its header comment gives the
// columns, their sources and licences, and how to regenerate it.
//
//go:embed cameo.txt
var cameoTable string

// QuadClass is the GDELT/ICEWS quad class: 1 verbal cooperation, 2 material
// cooperation, 3 verbal conflict, 4 material conflict. It follows from the
// CAMEO root as GDELT defines it (01-05, 06-08, 09-13, 14-20), not from the
// PLOVER type.
type QuadClass int

// The four quad classes, numbered as in GDELT and ICEWS.
const (
	VerbalCooperation QuadClass = 1 + iota
	MaterialCooperation
	VerbalConflict
	MaterialConflict
)

// String returns the quad class's name, such as "verbal cooperation".
func (q QuadClass) String() string {
	switch q {
	case VerbalCooperation:
		return "verbal cooperation"
	case MaterialCooperation:
		return "material cooperation"
	case VerbalConflict:
		return "verbal conflict"
	case MaterialConflict:
		return "material conflict"
	}
	return "QuadClass(" + strconv.Itoa(int(q)) + ")"
}

// quadOf returns the quad class of a two-digit CAMEO root, or 0 if root is
// not one of 01 to 20.
func quadOf(root string) QuadClass {
	n, err := strconv.Atoi(root)
	switch {
	case err != nil || len(root) != 2:
		return 0
	case n >= 1 && n <= 5:
		return VerbalCooperation
	case n >= 6 && n <= 8:
		return MaterialCooperation
	case n >= 9 && n <= 13:
		return VerbalConflict
	case n >= 14 && n <= 20:
		return MaterialConflict
	}
	return 0
}

// Info describes one CAMEO event code.
type Info struct {
	Code string // CAMEO code, 2 to 4 digits: "0871"
	Name string // CAMEO short name: "Declare truce, ceasefire"

	Goldstein float64   // Goldstein value, -10 to +10
	Quad      QuadClass // from the CAMEO root

	// Plover is the PLOVER event type, one of PloverTypes; it is empty for
	// the roots 01 (make public statement) and 02 (appeal), which PLOVER
	// drops.
	Plover string
	// Mode is the PLOVER mode, often empty.
	Mode string
	// Context is the PLOVER context, often empty; several contexts are
	// separated by "; " ("crime; corruption").
	Context string

	Root string // the 2-digit CAMEO root: "08"
}

// ploverTypes are the 16 PLOVER event types, in the order of the PLOVER
// manual (draft 0.8).
var ploverTypes = [...]string{
	"AGREE", "CONSULT", "SUPPORT", "CONCEDE",
	"COOPERATE", "AID", "RETREAT",
	"REQUEST", "ACCUSE", "REJECT", "THREATEN",
	"PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
}

// PloverTypes returns the 16 PLOVER event types in the manual's order,
// AGREE to ASSAULT. The caller may modify the returned slice.
func PloverTypes() []string { return slices.Clone(ploverTypes[:]) }

// table is the parsed cameo.txt; it is only read after parsing.
type table struct {
	byCode map[string]Info
	codes  []string // sorted
}

// cameoData returns the parsed table, parsing it on first use.
var cameoData = sync.OnceValue(func() *table {
	t, err := parseTable(cameoTable)
	if err != nil {
		panic(err) // the table is embedded: a test catches this before release
	}
	return t
})

// Lookup returns the description of a CAMEO code such as "0871", and
// whether the code exists. The code must be written exactly, with its
// leading zero.
func Lookup(cameo string) (Info, bool) {
	info, ok := cameoData().byCode[cameo]
	return info, ok
}

// Valid reports whether cameo is a CAMEO event code.
func Valid(cameo string) bool {
	_, ok := cameoData().byCode[cameo]
	return ok
}

// Codes returns every CAMEO code, 2-, 3- and 4-digit, sorted. The caller
// may modify the returned slice.
func Codes() []string { return slices.Clone(cameoData().codes) }

// parseTable parses the text of cameo.txt.
func parseTable(src string) (*table, error) {
	t := &table{byCode: map[string]Info{}}
	isType := map[string]bool{}
	for _, p := range ploverTypes {
		isType[p] = true
	}
	for n, line := range strings.Split(src, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		errorf := func(format string, args ...any) error {
			return fmt.Errorf("code: cameo.txt:%d: "+format, append([]any{n + 1}, args...)...)
		}
		f := strings.Split(line, "\t")
		if len(f) != 6 {
			return nil, errorf("want 6 tab-separated fields; got %d", len(f))
		}
		for i := 2; i <= 4; i++ {
			if f[i] == "-" {
				f[i] = ""
			}
		}
		info := Info{Code: f[0], Plover: f[2], Mode: f[3], Context: f[4], Name: f[5]}
		if len(info.Code) < 2 || len(info.Code) > 4 || strings.Trim(info.Code, "0123456789") != "" {
			return nil, errorf("bad code %q", info.Code)
		}
		if _, dup := t.byCode[info.Code]; dup {
			return nil, errorf("code %s listed twice", info.Code)
		}
		info.Root = info.Code[:2]
		if info.Quad = quadOf(info.Root); info.Quad == 0 {
			return nil, errorf("code %s: root %s is not 01 to 20", info.Code, info.Root)
		}
		if len(info.Code) > 2 {
			if _, ok := t.byCode[info.Code[:len(info.Code)-1]]; !ok {
				return nil, errorf("code %s: parent %s not listed before it", info.Code, info.Code[:len(info.Code)-1])
			}
		}
		g, err := strconv.ParseFloat(f[1], 64)
		if err != nil || g < -10 || g > 10 {
			return nil, errorf("code %s: bad goldstein %q", info.Code, f[1])
		}
		info.Goldstein = g
		if info.Plover != "" && !isType[info.Plover] {
			return nil, errorf("code %s: %q is not a PLOVER type", info.Code, info.Plover)
		}
		if info.Name == "" {
			return nil, errorf("code %s: no name", info.Code)
		}
		t.byCode[info.Code] = info
		t.codes = append(t.codes, info.Code)
	}
	if len(t.codes) == 0 {
		return nil, fmt.Errorf("code: cameo.txt: no codes")
	}
	slices.Sort(t.codes)
	return t, nil
}
