package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"dyad/internal/ingest"
	"dyad/internal/store"
)

// copies writes the guardian corpus n times over, each copy's texts made
// distinct, so that an ingest runs long enough to be killed part way.
func copies(t *testing.T, n int) string {
	t.Helper()
	var buf bytes.Buffer
	for i := range n {
		for d, err := range ingest.Read(context.Background(), []string{guardian}, ingest.Options{}) {
			if err != nil {
				t.Fatal(err)
			}
			d.ID = d.ID + "-" + string(rune('a'+i))
			d.Text = d.Text + "\n\nCopy " + string(rune('a'+i)) + "."
			b, _ := json.Marshal(map[string]string{"id": d.ID, "date": d.Date, "source": d.Source, "text": d.Text})
			buf.Write(b)
			buf.WriteByte('\n')
		}
	}
	p := filepath.Join(t.TempDir(), "corpus.jsonl")
	if err := os.WriteFile(p, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// dbSize is the size of a SQLite store: the file and its write-ahead log.
func dbSize(db string) int64 {
	var n int64
	for _, p := range []string{db, db + "-wal"} {
		if st, err := os.Stat(p); err == nil {
			n += st.Size()
		}
	}
	return n
}

// TestIngestKill9 kills an ingest with SIGKILL part way, runs it again to
// the end, and checks that the store equals one filled in a single run:
// same counts, and every document complete.
func TestIngestKill9(t *testing.T) {
	needGuardian(t)
	if testing.Short() {
		t.Skip("skipped in -short mode: builds dyad and ingests the corpus three times")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "dyad")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	corpus := copies(t, 4)
	killed, clean := filepath.Join(dir, "killed.db"), filepath.Join(dir, "clean.db")

	// One worker keeps the run long enough; the kill comes once the store
	// has grown by some documents.
	cmd := exec.Command(bin, "ingest", "-db", killed, "-workers", "1", corpus)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	var base int64 = -1
	deadline := time.After(60 * time.Second)
wait:
	for {
		select {
		case err := <-done:
			t.Fatalf("ingest ended before the kill (%v): %s", err, stderr.String())
		case <-deadline:
			cmd.Process.Kill()
			t.Fatal("the store did not grow within 60 s")
		case <-time.After(2 * time.Millisecond):
			n := dbSize(killed)
			if base < 0 && n > 0 {
				base = n // the empty schema
			}
			if base > 0 && n > base+2<<20 {
				break wait
			}
		}
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	<-done
	part := counts(t, killed)
	t.Logf("killed with %d documents stored", part.Documents)

	for _, db := range []string{killed, clean} {
		out, err := exec.Command(bin, "ingest", "-db", db, corpus).CombinedOutput()
		if err != nil {
			t.Fatalf("ingest -db %s: %v\n%s", filepath.Base(db), err, out)
		}
	}
	got, want := counts(t, killed), counts(t, clean)
	if got != want {
		t.Errorf("Counts after kill and rerun = %+v; want %+v (one clean run)", got, want)
	}
	if part.Documents == 0 || part.Documents >= want.Documents {
		t.Errorf("the kill came after %d of %d documents; want part way", part.Documents, want.Documents)
	}

	a, err := store.Open(context.Background(), killed, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	b, err := store.Open(context.Background(), clean, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	n := 0
	for d, err := range ingest.Read(context.Background(), []string{corpus}, ingest.Options{}) {
		if err != nil {
			t.Fatal(err)
		}
		key := store.DocKey(d.Text)
		x, err := a.Document(context.Background(), key)
		if err != nil {
			t.Fatalf("%s: %v", d.ID, err)
		}
		y, err := b.Document(context.Background(), key)
		if err != nil {
			t.Fatalf("%s: %v", d.ID, err)
		}
		if len(x.Sentences) != len(y.Sentences) || len(x.Mentions) != len(y.Mentions) ||
			len(x.Events) != len(y.Events) || len(x.Quotes) != len(y.Quotes) || x.Document.Text != y.Document.Text {
			t.Errorf("%s after the kill: %d sentences, %d mentions, %d events, %d quotes; clean run: %d, %d, %d, %d",
				d.ID, len(x.Sentences), len(x.Mentions), len(x.Events), len(x.Quotes),
				len(y.Sentences), len(y.Mentions), len(y.Events), len(y.Quotes))
		}
		n++
	}
	if int64(n) != want.Documents {
		t.Errorf("%d documents read; the store holds %d", n, want.Documents)
	}
}
