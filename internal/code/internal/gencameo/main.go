// Command gencameo writes internal/code/cameo.txt, dyad's table of CAMEO
// event codes with their Goldstein values and PLOVER equivalents, from two
// reference files:
//
//   - reference/cameo_codes.csv: the CAMEO codebook table of the icews R
//     package (MIT): code, name, goldstein, description, usage_notes. Only
//     code, name and goldstein are used;
//   - reference/cameo2plover.txt: the CAMEO to PLOVER conversion table of
//     the PLOVER project (CC BY-SA 4.0): "CODE: TYPE, MODE, CONTEXT # note".
//
// Run from the repository root:
//
//	go run ./internal/code/internal/gencameo -shared ../shared > internal/code/cameo.txt
//
// A code that cameo2plover.txt does not list takes the entry of its nearest
// listed ancestor (0XYZ -> 0XY -> 0X). Where the conversion table
// contradicts the PLOVER manual (draft 0.8) the manual decides; each such
// decision is a rule below and is written as a comment line of cameo.txt.
package main

import (
	"bufio"
	"encoding/csv"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

func main() {
	shared := flag.String("shared", "../shared", "directory holding reference/cameo_codes.csv and reference/cameo2plover.txt")
	flag.Parse()
	w := bufio.NewWriter(os.Stdout)
	err := generate(w, *shared)
	if err == nil {
		err = w.Flush()
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "gencameo:", err)
		os.Exit(1)
	}
}

// cameoCode is one row of cameo_codes.csv.
type cameoCode struct {
	code, name, goldstein string
}

// plover is one entry of cameo2plover.txt.
type plover struct {
	typ, mode, context string
}

// A decision replaces what cameo2plover.txt says for some codes, per the
// PLOVER manual; why is written into cameo.txt.
type decision struct {
	why   string
	apply func(code string, p plover) (plover, bool) // false: not applicable
}

// forCodes applies set to the listed codes.
func forCodes(set func(plover) plover, codes ...string) func(string, plover) (plover, bool) {
	return func(code string, p plover) (plover, bool) {
		if slices.Contains(codes, code) {
			return set(p), true
		}
		return p, false
	}
}

// renameMode renames a mode of one PLOVER type, whatever the code.
func renameMode(typ, from, to string) func(string, plover) (plover, bool) {
	return func(_ string, p plover) (plover, bool) {
		if p.typ != typ || p.mode != from {
			return p, false
		}
		p.mode = to
		return p, true
	}
}

// renameContext renames one context, whatever the code and type.
func renameContext(from, to string) func(string, plover) (plover, bool) {
	return func(_ string, p plover) (plover, bool) {
		parts := splitContexts(p.context)
		hit := false
		for i, c := range parts {
			if c == from {
				parts[i], hit = to, true
			}
		}
		p.context = strings.Join(parts, "; ")
		return p, hit
	}
}

