package store

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
)

// filterFixture stores three documents, six records:
//
//	01-10 Reuters  USA>IRNGOV:042, IRNMIL>USA:190 (said by RUSGOV)
//	02-01 AP       A_B>CHN:120, AXB>CHN:121, CHN>:051
//	03-05 AFP      IRN>ISR:193 (said by IRNGOV)
func filterFixture(t *testing.T, s Store) []string {
	t.Helper()
	var keys []string
	for _, r := range []struct {
		id, date, outlet string
		evs              []ev
	}{
		{"a", "2020-01-10", "Reuters", []ev{{src: "USA", tgt: "IRNGOV", cameo: "042"},
			{src: "IRNMIL", tgt: "USA", cameo: "190", status: "claimed", claimant: "RUSGOV"}}},
		{"b", "2020-02-01", "AP", []ev{{src: "A_B", tgt: "CHN", cameo: "120"}, {src: "AXB", tgt: "CHN", cameo: "121"},
			{src: "CHN", cameo: "051"}}},
		{"c", "2020-03-05", "AFP", []ev{{src: "IRN", tgt: "ISR", cameo: "193", status: "claimed", claimant: "IRNGOV"}}},
	} {
		keys = append(keys, put(t, s, result(r.id, r.date, r.outlet, r.evs...)).Key)
	}
	return keys
}

// short writes records as source>target:cameo, in order.
func short(rs []Record) string {
	var b []string
	for _, r := range rs {
		b = append(b, r.Source+">"+r.Target+":"+r.CAMEO)
	}
	return strings.Join(b, " ")
}

func TestEventFilters(t *testing.T) {
	eachEngine(t, func(t *testing.T, s *engine) {
		filterFixture(t, s)
		tests := []struct {
			f    EventFilter
			want string
		}{
			{EventFilter{}, "IRN>ISR:193 CHN>:051 AXB>CHN:121 A_B>CHN:120 IRNMIL>USA:190 USA>IRNGOV:042"},
			{EventFilter{From: "2020-02-01"}, "IRN>ISR:193 CHN>:051 AXB>CHN:121 A_B>CHN:120"},
			{EventFilter{To: "2020-01-31"}, "IRNMIL>USA:190 USA>IRNGOV:042"},
			{EventFilter{From: "2020-02-01", To: "2020-02-01"}, "CHN>:051 AXB>CHN:121 A_B>CHN:120"},
			{EventFilter{Actor: "IRN"}, "IRN>ISR:193 IRNMIL>USA:190 USA>IRNGOV:042"},
			{EventFilter{Actor: "USA"}, "IRNMIL>USA:190 USA>IRNGOV:042"},
			{EventFilter{Source: "IRN"}, "IRN>ISR:193 IRNMIL>USA:190"},
			{EventFilter{Target: "IRN"}, "USA>IRNGOV:042"},
			{EventFilter{Target: "CHN"}, "AXB>CHN:121 A_B>CHN:120"},
			{EventFilter{Source: "IRN", Target: "USA"}, "IRNMIL>USA:190"},
			{EventFilter{PLOVER: "P19"}, "IRN>ISR:193 IRNMIL>USA:190"},
			{EventFilter{PLOVER: "P1"}, ""},
			{EventFilter{CAMEO: "12"}, "AXB>CHN:121 A_B>CHN:120"},
			{EventFilter{CAMEO: "120"}, "A_B>CHN:120"},
			{EventFilter{CAMEO: "1"}, "IRN>ISR:193 AXB>CHN:121 A_B>CHN:120 IRNMIL>USA:190"},
			{EventFilter{Claimant: "RUS"}, "IRNMIL>USA:190"},
			{EventFilter{Claimant: "IRN"}, "IRN>ISR:193"},
			{EventFilter{Claimant: "IRNGOV", Actor: "USA"}, ""},
			{EventFilter{Source: "A_"}, "A_B>CHN:120"}, // _ is no wildcard
			{EventFilter{Source: "usa"}, ""},           // codes match case and all
			{EventFilter{Limit: 2}, "IRN>ISR:193 CHN>:051"},
			{EventFilter{Limit: 2, Offset: 2}, "AXB>CHN:121 A_B>CHN:120"},
			{EventFilter{Offset: 10}, ""},
			{EventFilter{Limit: 1 << 30, Offset: -3}, "IRN>ISR:193 CHN>:051 AXB>CHN:121 A_B>CHN:120 IRNMIL>USA:190 USA>IRNGOV:042"},
		}
		// Records of one date list by id, and ids are hashes: put each
		// want in the listing's order (the unfiltered order, checked to
		// go by date).
		all := events(t, s, EventFilter{})
		for i := 1; i < len(all); i++ {
			if a, b := all[i-1], all[i]; a.LastDate < b.LastDate || a.LastDate == b.LastDate && a.ID < b.ID {
				t.Fatalf("Events() order: %+v before %+v", a, b)
			}
		}
		order := strings.Fields(short(all))
		for _, tc := range tests {
			want := strings.Fields(tc.want)
			slices.SortFunc(want, func(a, b string) int { return slices.Index(order, a) - slices.Index(order, b) })
			switch {
			case tc.f.Limit == 2 && tc.f.Offset == 0:
				want = order[:2]
			case tc.f.Limit == 2 && tc.f.Offset == 2:
				want = order[2:4]
			}
			if got := short(events(t, s, tc.f)); got != strings.Join(want, " ") {
				t.Errorf("Events(%+v) = %q; want %q", tc.f, got, strings.Join(want, " "))
			}
		}
	})
}

