package kb

import (
	"sync"
	"testing"

	"dyad/internal/doc"
	"dyad/internal/text"
)

var (
	defaultOnce sync.Once
	defaultKB   *KB
	defaultErrs []error
	modelOnce   sync.Once
	model       *text.Model
	modelErr    error
)

// defaultKBT loads the embedded dictionaries once per test binary.
func defaultKBT(t testing.TB) *KB {
	t.Helper()
	defaultOnce.Do(func() { defaultKB, defaultErrs = Default(nil) })
	for _, err := range defaultErrs {
		t.Error(err)
	}
	return defaultKB
}

// analyze tokenizes and tags s as the pipeline does.
func analyze(t testing.TB, s string) []doc.Sentence {
	t.Helper()
	modelOnce.Do(func() { model, modelErr = text.DefaultModel() })
	if modelErr != nil {
		t.Fatal(modelErr)
	}
	return text.NewAnalyzer(model).Analyze(s)
}

// mentionLike is a mention with the words it covers.
type mentionLike struct {
	doc.Mention
	Text string
}

// matchText returns the mentions of the matcher m in s, tagged as the
// pipeline tags it.
func matchText(t testing.TB, m *Matcher, s string) []mentionLike {
	t.Helper()
	var out []mentionLike
	for _, sent := range analyze(t, s) {
		for _, mn := range m.Match(s, sent.Tokens, nil) {
			out = append(out, mentionLike{mn, mn.Span.In(s)})
		}
	}
	return out
}