// decisions are applied in order to every code's entry.
var decisions = []decision{
	{
		why: "cameo2plover.txt lists 08 twice (CONCEDE, then RETREAT); the manual splits YIELD into CONCEDE (081-083) and RETREAT (084-087); the root takes CONCEDE, as its residual code 080 does.",
		apply: forCodes(func(p plover) plover {
			return plover{typ: "CONCEDE"}
		}, "08"),
	},
	{
		why: "cameo2plover.txt gives RETREAT; the manual maps 081-083 to CONCEDE and its CONCEDE section names the removal of curfews as a verbal concession; siblings 0811, 0812 and parent 081 are CONCEDE.",
		apply: forCodes(func(p plover) plover {
			p.typ = "CONCEDE"
			return p
		}, "0813", "0814"),
	},
	{
		why: "cameo2plover.txt gives COERCE restrict; the manual's SANCTION section says international (political or economic) sanctions are coded SANCTION discontinue.",
		apply: forCodes(func(p plover) plover {
			p.typ, p.mode = "SANCTION", "discontinue"
			return p
		}, "163"),
	},
	{
		why: "cameo2plover.txt gives mode heavy-weapons; the manual defines heavy-weapons as artillery, rockets, armoured vehicles and tanks, and has the mode aerial for manned aircraft and helicopters.",
		apply: forCodes(func(p plover) plover {
			p.mode = "aerial"
			return p
		}, "195"),
	},
	{
		why: "cameo2plover.txt puts pro_autocracy in the mode column; it is a manual context, not an ASSAULT mode: moved to the contexts.",
		apply: forCodes(func(p plover) plover {
			if p.mode == "pro_autocracy" {
				p.mode = ""
				p.context = strings.Join(append([]string{"pro_autocracy"}, splitContexts(p.context)...), "; ")
			}
			return p
		}, "175"),
	},
	{
		why:   "RETREAT mode ease: cameo2plover.txt notes that ease is no longer a mode; left blank.",
		apply: renameMode("RETREAT", "ease", ""),
	},
	{
		why:   "RETREAT mode return: not among the manual's RETREAT modes (commented out there); left blank.",
		apply: renameMode("RETREAT", "return", ""),
	},
	{
		why:   "THREATEN mode ban: not a manual THREATEN mode; restrict covers the banning of political activities of parties or individuals.",
		apply: renameMode("THREATEN", "ban", "restrict"),
	},
	{
		why:   "THREATEN mode political: not a manual THREATEN mode; restrict covers restrictions on political activity.",
		apply: renameMode("THREATEN", "political", "restrict"),
	},
	{
		why:   "COERCE mode ban: not a manual COERCE mode; restrict covers banning individuals or organizations from political life.",
		apply: renameMode("COERCE", "ban", "restrict"),
	},
	{
		why:   "ASSAULT mode seize: not a manual ASSAULT mode; destroy is intentional destruction of property.",
		apply: renameMode("ASSAULT", "seize", "destroy"),
	},
	{
		why:   "ASSAULT mode assassinate: not a manual ASSAULT mode; targeted covers successful and attempted assassinations.",
		apply: renameMode("ASSAULT", "assassinate", "targeted"),
	},
	{
		why:   "ASSAULT mode massacre: dropped from the manual's ASSAULT modes; targeted covers deliberate mass killings of defenceless actors.",
		apply: renameMode("ASSAULT", "massacre", "targeted"),
	},
	{
		why:   "ASSAULT mode cleansing: dropped from the manual's ASSAULT modes, with no replacement; left blank (the context religion_ethnicity stays).",
		apply: renameMode("ASSAULT", "cleansing", ""),
	},
	{
		why:   "context humanitarian: not a manual context; human_security covers access to food, water, housing and efforts to address it.",
		apply: renameContext("humanitarian", "human_security"),
	},
	{
		why:   "context democracy: not a manual context; pro_democracy is the manual's name.",
		apply: renameContext("democracy", "pro_democracy"),
	},
}

// dropped are the CAMEO roots that PLOVER drops (manual, "CAMEO to PLOVER
// translation"): their codes get no PLOVER type, mode or context.
var dropped = map[string]bool{"01": true, "02": true}