func TestQuoteFilters(t *testing.T) {
	eachEngine(t, func(t *testing.T, s *engine) {
		keys := filterFixture(t, s)
		tests := []struct {
			f    QuoteFilter
			want string
		}{
			{QuoteFilter{}, "c#q1 b#q1 a#q1"},
			{QuoteFilter{Speaker: "IRN"}, "c#q1"},
			{QuoteFilter{Speaker: "A_"}, "b#q1"},
			{QuoteFilter{Speaker: "AX"}, ""},
			{QuoteFilter{DocKey: keys[0]}, "a#q1"},
			{QuoteFilter{From: "2020-02-01"}, "c#q1 b#q1"},
			{QuoteFilter{To: "2020-01-31"}, "a#q1"},
			{QuoteFilter{Limit: 1, Offset: 1}, "b#q1"},
		}
		for _, tc := range tests {
			qs, err := s.Quotes(context.Background(), tc.f)
			if err != nil {
				t.Fatalf("Quotes(%+v) = %v", tc.f, err)
			}
			var ids []string
			for _, q := range qs {
				ids = append(ids, q.Quote.ID)
				if q.Quote.Speaker == nil || q.DocKey == "" || q.Date == "" {
					t.Errorf("Quotes(%+v): %+v lacks speaker, key or date", tc.f, q)
				}
			}
			if got := strings.Join(ids, " "); got != tc.want {
				t.Errorf("Quotes(%+v) = %q; want %q", tc.f, got, tc.want)
			}
		}
	})
}

func TestSeries(t *testing.T) {
	eachEngine(t, func(t *testing.T, s *engine) {
		filterFixture(t, s)
		put(t, s, result("undated", "", "X", ev{src: "CHN", tgt: "USA", cameo: "190"}))
		tests := []struct {
			f    EventFilter
			want string
		}{
			{EventFilter{}, "2020-01-10:2/1/1/-9 2020-02-01:3/1/2/-4.5 2020-03-05:1/0/1/-10"},
			{EventFilter{Actor: "CHN"}, "2020-02-01:3/1/2/-4.5"},
			{EventFilter{Source: "USA"}, "2020-01-10:1/1/0/1"},
			{EventFilter{Source: "IRN", Target: "ISR"}, "2020-03-05:1/0/1/-10"},
			{EventFilter{Claimant: "RUS"}, "2020-01-10:1/0/1/-10"},
			{EventFilter{CAMEO: "12", PLOVER: "P12"}, "2020-02-01:2/0/2/-8"},
			{EventFilter{From: "2020-02-01", To: "2020-02-28"}, "2020-02-01:3/1/2/-4.5"},
			{EventFilter{Target: "NONE"}, ""},
		}
		for _, tc := range tests {
			days, err := s.Series(context.Background(), tc.f)
			if err != nil {
				t.Fatalf("Series(%+v) = %v", tc.f, err)
			}
			var b []string
			for _, d := range days {
				b = append(b, fmt.Sprintf("%s:%d/%d/%d/%g", d.Date, d.Events, d.Cooperation, d.Conflict, d.Goldstein))
			}
			if got := strings.Join(b, " "); got != tc.want {
				t.Errorf("Series(%+v) = %q; want %q", tc.f, got, tc.want)
			}
		}
	})
}

