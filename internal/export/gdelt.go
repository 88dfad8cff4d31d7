package export

import (
	"bufio"
	"strconv"
	"strings"
	"time"

	"dyad/internal/store"
)

// GDELTColumns are the 61 columns of the GDELT 2.0 event table, in order.
var GDELTColumns = []string{
	"GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
	"Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
	"Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
	"Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
	"Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
	"IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
	"NumMentions", "NumSources", "NumArticles", "AvgTone",
	"Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code",
	"Actor1Geo_ADM2Code", "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
	"Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code",
	"Actor2Geo_ADM2Code", "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
	"ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code",
	"ActionGeo_ADM2Code", "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
	"DATEADDED", "SOURCEURL",
}

type gdeltWriter struct {
	w   *bufio.Writer
	row []string
}

// leaves reports whether r is left out: a GDELT row is an event, and a
// record with no asserted or claimed report is only evidence of one.
func (g *gdeltWriter) leaves(r *store.Record) bool { return !Counted(r) }

// Write writes one record as a GDELT row: 61 tab-separated fields, or
// nothing for a record with no asserted or claimed report. NumMentions,
// NumSources and NumArticles count the asserted and claimed reports.
func (g *gdeltWriter) Write(r *store.Record) error {
	if g.leaves(r) {
		return nil
	}
	g.row = GDELTRow(g.row[:0], r)
	for i, f := range g.row {
		if i > 0 {
			g.w.WriteByte('\t')
		}
		g.w.WriteString(f)
	}
	return g.w.WriteByte('\n')
}

func (g *gdeltWriter) Flush() error { return g.w.Flush() }

// GDELTRow appends the 61 GDELT fields of r to row and returns it. Fields
// dyad does not know are empty; AvgTone is 0 and the geography types 0
// (GDELT's "no location").
func GDELTRow(row []string, r *store.Record) []string {
	date := strings.ReplaceAll(r.FirstDate, "-", "") // YYYYMMDD
	monthYear, year, fraction := "", "", ""
	if t, err := time.Parse(time.DateOnly, r.FirstDate); err == nil {
		monthYear = t.Format("200601")
		year = t.Format("2006")
		// GDELT's FractionDate: year + (month*30 + day)/365.
		f := float64(t.Year()) + float64(int(t.Month())*30+t.Day())/365
		fraction = strconv.FormatFloat(f, 'f', 4, 64)
	}
	row = append(row, strconv.FormatInt(r.ID, 10), date, monthYear, year, fraction)
	row = appendActor(row, r.Source)
	row = appendActor(row, r.Target)
	base := r.CAMEO
	if len(base) > 3 {
		base = base[:3]
	}
	row = append(row, "0", r.CAMEO, base, store.Root(r.CAMEO),
		strconv.Itoa(r.QuadClass), strconv.FormatFloat(r.Goldstein, 'f', 1, 64),
		strconv.Itoa(r.Mentions), strconv.Itoa(r.Outlets), strconv.Itoa(r.Articles), "0")
	for range 3 { // Actor1Geo, Actor2Geo, ActionGeo
		row = append(row, "0", "", "", "", "", "", "", "")
	}
	return append(row, dateAdded(r.Added), clean(r.SourceURL))
}

// appendActor appends the ten actor fields of a CAMEO actor code.
func appendActor(row []string, code string) []string {
	a := ParseActor(code)
	return append(row, clean(code), "", a.Country, a.KnownGroup, "", "", "", a.Types[0], a.Types[1], a.Types[2])
}

// Actor is a CAMEO actor code cut into GDELT's parts.
type Actor struct {
	Country    string    // ISO 3166-1 alpha-3, "" for international and unknown actors
	KnownGroup string    // the id of a named group or organisation: UNO in IGOUNO
	Types      [3]string // sectors and international types, in the code's order
}

// ParseActor cuts a code into three-letter parts: a leading part that is
// neither a sector nor an international type (IGO, NGO, IMG, MNC) is the
// country; sectors and types fill Types in order; the first other part is
// the known group. "IRNGOV" is IRN + GOV; "IGOUNO" is IGO + group UNO;
// "USAMILREB" is USA + MIL, REB.
func ParseActor(code string) Actor {
	var a Actor
	nt := 0
	for i := 0; i+3 <= len(code); i += 3 {
		part := code[i : i+3]
		switch {
		case roles[part]:
			if nt < len(a.Types) {
				a.Types[nt] = part
				nt++
			}
		case i == 0:
			a.Country = part
		case a.KnownGroup == "":
			a.KnownGroup = part
		}
	}
	return a
}

// roles are the PLOVER/CAMEO sector codes and international types
// (internal/kb/data/agents.txt, plus CAMEO's HLH, MED and INS).
var roles = map[string]bool{}

func init() {
	for _, c := range strings.Fields(`COP GOV JUD LEG MIL PRM PTY REB SPY UAF UNK
		AGR BUS CRM CVL EDU ELI JRN LAB MED REF OPP PRE REL SOC HLH HRI INS MOD RAD
		IGO NGO IMG MNC`) {
		roles[c] = true
	}
}

// dateAdded turns an RFC 3339 time into GDELT's YYYYMMDDHHMMSS (UTC).
func dateAdded(s string) string {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return ""
	}
	return t.UTC().Format("20060102150405")
}

// clean keeps a field on its line and in its column.
func clean(s string) string {
	if !strings.ContainsAny(s, "\t\r\n") {
		return s
	}
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return r == '\t' || r == '\r' || r == '\n' }), " ")
}