// generate writes cameo.txt to w from the reference files under shared.
func generate(w io.Writer, shared string) error {
	codes, err := readCodes(filepath.Join(shared, "reference", "cameo_codes.csv"))
	if err != nil {
		return err
	}
	mapping, err := readMapping(filepath.Join(shared, "reference", "cameo2plover.txt"))
	if err != nil {
		return err
	}

	known := map[string]bool{}
	for _, c := range codes {
		known[c.code] = true
	}
	var unused []string
	for code := range mapping {
		if !known[code] {
			unused = append(unused, code)
		}
	}

	applied := make([][]string, len(decisions)) // codes per decision
	var inherited, droppedCodes []string
	rows := make([][]string, 0, len(codes))
	for _, c := range codes {
		var p plover
		if dropped[c.code[:2]] {
			droppedCodes = append(droppedCodes, c.code)
		} else {
			src, ok := ancestor(mapping, c.code)
			if !ok {
				return fmt.Errorf("cameo2plover.txt: no entry for %s or any ancestor", c.code)
			}
			if src != c.code {
				inherited = append(inherited, c.code+" from "+src)
			}
			p = mapping[src][0]
			decided := false
			for i, d := range decisions {
				if q, ok := d.apply(c.code, p); ok {
					p, decided = q, true
					applied[i] = append(applied[i], c.code)
				}
			}
			// A code listed twice with different entries needs a decision.
			if slices.ContainsFunc(mapping[src], func(q plover) bool { return q != mapping[src][0] }) && !decided {
				return fmt.Errorf("cameo2plover.txt: %s listed %d times with different entries", src, len(mapping[src]))
			}
		}
		rows = append(rows, []string{c.code, c.goldstein, dash(p.typ), dash(p.mode), dash(p.context), c.name})
	}

	b := &strings.Builder{}
	b.WriteString(header)
	fmt.Fprintf(b, "#\n# Decisions (%d codes).\n", len(codes))
	fmt.Fprintf(b, "# Dropped roots 01 MAKE PUBLIC STATEMENT and 02 APPEAL (%d codes): the manual's\n", len(droppedCodes))
	b.WriteString("# CAMEO-to-PLOVER table says \"dropped\", so these codes have no PLOVER type (-).\n")
	if len(inherited) > 0 {
		fmt.Fprintf(b, "# Inherited from an ancestor: %s.\n", strings.Join(inherited, ", "))
	} else {
		b.WriteString("# Inherited from an ancestor: none (every other code has its own entry).\n")
	}
	if len(unused) > 0 {
		slices.Sort(unused)
		fmt.Fprintf(b, "# In cameo2plover.txt but not in the CAMEO table, so left out: %s.\n", strings.Join(unused, ", "))
	}
	for i, d := range decisions {
		if len(applied[i]) == 0 {
			continue
		}
		writeWrapped(b, strings.Join(applied[i], ", ")+": "+d.why)
	}
	b.WriteString("#\n# code\tgoldstein\tplover\tmode\tcontext\tname\n")
	for _, r := range rows {
		b.WriteString(strings.Join(r, "\t"))
		b.WriteByte('\n')
	}
	_, err = io.WriteString(w, b.String())
	return err
}

const header = `# CAMEO event codes with their Goldstein values and PLOVER equivalents.
#
# Generated by internal/code/internal/gencameo; do not edit by hand. To
# regenerate, from the repository root:
#   go run ./internal/code/internal/gencameo -shared ../shared > internal/code/cameo.txt
#
# One line per CAMEO code (2-, 3- and 4-digit), six tab-separated columns:
#   code       CAMEO code                  CAMEO codebook (see below)
#   goldstein  Goldstein value             CAMEO codebook
#   plover     PLOVER event type           CAMEO to PLOVER mapping (see below)
#   mode       PLOVER mode                 CAMEO to PLOVER mapping
#   context    PLOVER context(s), several  CAMEO to PLOVER mapping
#              separated by "; "
#   name       CAMEO short name            CAMEO codebook
# "-" marks an empty field.
#
# Sources and licences:
#   CAMEO codebook: the code, name and goldstein columns of cameo_codes.csv
#   from the icews R package, (c) 2022 Andreas Beger, MIT licence. The long
#   descriptions and usage notes are not included.
#   CAMEO to PLOVER mapping: cameo2plover.txt, the PLOVER project's CAMEO to
#   PLOVER conversion table (edited by Philip Schrodt, 17 September 2021),
#   CC BY-SA 4.0, with the changes listed below; decisions follow the PLOVER
#   manual, draft 0.8 (17 September 2021). This table, as an adaptation of
#   the mapping, is offered under CC BY-SA 4.0.
`

