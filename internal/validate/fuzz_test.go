package validate

import (
	"bytes"
	"os"
	"testing"
)

// FuzzParse: any input gives a suite or an error, never a panic; a suite
// has records, each with an id and only events that have a code.
func FuzzParse(f *testing.F) {
	if b, err := os.ReadFile("testdata/tiny.xml"); err == nil {
		f.Add(b)
	}
	f.Add([]byte(`<V><Sentence id="a" date="20200101"><EventCoding noevents="True"/><Text>x</Text></Sentence></V>`))
	f.Add([]byte(`<Config option="require_dyad" value="false"/><Sentence><Text>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := Parse(bytes.NewReader(data), "f.xml")
		if err != nil {
			if s != nil {
				t.Fatalf("Parse returned a suite and an error %v", err)
			}
			return
		}
		if len(s.Records) == 0 {
			t.Fatal("Parse returned a suite without records and no error")
		}
		for _, r := range s.Records {
			if r.ID == "" {
				t.Fatalf("record without id: %+v", r)
			}
			for _, e := range r.Expect {
				if e.Code == "" {
					t.Fatalf("expected event without a code: %+v", r)
				}
			}
		}
	})
}
