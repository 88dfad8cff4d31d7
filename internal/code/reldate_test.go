package code

import (
	"strings"
	"testing"

	"dyad/internal/clause"
	"dyad/internal/doc"
	"dyad/internal/text"
)

// TestEventDate checks the day an event takes from a relative expression
// of its sentence. 2014-09-16 is a Tuesday.
func TestEventDate(t *testing.T) {
	m, err := text.DefaultModel()
	if err != nil {
		t.Fatal(err)
	}
	an := text.NewAnalyzer(m)
	const tue = "2014-09-16"
	tests := []struct {
		sentence, verb string
		date           string // the document's date
		assumed        bool
		modality       clause.Modality
		want           string
	}{
		{"Iran rejected the offer on Monday.", "rejected", tue, false, clause.Asserted, "2014-09-15"},
		{"On Monday, Iran rejected the offer.", "rejected", tue, false, clause.Asserted, "2014-09-15"},
		{"Iran rejected the offer Monday.", "rejected", tue, false, clause.Asserted, "2014-09-15"},
		{"Iran rejected the offer on Tuesday.", "rejected", tue, false, clause.Asserted, "2014-09-16"},
		{"Iran rejected the offer last Tuesday.", "rejected", tue, false, clause.Asserted, "2014-09-09"},
		{"Iran rejected the offer last Monday.", "rejected", tue, false, clause.Asserted, "2014-09-15"},
		{"Iran rejected the offer on Wednesday.", "rejected", tue, false, clause.Asserted, "2014-09-10"},
		{"Iran rejected the offer on Sunday night.", "rejected", tue, false, clause.Asserted, "2014-09-14"},
		{"Iran rejected the offer yesterday.", "rejected", tue, false, clause.Asserted, "2014-09-15"},
		{"Iran rejected the offer the day before yesterday.", "rejected", tue, false, clause.Asserted, "2014-09-14"},
		{"Iran rejected the offer today.", "rejected", tue, false, clause.Asserted, "2014-09-16"},
		{"Iran rejected the offer last night.", "rejected", tue, false, clause.Asserted, "2014-09-15"},
		{"Iran rejected the offer this morning.", "rejected", tue, false, clause.Asserted, "2014-09-16"},
		{"Yesterday Iran rejected the offer.", "rejected", "2015-03-01", false, clause.Asserted, "2015-02-28"},
		{"Iran rejected the offer on Friday.", "rejected", "2016-01-01", false, clause.Asserted, "2016-01-01"},
		{"Iran rejected the offer on Saturday.", "rejected", "2016-01-01", false, clause.Asserted, "2015-12-26"},
		// Nothing relative: the document's date.
		{"Iran rejected the offer.", "rejected", tue, false, clause.Asserted, tue},
		// An assumed date resolves nothing.
		{"Iran rejected the offer yesterday.", "rejected", tue, true, clause.Asserted, tue},
		// A day to come.
		{"Iran will reject the offer on Monday.", "reject", tue, false, clause.Future, tue},
		{"Iran may reject the offer on Monday.", "reject", tue, false, clause.Hypothetical, tue},
		{"Iran rejected the offer, to be discussed next Monday.", "rejected", tue, false, clause.Asserted, tue},
		{"Iran rejected the offer this coming Friday.", "rejected", tue, false, clause.Asserted, tue},
		// Names that hold a day's name.
		{"Shoppers crowded the shops on Black Friday.", "crowded", tue, false, clause.Asserted, tue},
		{"Clinton won the primaries on Super Tuesday.", "won", tue, false, clause.Asserted, tue},
		{"The Sunday Times criticised Iran.", "criticised", tue, false, clause.Asserted, tue},
		{"Iran rejected the Monday offer of talks.", "rejected", tue, false, clause.Asserted, tue},
		{"Marchers remembered Bloody Sunday.", "remembered", tue, false, clause.Asserted, tue},
		// The expression of the verb's clause; the nearest, after it on a tie.
		{"After talks on Sunday, Iran rejected the offer on Monday.", "rejected", tue, false, clause.Asserted, "2014-09-15"},
		{"On Sunday, Iran rejected the offer, on Monday Iraq.", "rejected", tue, false, clause.Asserted, "2014-09-14"},
		{"Iran said on Monday that Iraq attacked its border post on Saturday.", "attacked", tue, false, clause.Asserted, "2014-09-13"},
		{"Iran said on Monday that Iraq attacked its border post on Saturday.", "said", tue, false, clause.Asserted, "2014-09-15"},
		{"Iran said on Monday that Iraq attacked its border post.", "attacked", tue, false, clause.Asserted, tue},
		{"Khamenei said Monday that the US offered talks.", "offered", tue, false, clause.Asserted, tue},
		{"Iran refused the offer, said Khamenei, who on Monday left hospital.", "refused", tue, false, clause.Asserted, tue},
		{"\u201cWe refused,\u201d Khamenei said on Monday.", "refused", tue, false, clause.Asserted, tue},
		{"Yesterday Iran rejected the offer Iraq made on Sunday.", "rejected", tue, false, clause.Asserted, "2014-09-15"},
		{"Yesterday Iran rejected the offer Iraq made on Sunday.", "made", tue, false, clause.Asserted, "2014-09-14"},
		{"Iran rejected the offer on Monday and Iraq accepted it on Sunday.", "accepted", tue, false, clause.Asserted, "2014-09-14"},
		{"Iran rejected the offer on Monday and Iraq accepted it.", "accepted", tue, false, clause.Asserted, tue},
		{"Iran rejected the offer on Monday and Iraq accepted it on Sunday.", "rejected", tue, false, clause.Asserted, "2014-09-15"},
	}
	for _, tt := range tests {
		sents := an.Analyze(tt.sentence)
		if len(sents) != 1 {
			t.Fatalf("Analyze(%q) = %d sentences; want 1", tt.sentence, len(sents))
		}
		d := doc.Document{ID: "t", Date: tt.date, DateAssumed: tt.assumed, Text: tt.sentence}
		sc := sentenceCoder{d: &d, s: sents[0]}
		head := -1
		for i, tok := range sc.s.Tokens {
			if tok.Text(d.Text) == tt.verb {
				head = i
			}
		}
		if head < 0 {
			t.Fatalf("%q has no token %q", tt.sentence, tt.verb)
		}
		name := tt.sentence + " " + tt.verb
		if tt.assumed {
			name += " (assumed)"
		}
		t.Run(strings.ReplaceAll(name, " ", "_"), func(t *testing.T) {
			if got := sc.eventDate(head, tt.modality); got != tt.want {
				t.Errorf("eventDate(%q, %q, document %s) = %s; want %s", tt.sentence, tt.verb, tt.date, got, tt.want)
			}
		})
	}
}
