package kb

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"
)

// checkParseErrors asserts the error contract of every dictionary
// parser: each error a *ParseError, one line of valid UTF-8,
// "f.txt:LINE: msg" with LINE inside the input, and with ordered set, in
// increasing line order.
func checkParseErrors(t *testing.T, data []byte, errs []error, ordered bool) {
	t.Helper()
	nlines := bytes.Count(data, []byte("\n")) + 1
	last := 0
	for _, err := range errs {
		var pe *ParseError
		if !errors.As(err, &pe) {
			t.Fatalf("error %v is %T; want *ParseError", err, err)
		}
		msg := err.Error()
		if prefix := fmt.Sprintf("f.txt:%d: ", pe.Line); !strings.HasPrefix(msg, prefix) || len(msg) == len(prefix) {
			t.Errorf("error %q does not start with %q and a message", msg, prefix)
		}
		if strings.ContainsAny(msg, "\n\r") || !utf8.ValidString(msg) {
			t.Errorf("error %q is not one line of valid UTF-8", msg)
		}
		if pe.Line < 1 || pe.Line > nlines || ordered && pe.Line <= last {
			t.Errorf("error %q: line %d (after line %d), input has %d lines", msg, pe.Line, last, nlines)
		}
		last = pe.Line
	}
}

func addSeeds(f *testing.F, seeds ...string) {
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	f.Add([]byte("<!-- open\n" + strings.Repeat("x", 5000) + "\n\xff\xfe\r\n\x00["))
}

func FuzzPETRARCHActors(f *testing.F) {
	addSeeds(f,
		"UNITED_STATES [USA]\n+USA\nGOLLUM\n+SMEAGOL\n\t[HOB < 950601]\n\t[HOBGOV 19950601 - 19990815]\n\t[HOBREB > 990816]\n",
		"A [B 991231-000101] [---] [C/D >20200230]\n[X]\n+\nB [\n",
		"IVO\nPRES\n\t[HRVGOV >20120219]\n\nU.N._\n# c\nX [Y] junk\n")
	f.Fuzz(func(t *testing.T, data []byte) {
		actors, errs := ParsePETRARCHActors(bytes.NewReader(data), "f.txt")
		checkParseErrors(t, data, errs, false)
		for _, a := range actors {
			if len(a.Phrases) == 0 || len(a.Codes) == 0 {
				t.Errorf("actor at line %d: %d phrases, %d codes", a.Line, len(a.Phrases), len(a.Codes))
			}
			for _, r := range a.Ranges() {
				if r.From != "" && r.To != "" && r.To < r.From {
					t.Errorf("actor at line %d: range %v ends before it starts", a.Line, r)
				}
			}
		}
		k := New()
		k.LoadPETRARCH("f.actors.txt", data)
	})
}

func FuzzPETRARCHAgents(f *testing.F) {
	addSeeds(f,
		"!PERSON! = MAN, MEN\nCATTLE!PERSON! [~AGR]\nATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]\nBODY [NGO~]\n",
		"!A! = !B!\n!B! = X\n!B!!B!!B!!B! [~GOV]\nX {!B! [~G]\n[~]\n{}[~GOV]\n")
	f.Fuzz(func(t *testing.T, data []byte) {
		agents, errs := ParsePETRARCHAgents(bytes.NewReader(data), "f.txt")
		checkParseErrors(t, data, errs, false)
		for _, a := range agents {
			if len(a.Phrases) == 0 || len(a.Phrases) > 2*maxAgentForms+1 || len(a.Code) < 3 {
				t.Errorf("agent at line %d: %d phrases, code %q", a.Line, len(a.Phrases), a.Code)
			}
		}
		k := New()
		k.LoadPETRARCH("f.agents.txt", data)
	})
}

func FuzzPETRARCHVerbs(f *testing.F) {
	addSeeds(f,
		"&A\n+X\n+&B\n&B\n+Y_Z\n---  V   [010]  ---\nV {VS}\n+CALL_OFF [160]\n- * (TO &A) {P Q} + [042:043]\n- $ * OFF (FROM ^) [:1]\n- &A * [---]\n",
		"&L\n+&L\n--- X [1] ---\nX\n- * &L [010]\n- * ( ( ) } { [01]\n~ a (b) = c\nY [\n- *",
		"ABANDON [345]\n- * EFFORT [987]\nACCORD\n- IN_* [075]\n")
	f.Fuzz(func(t *testing.T, data []byte) {
		d, errs := ParsePETRARCHVerbs(bytes.NewReader(data), "f.txt")
		checkParseErrors(t, data, errs, false)
		pats, sum, cerrs := d.Patterns(nil, MaxSynsetExpansion)
		checkParseErrors(t, data, cerrs, false)
		if sum.Patterns != len(pats) {
			t.Errorf("summary counts %d patterns; got %d", sum.Patterns, len(pats))
		}
		for _, p := range pats {
			if p.Verb == "" || p.Discard != (p.Code == "") {
				t.Errorf("pattern %q: verb %q code %q discard %v", p.Text, p.Verb, p.Code, p.Discard)
			}
			for _, e := range p.Elems {
				if (e.Kind == PrepElem || e.Kind == PrepNounElem) && e.Prep == "" || e.Kind != PrepElem && len(e.Words) == 0 {
					t.Errorf("pattern %q: bad element %+v", p.Text, e)
				}
			}
		}
	})
}

func FuzzPETRARCHDiscards(f *testing.F) {
	addSeeds(f, "# c\nMONTHS LATER\n+World Golf Championships   # pas\n+\n", "A;B\n<!-- x -->\n_\n")
	f.Fuzz(func(t *testing.T, data []byte) {
		ds, errs := ParsePETRARCHDiscards(bytes.NewReader(data), "f.txt")
		checkParseErrors(t, data, errs, false)
		for _, d := range ds {
			if d.Phrase == "" || d.Phrase != strings.ToLower(d.Phrase) || strings.Contains(d.Phrase, "  ") {
				t.Errorf("discard at line %d: %q", d.Line, d.Phrase)
			}
		}
	})
}
