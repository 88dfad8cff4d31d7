package pipeline

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"dyad/internal/doc"
)

// newsText returns about size bytes of news-like text: the example
// article and sentences written here, repeated with variations (people,
// countries, numbers), in paragraphs, with direct quotes, reported
// speech, pronoun speakers, surnames met again later, and now and then an
// unbalanced quote mark. The same seed gives the same text.
func newsText(tb testing.TB, size int, seed uint64) string {
	tb.Helper()
	example, err := os.ReadFile(filepath.Join("..", "..", "examples", "harbour-talks.txt"))
	if err != nil {
		tb.Fatal(err)
	}
	r := rand.New(rand.NewPCG(seed, 1))
	pick := func(xs []string) string { return xs[r.IntN(len(xs))] }
	syll := []string{"ka", "lo", "mi", "ran", "des", "vo", "tu", "bel", "sar", "ni", "gor", "pa", "el", "zu", "ham", "ter"}
	// name makes a name the dictionaries do not know: the number of
	// distinct people grows with the document, as it does over many
	// articles.
	name := func() string {
		var b strings.Builder
		for i := range 2 + r.IntN(2) {
			s := pick(syll)
			if i == 0 {
				s = strings.ToUpper(s[:1]) + s[1:]
			}
			b.WriteString(s)
		}
		return b.String()
	}
	countries := []string{"Iran", "Iraq", "Syria", "Turkey", "France", "Germany", "Russia", "China", "Japan", "Egypt", "Israel", "Jordan", "Norway", "Chile", "Peru", "Brazil", "Kenya", "Nigeria", "India", "Pakistan"}
	adjs := []string{"Iranian", "Iraqi", "Syrian", "Turkish", "French", "German", "Russian", "Chinese", "Egyptian", "Israeli", "Chilean", "Peruvian", "Kenyan", "Indian"}
	roles := []string{"foreign minister", "defence minister", "president", "prime minister", "ambassador", "army chief", "police spokesman", "opposition leader"}
	cues := []string{"said", "told reporters", "added", "warned", "insisted"}
	people := []string{} // "First Last" introduced so far
	templates := []func() string{
		func() string {
			return "The " + pick(adjs) + " " + pick(roles) + " said on " + pick([]string{"Monday", "Tuesday", "Friday"}) + " that " + pick(countries) + " would " + pick([]string{"sign the accord", "reject the offer", "send troops", "expel the ambassador", "resume talks"}) + " if " + pick(countries) + " " + pick([]string{"agreed", "refused", "withdrew its forces"}) + "."
		},
		func() string {
			first, last := name(), name()
			people = append(people, first+" "+last)
			return first + " " + last + ", a " + pick(adjs) + " " + pick(roles) + ", accused " + pick(countries) + " of " + pick([]string{"backing the rebels", "violating the ceasefire", "blocking aid"}) + "."
		},
		func() string {
			if len(people) == 0 {
				return "Officials declined to comment."
			}
			p := people[r.IntN(len(people))]
			last := p[strings.IndexByte(p, ' ')+1:]
			return "\"We will not accept " + pick([]string{"threats", "sanctions", "this deal", "their terms"}) + " from " + pick(countries) + ",\" " + last + " " + pick(cues) + "."
		},
		func() string {
			return "\"" + pick([]string{"The talks have failed", "Our patience is not endless", "We have waited long enough"}) + ",\" " + pick([]string{"he", "she", "they"}) + " said. \"" + pick([]string{"We want peace.", "Nobody trusts them."}) + "\""
		},
		func() string {
			return pick(countries) + " " + pick([]string{"attacked", "threatened", "praised", "criticised", "met with", "condemned"}) + " " + pick(countries) + " on " + pick([]string{"Sunday", "Wednesday"}) + ", according to " + pick([]string{"Reuters", "local media", "the state news agency"}) + "."
		},
		func() string {
			n := 2 + r.IntN(300)
			return "Police in " + pick([]string{"Santiago", "Cairo", "Baghdad", "Ankara", "Lima"}) + " arrested " + strconv.Itoa(n) + " protesters after a march against " + pick([]string{"fuel prices", "the government", "the war"}) + " turned violent."
		},
		func() string {
			// An unbalanced quote mark: open, never closed.
			return "The " + pick(roles) + " called the plan \"a disgrace and " + pick([]string{"a betrayal", "a trap", "an insult"}) + " to " + pick(countries) + "."
		},
		func() string {
			return "Troops from " + pick(countries) + " and " + pick(countries) + " clashed near the border, killing " + strconv.Itoa(1+r.IntN(40)) + " people, the ministry said."
		},
	}
	var b strings.Builder
	b.Grow(size + 4096)
	for b.Len() < size {
		if r.IntN(8) == 0 {
			b.Write(example)
			b.WriteByte('\n')
			continue
		}
		for range 2 + r.IntN(4) {
			b.WriteString(templates[r.IntN(len(templates))]())
			b.WriteByte(' ')
		}
		b.WriteString("\n\n")
	}
	return b.String()
}

// TestScaleProbe codes one generated document of DYAD_SCALE_MB megabytes
// and logs the time it took: a probe for measuring by hand (run it under
// /usr/bin/time -v for the peak memory), skipped otherwise.
func TestScaleProbe(t *testing.T) {
	mb, err := strconv.ParseFloat(os.Getenv("DYAD_SCALE_MB"), 64)
	if err != nil {
		t.Skip("set DYAD_SCALE_MB to code a generated document of that size")
	}
	txt := newsText(t, int(mb*(1<<20)), 1)
	switch os.Getenv("DYAD_SCALE_SHAPE") {
	case "oneline": // one paragraph
		txt = strings.ReplaceAll(txt, "\n", " ")
	case "open": // every closing mark gone: quotes run to the paragraph's end
		txt = strings.ReplaceAll(txt, ",\" ", ", ")
	case "oneword": // no space at all
		txt = strings.Repeat("x", len(txt))
	case "marks": // quote marks and little else
		txt = strings.Repeat("\"a\" \u201cb ", len(txt)/8)
	case "said": // one speaker after another, no dictionary word
		txt = strings.Repeat("\"Yes,\" Wan said. \"No,\" he said. ", len(txt)/34)
	case "oneline-open":
		txt = strings.ReplaceAll(strings.ReplaceAll(txt, "\n", " "), ",\" ", ", ")
	}
	c := NewCoder(embeddedConfig(t))
	t0 := time.Now()
	res, err := c.Code(doc.Document{ID: "probe", Date: "2020-01-01", Text: txt})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%.1f MB: %v, %d sentences, %d events, %d quotes", mb, time.Since(t0), len(res.Sentences), len(res.Events), len(res.Quotes))
}