// writeWrapped writes s as comment lines of at most about 78 bytes.
func writeWrapped(b *strings.Builder, s string) {
	line := "#"
	for _, w := range strings.Fields(s) {
		if len(line)+1+len(w) > 78 && line != "#" && line != "#  " {
			b.WriteString(line + "\n")
			line = "#  "
		}
		line += " " + w
	}
	b.WriteString(line + "\n")
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// ancestor returns the code itself or its nearest ancestor listed in m.
func ancestor(m map[string][]plover, code string) (string, bool) {
	for c := code; len(c) >= 2; c = c[:len(c)-1] {
		if _, ok := m[c]; ok {
			return c, true
		}
	}
	return "", false
}

var codeRE = regexp.MustCompile(`^[0-9]{2,4}$`)

// readCodes reads code, name and goldstein from cameo_codes.csv.
func readCodes(path string) ([]cameoCode, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := csv.NewReader(f)
	head, err := r.Read()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	col := map[string]int{}
	for i, h := range head {
		col[h] = i
	}
	for _, h := range []string{"code", "name", "goldstein"} {
		if _, ok := col[h]; !ok {
			return nil, fmt.Errorf("%s: no %q column", path, h)
		}
	}
	var out []cameoCode
	seen := map[string]bool{}
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		line, _ := r.FieldPos(0)
		c := cameoCode{
			code:      strings.TrimSpace(rec[col["code"]]),
			name:      strings.Join(strings.Fields(rec[col["name"]]), " "),
			goldstein: strings.TrimSpace(rec[col["goldstein"]]),
		}
		if !codeRE.MatchString(c.code) {
			return nil, fmt.Errorf("%s:%d: bad code %q", path, line, c.code)
		}
		if seen[c.code] {
			return nil, fmt.Errorf("%s:%d: code %s listed twice", path, line, c.code)
		}
		seen[c.code] = true
		if _, err := strconv.ParseFloat(c.goldstein, 64); err != nil {
			return nil, fmt.Errorf("%s:%d: code %s: bad goldstein %q", path, line, c.code, c.goldstein)
		}
		if c.name == "" || strings.ContainsAny(c.name, "\t\n") {
			return nil, fmt.Errorf("%s:%d: code %s: bad name %q", path, line, c.code, c.name)
		}
		out = append(out, c)
	}
	return out, nil
}

// readMapping reads cameo2plover.txt: "CODE: TYPE[, MODE, CONTEXT] # note".
// Blank fields stay blank; fields are trimmed; several contexts, separated
// by ";", are kept, joined by "; ". Every entry of a code listed more than
// once is kept, in file order.
func readMapping(path string) (map[string][]plover, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	m := map[string][]plover{}
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if strings.HasPrefix(line, "~") {
			break // end of table
		}
		code, rest, ok := strings.Cut(line, ":")
		code = strings.TrimSpace(code)
		if !ok || !codeRE.MatchString(code) {
			return nil, fmt.Errorf("%s:%d: want CODE: TYPE, MODE, CONTEXT; got %q", path, n, line)
		}
		fields := strings.Split(rest, ",")
		for i := range fields {
			fields[i] = strings.TrimSpace(fields[i])
		}
		var p plover
		switch len(fields) {
		case 1: // a root heading: "03: AGREE"
			p.typ = fields[0]
		case 3:
			p = plover{typ: fields[0], mode: fields[1], context: strings.Join(splitContexts(fields[2]), "; ")}
		default:
			return nil, fmt.Errorf("%s:%d: want 1 or 3 comma-separated fields; got %d", path, n, len(fields))
		}
		if p.typ == "" {
			return nil, fmt.Errorf("%s:%d: no PLOVER type", path, n)
		}
		m[code] = append(m[code], p)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return m, nil
}

// splitContexts splits "crime; corruption" into its trimmed, non-empty parts.
func splitContexts(s string) []string {
	var out []string
	for _, c := range strings.Split(s, ";") {
		if c = strings.TrimSpace(c); c != "" {
			out = append(out, c)
		}
	}
	return out
}
