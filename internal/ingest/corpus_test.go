package ingest

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"dyad/internal/testenv"
)

// Shared files outside the repository; the tests skip when they are absent.
var (
	guardianDev = filepath.Join("..", "..", "..", "shared", "corpus", "guardian-dev.jsonl")
	petrarchDir = filepath.Join("..", "..", "..", "shared", "testdata", "petrarch")
)

func need(t testing.TB, path string) {
	t.Helper()
	if _, err := os.Stat(path); err != nil {
		testenv.Absent(t, "shared test file %s is absent (it lives outside the repository): %v", path, err)
	}
}

// TestSharedFiles reads the shared development corpus and the PETRARCH
// sample files and checks the counts, the IDs, and that every date parses.
func TestSharedFiles(t *testing.T) {
	tests := []struct {
		path        string
		docs        int
		first, last string   // IDs of the first and last documents
		errs        []string // names of the records that fail, all ErrEmpty
	}{
		{path: guardianDev, docs: 125, first: "guardian-000"},
		{
			path: filepath.Join(petrarchDir, "GigaWord.sample.PETR.xml"),
			docs: 67, first: "AFP0808020625_4",
			// These records carry a <Parse> but an empty <Text>.
			errs: []string{"TEST_1", "TEST_2", "TEST_3", "TEST_4", "TEST_5", "TEST_6", "TEST_7", "TEST_8", "TEST_9"},
		},
		{path: filepath.Join(petrarchDir, "PETR.UnitTest.records.xml"), docs: 284, first: "DEMO-00", last: "FINAL-RECORD"},
	}
	for _, tt := range tests {
		t.Run(filepath.Base(tt.path), func(t *testing.T) {
			need(t, tt.path)
			var ids, failed []string
			for d, err := range Read(t.Context(), []string{tt.path}, Options{Date: testDate}) {
				if err != nil {
					checkErr(t, err)
					var de *DocError
					errors.As(err, &de)
					if !errors.Is(err, ErrEmpty) {
						t.Errorf("Read(%s): %v; want only empty-document errors", tt.path, err)
					}
					failed = append(failed, strings.TrimPrefix(de.Name, tt.path+":record "))
					continue
				}
				ids = append(ids, d.ID)
				if _, err := time.Parse(time.DateOnly, d.Date); err != nil {
					t.Errorf("document %s: date %q does not parse: %v", d.ID, d.Date, err)
				}
				if d.Date == testDate {
					t.Errorf("document %s has the default date; want its own", d.ID)
				}
				if strings.TrimSpace(d.Text) != d.Text && !strings.HasSuffix(tt.path, ".jsonl") {
					t.Errorf("document %s: text %.40q... is not trimmed", d.ID, d.Text)
				}
			}
			if len(ids) != tt.docs {
				t.Errorf("Read(%s) gave %d documents; want %d", tt.path, len(ids), tt.docs)
			}
			if len(ids) > 0 && ids[0] != tt.first {
				t.Errorf("first document %s; want %s", ids[0], tt.first)
			}
			if tt.last != "" && len(ids) > 0 && ids[len(ids)-1] != tt.last {
				t.Errorf("last document %s; want %s", ids[len(ids)-1], tt.last)
			}
			if strings.Join(failed, " ") != strings.Join(tt.errs, " ") {
				t.Errorf("failed records %q; want %q", failed, tt.errs)
			}
		})
	}
}

func BenchmarkReadJSONL(b *testing.B) {
	need(b, guardianDev)
	st, err := os.Stat(guardianDev)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(st.Size())
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		for _, err := range Read(b.Context(), []string{guardianDev}, Options{Date: testDate}) {
			if err != nil {
				b.Fatal(err)
			}
			n++
		}
		if n != 125 {
			b.Fatalf("read %d documents; want 125", n)
		}
	}
}

// TestTextDateCorpus reads the date from the text of every document of the
// shared development corpus, as if it had none, and compares it with the
// date the corpus gives: how often the text gives one, and that every date
// read agrees (a date read wrong is worse than none).
func TestTextDateCorpus(t *testing.T) {
	need(t, guardianDev)
	docs, found, agree := 0, 0, 0
	for d, err := range Read(t.Context(), []string{guardianDev}, Options{}) {
		if err != nil {
			t.Fatalf("Read(%s): %v", guardianDev, err)
		}
		docs++
		got := TextDate(d.Text)
		if got == "" {
			continue
		}
		found++
		if got == d.Date {
			agree++
		} else {
			t.Errorf("document %s: TextDate = %s; the corpus gives %s", d.ID, got, d.Date)
		}
	}
	t.Logf("%s: %d documents, the text gives a date in %d, agreeing with the given date in %d", guardianDev, docs, found, agree)
}
