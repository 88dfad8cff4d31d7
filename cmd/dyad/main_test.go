package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func runDyad(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(context.Background(), args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

func TestUsage(t *testing.T) {
	for _, args := range [][]string{nil, {"nope"}, {"text"}, {"text", "-format", "xml", "x"}, {"tagger"}, {"tagger", "fly"}} {
		if code, _, _ := runDyad(t, "", args...); code != 2 {
			t.Errorf("dyad %q exit = %d; want 2", args, code)
		}
	}
	if code, out, _ := runDyad(t, "", "help"); code != 0 || !strings.Contains(out, "dyad text [flags] INPUT...") {
		t.Errorf("dyad help = %d %q", code, out)
	}
}

func TestTextExample(t *testing.T) {
	code, out, errs := runDyad(t, "", "text", "-date", "2026-01-02", filepath.Join("..", "..", "examples", "harbour-talks.txt"))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.HasPrefix(out, "# harbour-talks 2026-01-02\n") {
		t.Errorf("output starts %q", out[:min(len(out), 60)])
	}
	for _, want := range []string{"met/VBD(meet)", "Oslo/NNP", "arrested/VBD(arrest)", "protesters/NNS(protester)"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q", want)
		}
	}
}

func TestTextJSONLAndBadInput(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.txt")
	empty := filepath.Join(dir, "empty.txt")
	os.WriteFile(good, []byte("Rebels attacked the town. Police arrested two men."), 0o644)
	os.WriteFile(empty, nil, 0o644)
	code, out, errs := runDyad(t, "", "text", "-format", "jsonl", empty, good)
	if code != 1 {
		t.Errorf("exit = %d; want 1 (one document failed)", code)
	}
	if lines := strings.Split(strings.TrimSpace(errs), "\n"); len(lines) != 1 || !strings.Contains(lines[0], "empty.txt") {
		t.Errorf("stderr = %q; want one line naming empty.txt", errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2 {
		t.Fatalf("got %d sentences; want 2:\n%s", len(lines), out)
	}
	var s jsonSentence
	if err := json.Unmarshal([]byte(lines[1]), &s); err != nil {
		t.Fatal(err)
	}
	src := "Rebels attacked the town. Police arrested two men."
	if s.DocID != "good" || s.Sentence != 1 || src[s.Span[0]:s.Span[1]] != s.Text || s.Text != "Police arrested two men." {
		t.Errorf("sentence = %+v", s)
	}
	if tk := s.Tokens[1]; tk.Text != "arrested" || tk.Tag != "VBD" || tk.Lemma != "arrest" || src[tk.Span[0]:tk.Span[1]] != "arrested" {
		t.Errorf("token = %+v", tk)
	}
}

func TestTextStdin(t *testing.T) {
	code, out, _ := runDyad(t, "Talks began in Geneva.\n", "text", "-")
	if code != 0 || !strings.Contains(out, "Geneva/NNP") {
		t.Errorf("exit %d, output %q", code, out)
	}
}

func TestTaggerEvalTiny(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "tiny.conllu")
	os.WriteFile(p, []byte("1\tTroops\ttroop\tNOUN\tNNS\t_\t2\tnsubj\t_\t_\n2\twithdrew\twithdraw\tVERB\tVBD\t_\t0\troot\t_\tSpaceAfter=No\n3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n"), 0o644)
	code, out, errs := runDyad(t, "", "tagger", "eval", p)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	last := strings.TrimSpace(out)
	last = last[strings.LastIndex(last, "\n")+1:]
	if !strings.HasPrefix(last, "tagger accuracy=") || !strings.Contains(last, " tokens=3 tokens/s=") {
		t.Errorf("last line = %q", last)
	}
}

func TestCodeWithUserDict(t *testing.T) {
	dir := t.TempDir()
	verbs := filepath.Join(dir, "verbs-mine.txt")
	os.WriteFile(verbs, []byte("0874 Retreat or surrender militarily\n    pattern: surrender + to\n9999 nonsense\n    pattern: fly\n"), 0o644)
	in := filepath.Join(dir, "news.txt")
	os.WriteFile(in, []byte("Chilean troops surrendered to Peruvian soldiers on Sunday."), 0o644)
	code, out, errs := runDyad(t, "", "code", "-date", "2020-01-02", "-dict", verbs, in)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.Contains(errs, "verbs-mine.txt:3: unknown CAMEO code") {
		t.Errorf("stderr = %q; want the bad entry named with file:line", errs)
	}
	var e struct {
		Source struct{ Code string }
		Target struct{ Code string }
		CAMEO  string `json:"cameo"`
		PLOVER string `json:"plover"`
		Date   string
	}
	if err := json.Unmarshal([]byte(strings.TrimSpace(out)), &e); err != nil {
		t.Fatalf("output %q: %v", out, err)
	}
	// "on Sunday": the Sunday before -date, a Thursday.
	if e.Source.Code != "CHLMIL" || e.Target.Code != "PERMIL" || e.CAMEO != "0874" || e.Date != "2019-12-29" {
		t.Errorf("event = %+v", e)
	}
}

// A batch with bad documents: each gets one line on stderr naming it, the
// rest is coded, the exit status is 1.
func TestCodeBadInput(t *testing.T) {
	dir := t.TempDir()
	files := map[string][]byte{
		"a-good.txt":   []byte("Peruvian troops attacked Bolivian rebels."),
		"b-empty.txt":  nil,
		"c-binary.txt": {0, 1, 2, 3, 0xff, 0, 7},
		"d-latin1.txt": []byte("Caf\xe9 talks in Bogot\xe1."),
		"e-cut.jsonl":  []byte(`{"id":"j1","date":"2020-01-01","text":"Chilean police arrested protesters."}` + "\n" + `{"id":"j2","date":"2020-01-01","te`),
		"f-cut.xml":    []byte(`<Sentences><Sentence date="20200101" id="x1"><Text>Peruvian soldiers attacked rebels.</Text></Sentence><Sentence date="2020`),
		"g-good.txt":   []byte("Bolivian rebels attacked Peruvian troops."),
	}
	for name, b := range files {
		os.WriteFile(filepath.Join(dir, name), b, 0o644)
	}
	verbs := filepath.Join(t.TempDir(), "verbs-test.txt")
	os.WriteFile(verbs, []byte("190 Use conventional military force\n    pattern: attack\n173 Arrest, detain\n    pattern: arrest\n"), 0o644)
	code, out, errs := runDyad(t, "", "code", "-format", "tsv", "-dict", verbs, dir)
	if code != 1 {
		t.Errorf("exit = %d; want 1", code)
	}
	errLines := strings.Split(strings.TrimSpace(errs), "\n")
	for _, bad := range []string{"b-empty.txt", "c-binary.txt", "d-latin1.txt", "e-cut.jsonl:2", "f-cut.xml"} {
		n := 0
		for _, l := range errLines {
			if strings.Contains(l, bad) {
				n++
			}
		}
		if n != 1 {
			t.Errorf("stderr names %s %d times; want once:\n%s", bad, n, errs)
		}
	}
	for _, good := range []string{"a-good\t", "g-good\t", "j1\t", "x1\t"} {
		if !strings.Contains(out, good) {
			t.Errorf("output lacks the events of %q:\n%s", good, out)
		}
	}
}

func TestQuotes(t *testing.T) {
	code, out, errs := runDyad(t, "\"We will not retreat,\" the Chilean foreign minister said.\n", "quotes", "-date", "2020-01-01", "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var q struct {
		ID      string
		Speaker struct{ Code string }
		Content struct{ Text string }
		Cue     struct{ Text string }
		Direct  bool
	}
	if err := json.Unmarshal([]byte(strings.TrimSpace(out)), &q); err != nil {
		t.Fatalf("%q: %v", out, err)
	}
	if q.ID != "stdin#q1" || q.Speaker.Code != "CHLGOV" || q.Content.Text != "We will not retreat," || q.Cue.Text != "said" || !q.Direct {
		t.Errorf("quote = %+v", q)
	}
}

func TestDictLookup(t *testing.T) {
	for _, tc := range []struct{ date, want string }{
		{"2016-03-01", `actor "Iranian president": IRNGOV identifier=rouhani-hassan`},
		{"2010-03-01", `actor "Iranian president": IRNGOV identifier=ahmadinejad-mahmoud`},
	} {
		code, out, errs := runDyad(t, "", "dict", "lookup", "-date", tc.date, "the Iranian president")
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errs)
		}
		if !strings.Contains(out, tc.want) {
			t.Errorf("dict lookup on %s:\n%s\nwant a line %q", tc.date, out, tc.want)
		}
	}
	if code, _, _ := runDyad(t, "", "dict", "lookup", "-date", "yesterday", "x"); code != 2 {
		t.Errorf("a bad -date exits %d; want 2", code)
	}
}
