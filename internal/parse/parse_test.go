package parse

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"dyad/internal/doc"
	"dyad/internal/learn"
	"dyad/internal/text"
)

func mustModel(t testing.TB) *Model {
	t.Helper()
	m, err := DefaultModel()
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// parseText analyses one sentence with dyad's tagger and parses it.
func parseText(t testing.TB, s string) (string, []doc.Token) {
	t.Helper()
	tm, err := text.DefaultModel()
	if err != nil {
		t.Fatal(err)
	}
	sents := text.NewAnalyzer(tm).Analyze(s)
	if len(sents) != 1 {
		t.Fatalf("%q: %d sentences, want 1", s, len(sents))
	}
	toks := sents[0].Tokens
	NewParser(mustModel(t)).Parse(s, toks)
	return s, toks
}

func checkTree(t testing.TB, toks []doc.Token) {
	t.Helper()
	heads := make([]int32, len(toks))
	for i, tk := range toks {
		heads[i] = int32(tk.Head) + 1
		if tk.Rel == doc.NoRel || (tk.Rel == doc.RelRoot) != (tk.Head == -1) {
			t.Fatalf("token %d: head %d rel %v", i, tk.Head, tk.Rel)
		}
	}
	if len(toks) > 0 && !ValidTree(heads) {
		t.Fatalf("not a tree: %v", heads)
	}
}

// arcOf returns "head-word:rel" for the token with text w.
func arcOf(txt string, toks []doc.Token, w string) string {
	for _, tk := range toks {
		if tk.Text(txt) == w {
			if tk.Head < 0 {
				return "ROOT:" + tk.Rel.String()
			}
			return toks[tk.Head].Text(txt) + ":" + tk.Rel.String()
		}
	}
	return "missing"
}

func TestParseNewsSentences(t *testing.T) {
	tests := []struct {
		sent string
		want map[string]string // word -> head:rel
	}{
		{"Iran rejected the US offer to join the coalition.", map[string]string{
			"Iran": "rejected:nsubj", "offer": "rejected:obj", "rejected": "ROOT:root"}},
		{"The minister warned that Russia would attack Ukraine.", map[string]string{
			"warned": "ROOT:root", "Russia": "attack:nsubj", "attack": "warned:ccomp", "Ukraine": "attack:obj"}},
		{"Iran was excluded by the United States.", map[string]string{
			"Iran": "excluded:nsubj:pass", "States": "excluded:obl:agent"}},
		{"Saudi Arabia agreed to send troops to Yemen.", map[string]string{
			"send": "agreed:xcomp", "troops": "send:obj", "Yemen": "send:obl"}},
	}
	for _, tt := range tests {
		txt, toks := parseText(t, tt.sent)
		checkTree(t, toks)
		for w, want := range tt.want {
			if got := arcOf(txt, toks, w); got != want {
				t.Errorf("Parse(%q): %s <- %s; want %s", tt.sent, w, got, want)
			}
		}
	}
}

func TestParseEdgeCases(t *testing.T) {
	p := NewParser(mustModel(t))
	// Empty, one token, all punctuation, the longest sentence.
	p.Parse("", nil)
	for _, s := range []string{"Yes", "!!! ... ?? ,,, ;;", strings.Repeat("the Iranian army attacked , and ", 50)} {
		tm, _ := text.DefaultModel()
		an := text.NewAnalyzer(tm)
		for _, st := range an.Analyze(s) {
			p.Parse(s, st.Tokens)
			checkTree(t, st.Tokens)
		}
	}
}

func TestReadModelRejectsBadFiles(t *testing.T) {
	good := embeddedModel
	raw, err := learn.ReadGzip(bytes.NewReader(good))
	if err != nil {
		t.Fatal(err)
	}
	gz := func(b []byte) []byte {
		var buf bytes.Buffer
		if err := learn.WriteGzip(&buf, b); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	if _, err := ReadModel(bytes.NewReader(gz(raw))); err != nil {
		t.Fatalf("the embedded model does not read back: %v", err)
	}
	for _, tc := range []struct {
		name string
		data []byte
	}{
		{"empty", nil},
		{"not gzip", []byte("hello world")},
		{"truncated gzip", good[:len(good)/2]},
		{"truncated model", gz(raw[:len(raw)/2])},
		{"header only", gz(raw[:len(modelMagic)+10])},
		{"wrong magic", gz(append([]byte("DYADTAG3"), raw[8:]...))},
		{"trailing bytes", gz(append(slices.Clone(raw), 1, 2, 3))},
	} {
		_, err := ReadModel(bytes.NewReader(tc.data))
		if err == nil {
			t.Errorf("%s: ReadModel succeeded; want an error", tc.name)
			continue
		}
		if strings.Contains(err.Error(), "\n") {
			t.Errorf("%s: error %q is not one line", tc.name, err)
		}
	}
}

// Parsing allocates nothing once the buffers have grown.
func TestParseAllocs(t *testing.T) {
	txt, toks := parseText(t, "Saudi Arabia and the United Arab Emirates volunteered airstrikes against the Islamic State, officials said.")
	p := NewParser(mustModel(t))
	p.Parse(txt, toks)
	if n := testing.AllocsPerRun(100, func() { p.Parse(txt, toks) }); n != 0 {
		t.Errorf("Parse: %v allocations per sentence; want 0", n)
	}
}

// A sentence too long for an int16 head is left unparsed, not wrapped.
func TestParseTooLong(t *testing.T) {
	txt := strings.Repeat("a ", MaxTokens+1)
	toks := make([]doc.Token, MaxTokens+1)
	for i := range toks {
		toks[i] = doc.Token{Start: int32(2 * i), End: int32(2*i + 1), Tag: doc.DT, Rel: doc.RelDet, Head: 5}
	}
	NewParser(mustModel(t)).Parse(txt, toks)
	for i, tk := range toks {
		if tk.Rel != doc.NoRel {
			t.Fatalf("token %d: rel %v; want NoRel (not parsed)", i, tk.Rel)
		}
	}
}
