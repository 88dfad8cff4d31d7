package pipeline

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"dyad/internal/doc"
)

// speakerCase is one hand-checked quote of testdata/guardian-speakers.txt.
type speakerCase struct {
	doc    string
	start  int      // byte offset of the quote's content
	accept []string // speaker codes a careful coder would accept; "-" for none
	note   string
	line   int
}

func readSpeakerCases(t *testing.T, name string) []speakerCase {
	t.Helper()
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []speakerCase
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line, note, _ := strings.Cut(sc.Text(), "#")
		if strings.HasPrefix(sc.Text(), "#") || strings.TrimSpace(line) == "" {
			continue
		}
		f := strings.Fields(line)
		if len(f) != 3 {
			t.Fatalf("%s:%d: want document, offset, codes", name, n)
		}
		start, err := strconv.Atoi(f[1])
		if err != nil {
			t.Fatalf("%s:%d: %v", name, n, err)
		}
		out = append(out, speakerCase{f[0], start, strings.Split(f[2], "|"), strings.TrimSpace(note), n})
	}
	return out
}

// TestGuardianSpeakers scores the speakers of 48 direct quotes from the
// Guardian set against the hand-checked file, and reports the share of
// all direct quotes of the set whose speaker is found and coded.
func TestGuardianSpeakers(t *testing.T) {
	docs := guardianDocs(t)
	name := filepath.Join("testdata", "guardian-speakers.txt")
	cases := readSpeakerCases(t, name)
	c := NewCoder(embeddedConfig(t))
	got := map[string]string{} // doc@start -> speaker code or "-"
	direct, coded := 0, 0
	for _, d := range docs {
		res, err := c.Code(d)
		if err != nil {
			t.Fatal(err)
		}
		for _, q := range res.Quotes {
			if !q.Direct {
				continue
			}
			direct++
			sp := "-"
			if q.Speaker != nil {
				sp = q.Speaker.Code
				coded++
			}
			got[fmt.Sprintf("%s@%d", d.ID, q.Content.Span.Start)] = sp
		}
	}
	right := 0
	for _, tc := range cases {
		g, ok := got[fmt.Sprintf("%s@%d", tc.doc, tc.start)]
		if !ok {
			t.Errorf("%s:%d: no direct quote starts at %s@%d", name, tc.line, tc.doc, tc.start)
			continue
		}
		if slicesContains(tc.accept, g) {
			right++
		} else {
			t.Logf("miss %s@%d: got %s, want %s (%s)", tc.doc, tc.start, g, strings.Join(tc.accept, "|"), tc.note)
		}
	}
	t.Logf("hand-checked speakers: %d of %d right (%.1f%%)", right, len(cases), pct(right, len(cases)))
	t.Logf("whole set: %d direct quotes, %d with a coded speaker (%.1f%%)", direct, coded, pct(coded, direct))
	// The figure measured when the file was checked; raise it with the
	// mechanism, never lower it.
	const floor = 32
	if right < floor {
		t.Errorf("hand-checked speakers: %d right, below the floor of %d", right, floor)
	}
}

func slicesContains(s []string, v string) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

// TestLongQuotes: a quote over 10,000 lines, 10,000 quotes without a
// speaker, unbalanced marks and 10,000 quotes by undescribed names finish
// in bounded time; quotes no verb of saying names keep no speaker.
func TestLongQuotes(t *testing.T) {
	lines := func(n int, f func(i int) string) string {
		var b strings.Builder
		for i := range n {
			b.WriteString(f(i))
		}
		return b.String()
	}
	names := []string{"Bali", "Renas", "Tarek", "Salma"}
	tests := []struct {
		name        string
		text        string
		wantSpeaker bool // some quote has a speaker
	}{
		{"one quote over 10,000 lines", "\"" + lines(10000, func(int) string { return "they refused the offer and left\n" }) + "end.\"", false},
		{"10,000 open quotes", lines(10000, func(int) string { return "\"They refused the offer and left\n\n" }), false},
		{"unbalanced marks", lines(10000, func(i int) string { return []string{"“", "”", "\"", "„"}[i%4] + "x " }), false},
		{"10,000 quotes by names", lines(10000, func(i int) string {
			return "“They refused the offer,” " + names[i%len(names)] + " said.\n"
		}), false},
		{"10,000 quotes by a role", lines(10000, func(int) string { return "“They refused,” the Iranian president said.\n" }), true},
	}
	c := NewCoder(embeddedConfig(t))
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			done := make(chan doc.Result, 1)
			go func() {
				res, err := c.Code(doc.Document{ID: "long", Date: "2016-01-01", Text: tc.text})
				if err != nil {
					t.Error(err)
				}
				done <- res
			}()
			select {
			case res := <-done:
				spoken := false
				for _, q := range res.Quotes {
					if q.Content.Span.End > len(tc.text) || q.Content.Span.Start > q.Content.Span.End {
						t.Fatalf("quote span %v outside the text", q.Content.Span)
					}
					spoken = spoken || q.Speaker != nil
				}
				if spoken != tc.wantSpeaker {
					t.Errorf("%d quotes, some with a speaker: %v; want %v", len(res.Quotes), spoken, tc.wantSpeaker)
				}
			case <-time.After(60 * time.Second):
				t.Fatal("no result after 60 s")
			}
		})
	}
}
