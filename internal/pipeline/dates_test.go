package pipeline

import (
	"fmt"
	"strings"
	"testing"

	"dyad/internal/doc"
)

// TestEventDates checks, through every stage, that events take the day
// their sentence names relative to a known document date, the document's
// date otherwise, and carry DateAssumed from the document.
func TestEventDates(t *testing.T) {
	c := NewCoder(testConfig(t))
	const text = "Peruvian troops attacked Bolivian rebels on Monday. Chilean police attacked protesters. " +
		"Bolivian rebels attacked Peruvian troops last Tuesday. Peruvian troops will attack Chilean rebels on Friday."
	tests := []struct {
		date    string
		assumed bool
		want    []string
	}{
		{"2014-09-16", false, []string{"PERMIL>BOLREB 2014-09-15 false", "CHLCOP>CVL 2014-09-16 false", "BOLREB>PERMIL 2014-09-09 false", "PERMIL>CHLREB 2014-09-16 false"}},
		{"2014-09-16", true, []string{"PERMIL>BOLREB 2014-09-16 true", "CHLCOP>CVL 2014-09-16 true", "BOLREB>PERMIL 2014-09-16 true", "PERMIL>CHLREB 2014-09-16 true"}},
	}
	for _, tt := range tests {
		res, err := c.Code(doc.Document{ID: "d", Date: tt.date, DateAssumed: tt.assumed, Text: text})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, e := range res.Events {
			tgt := "-"
			if e.Target != nil {
				tgt = e.Target.Code
			}
			got = append(got, fmt.Sprintf("%s>%s %s %v", e.Source.Code, tgt, e.Date, e.DateAssumed))
		}
		if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
			t.Errorf("Code(date %s, assumed %v) events:\n%s\nwant:\n%s", tt.date, tt.assumed, strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
		}
	}
}