func TestNetwork(t *testing.T) {
	eachEngine(t, func(t *testing.T, s *engine) {
		filterFixture(t, s)
		// A second record USA>IRNGOV (another root) and a second report of
		// the first: the heaviest edge.
		put(t, s, result("d", "2020-01-11", "AP", ev{src: "USA", tgt: "IRNGOV", cameo: "043"}, ev{src: "USA", tgt: "IRNGOV", cameo: "120"}))
		tests := []struct {
			f    EventFilter
			want string
		}{
			{EventFilter{}, "USA>IRNGOV:2/3/-1.5 AXB>CHN:1/1/-4 A_B>CHN:1/1/-4 IRN>ISR:1/1/-10 IRNMIL>USA:1/1/-10"},
			{EventFilter{Limit: 2}, "USA>IRNGOV:2/3/-1.5 AXB>CHN:1/1/-4"},
			{EventFilter{Actor: "CHN"}, "AXB>CHN:1/1/-4 A_B>CHN:1/1/-4"},
			{EventFilter{CAMEO: "04"}, "USA>IRNGOV:1/2/1"},
			{EventFilter{From: "2020-03-01"}, "IRN>ISR:1/1/-10"},
		}
		for _, tc := range tests {
			edges, err := s.Network(context.Background(), tc.f)
			if err != nil {
				t.Fatalf("Network(%+v) = %v", tc.f, err)
			}
			var b []string
			for _, g := range edges {
				b = append(b, fmt.Sprintf("%s>%s:%d/%d/%g", g.Source, g.Target, g.Records, g.Mentions, g.Goldstein))
			}
			if got := strings.Join(b, " "); got != tc.want {
				t.Errorf("Network(%+v) = %q; want %q", tc.f, got, tc.want)
			}
		}
	})
}

// TestHostileFilters: values that look like SQL, or like LIKE patterns,
// match nothing and break nothing.
func TestHostileFilters(t *testing.T) {
	eachEngine(t, func(t *testing.T, s *engine) {
		filterFixture(t, s)
		before := counts(t, s)
		ctx := context.Background()
		for _, v := range []string{`'; DROP TABLE events; --`, `%`, `_`, `\`, `%IRN`, `_RN`, `" OR 1=1 --`, `' OR '1'='1`, "\x00", "\xff", "IRN\x00"} {
			ok := func(err error) bool { return err == nil }
			// Dates compare as text: a bad one selects a range, but never fails.
			for _, f := range []EventFilter{{From: v}, {To: v}} {
				if _, err := s.Events(ctx, f); !ok(err) {
					t.Errorf("Events(%+v) = %v", f, err)
				}
				if _, err := s.Series(ctx, f); !ok(err) {
					t.Errorf("Series(%+v) = %v", f, err)
				}
			}
			for _, f := range []EventFilter{
				{Actor: v}, {Source: v}, {Target: v}, {PLOVER: v}, {CAMEO: v}, {Claimant: v},
			} {
				if rs, err := s.Events(ctx, f); !ok(err) || len(rs) != 0 {
					t.Errorf("Events(%+v) = %d records, %v; want none", f, len(rs), err)
				}
				if days, err := s.Series(ctx, f); !ok(err) || len(days) != 0 {
					t.Errorf("Series(%+v) = %v, %v; want none", f, days, err)
				}
				if edges, err := s.Network(ctx, f); !ok(err) || len(edges) != 0 {
					t.Errorf("Network(%+v) = %v, %v; want none", f, edges, err)
				}
			}
			for _, f := range []QuoteFilter{{DocKey: v}, {Speaker: v}} {
				if qs, err := s.Quotes(ctx, f); !ok(err) || len(qs) != 0 {
					t.Errorf("Quotes(%+v) = %v, %v; want none", f, qs, err)
				}
			}
			if _, err := s.Document(ctx, v); err == nil {
				t.Errorf("Document(%q) found something", v)
			}
		}
		if after := counts(t, s); after != before {
			t.Errorf("Counts after hostile filters = %+v; want %+v", after, before)
		}
	})
}
