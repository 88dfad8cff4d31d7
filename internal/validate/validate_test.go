package validate

import (
	"os"
	"strings"
	"testing"

	"dyad/internal/text"
)

func TestTinySuite(t *testing.T) {
	f, err := os.Open("testdata/tiny.xml")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	s, err := Parse(f, "tiny.xml")
	if err != nil {
		t.Fatal(err)
	}
	if s.Env.Verbfile != "tiny.verbs.txt" || s.Env.Discardfile != "tiny.discards.txt" || len(s.Records) != 10 {
		t.Fatalf("Parse = %+v; want the environment and 10 records", s)
	}
	if r := s.Records[0]; r.Text != "Zembla praised Vorland on Monday." || r.Date != "2020-01-01" || !r.RequireDyad {
		t.Errorf("record T-01 = %+v", r)
	}
	if r := s.Records[3]; r.Error != "sentencediscard" || len(r.Expect) != 0 {
		t.Errorf("record T-04 = %+v; want error sentencediscard, no events", r)
	}
	if r := s.Records[9]; r.RequireDyad || len(r.Expect) != 2 {
		t.Errorf("record T-05 = %+v; want require_dyad off and 2 events", r)
	}
	k, errs := s.Dictionaries(os.DirFS("testdata"), ".")
	if len(errs) > 0 {
		t.Fatalf("Dictionaries: %v", errs)
	}
	m, err := text.DefaultModel()
	if err != nil {
		t.Fatal(err)
	}
	rep, err := Run(t.Context(), s, m, k, map[string]string{"T-05": "a reason"})
	if err != nil {
		t.Fatal(err)
	}
	for i, want := range []bool{true, true, true, true, true, true, true, true, true, false} {
		if got := rep.Results[i].Pass; got != want {
			t.Errorf("%s: pass = %v; want %v (got %v)", s.Records[i].ID, got, want, rep.Results[i].Got)
		}
	}
	var b strings.Builder
	Write(&b, rep, false)
	out := b.String()
	for _, want := range []string{"FAIL T-05 (BASIC)", "differs: a reason", "9 passed, 1 failed\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("Write output lacks %q:\n%s", want, out)
		}
	}
	if !strings.HasSuffix(out, "9 passed, 1 failed\n") {
		t.Errorf("Write output does not end with the totals:\n%s", out)
	}
}

func TestScore(t *testing.T) {
	a, b := Event{"A", "B", "041"}, Event{"B", "A", "041"}
	for _, c := range []struct {
		expect, got []Event
		want        bool
	}{
		{nil, nil, true},
		{[]Event{a}, []Event{a}, true},
		{[]Event{a, a}, []Event{a}, true},  // duplicates in the file count once
		{[]Event{a}, []Event{a, b}, false}, // an extra event fails
		{[]Event{a, b}, []Event{a}, false},
		{nil, []Event{a}, false},
	} {
		if got := Score(c.expect, c.got); got != c.want {
			t.Errorf("Score(%v, %v) = %v; want %v", c.expect, c.got, got, c.want)
		}
	}
}

func TestDifferences(t *testing.T) {
	src := "# comment\n[a.xml]\nX-1  one reason\n[b.xml]\nX-2 other\n"
	got := parseDifferences(src, "a.xml")
	if len(got) != 1 || got["X-1"] != "one reason" {
		t.Errorf("parseDifferences = %v; want X-1 only", got)
	}
}
