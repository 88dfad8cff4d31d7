package server

import (
	"context"
	"path/filepath"
	"sync"
	"testing"

	"dyad/internal/doc"
	"dyad/internal/pipeline"
	"dyad/internal/store"
)

// fixtureDocs are the documents the tests store. They were written for
// these tests: non-ASCII text (two- to four-byte UTF-8) before the spans
// that get highlighted, markup that must stay text, a quote, and a dyad
// (IRN, USA) reported on two days.
var fixtureDocs = []doc.Document{
	{
		ID: "zurich", Date: "2026-03-02", Source: "Zürcher Bote", Title: "Iran rejects offer", URL: "https://example.org/zurich",
		Text: "ZÜRICH — Über 🌍 alles: café talks in Genève ended badly. Iran rejected the United States' offer on Monday. " +
			"“We will never join,” Iran’s foreign minister said. Saudi Arabia praised Egypt for its help.\n\n" +
			"The French president met the German chancellor in Paris.",
	},
	{
		ID: "xss", Date: "2026-03-03", Source: "Evil Times", Title: "<script>alert(1)</script> headline", URL: "javascript:window.__dyadXSS=3",
		Text: "Officials said <script>window.__dyadXSS=1;alert(1)</script> was found. <img src=x onerror=\"window.__dyadXSS=2\"> " +
			"Israel accused Iran of attacking ships on Tuesday. Russia threatened Ukraine with sanctions.",
	},
	{
		ID: "plain", Date: "2026-03-04", Source: "Daily", Title: "Talks",
		Text: "Iran rejected the United States' proposal again. The United States accused Iran of supporting militants. Iran denounced the United States.",
	},
}

var (
	pipeOnce sync.Once
	pipeCfg  pipeline.Config
	pipeErr  error
)

// testPipeline returns the embedded model and dictionaries, loaded once.
func testPipeline(t testing.TB) pipeline.Config {
	t.Helper()
	pipeOnce.Do(func() {
		pipeCfg, pipeErr = pipeline.Default()
	})
	if pipeErr != nil {
		t.Fatal(pipeErr)
	}
	return pipeCfg
}

// engines runs f once over each store the handler tests use: the
// in-memory one of memstore_test.go, and a SQLite file.
func engines(t *testing.T, f func(t *testing.T, st store.Store)) {
	t.Run("mem", func(t *testing.T) { f(t, newMemStore()) })
	t.Run("sqlite", func(t *testing.T) {
		st, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "dyad.db"), store.Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		f(t, st)
	})
}

// fill codes docs and stores them in st.
func fill(t testing.TB, st store.Store, docs ...doc.Document) {
	t.Helper()
	c := pipeline.NewCoder(testPipeline(t))
	for _, d := range docs {
		res, err := c.Code(d)
		if err != nil {
			t.Fatalf("Code(%s): %v", d.ID, err)
		}
		if _, err := st.Put(context.Background(), &res); err != nil {
			t.Fatalf("Put(%s): %v", d.ID, err)
		}
	}
}
