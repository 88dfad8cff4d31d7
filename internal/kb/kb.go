package kb

import (
	"bytes"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
	"time"

	"dyad/internal/doc"
)

// KB is a compiled set of dictionaries: the actor phrase matcher, the
// people with their dated roles, and the verb patterns. It is read-only
// after Load and safe to share between goroutines.
type KB struct {
	Actors *Matcher
	People map[string]*Person // by id
	Verbs  *Verbs
	// Discards lists the phrases of TABARI/PETRARCH discards files
	// (lowercase, single spaces): a sentence with one is not coded.
	Discards []string
	// Discard matches the Discards phrases in sentences; nil when there
	// are none.
	Discard *Matcher
	// offices lists the terms of each office, by "COUNTRY office".
	offices map[string][]term
	// shorts lists the people's short forms, for settleShared.
	shorts []shortRef
}

type term struct {
	who  *Person
	role Role
}

// Person is someone with dated roles: coded as the role's country and
// sector while in office, as an elite (ELI) of that country after.
type Person struct {
	ID, Name string
	Roles    []Role
}

// Role is one term in an office.
type Role struct {
	Country, Sector, Office string
	From, To                string // YYYY-MM-DD; To "" while in office
}

// RoleOn returns the person's role on date (YYYY-MM-DD), and false when
// they held none. With several, the latest-started wins.
func (p *Person) RoleOn(date string) (Role, bool) {
	var best Role
	found := false
	for _, r := range p.Roles {
		if r.From <= date && (r.To == "" || date <= r.To) && (!found || r.From > best.From) {
			best, found = r, true
		}
	}
	return best, found
}

// Holder returns the person who held office in country on date, if the
// dictionaries know exactly one.
func (k *KB) Holder(country, office, date string) (*Person, Role, bool) {
	var who *Person
	var role Role
	n := 0
	for _, t := range k.offices[country+" "+office] {
		if t.role.From <= date && (t.role.To == "" || date <= t.role.To) && t.who != who {
			who, role = t.who, t.role
			n++
		}
	}
	return who, role, n == 1
}

// A file's kind comes from its name: countries*.txt, agents*.txt,
// groups*.txt, people*.txt, verbs*.txt.
type fileKind int

const (
	unknownFile fileKind = iota
	countriesFile
	agentsFile
	groupsFile
	peopleFile
	verbsFile
)

func kindOf(name string) fileKind {
	base := path.Base(name)
	for _, k := range []struct {
		prefix string
		kind   fileKind
	}{
		{"countries", countriesFile}, {"agents", agentsFile}, {"groups", groupsFile},
		{"people", peopleFile}, {"verbs", verbsFile},
	} {
		if strings.HasPrefix(base, k.prefix) {
			return k.kind
		}
	}
	return unknownFile
}

// Default loads the embedded dictionaries. validCAMEO, when not nil,
// checks the event codes of verb patterns.
func Default(validCAMEO func(string) bool) (*KB, []error) {
	k := New()
	k.Verbs.Validate = validCAMEO
	names, err := fs.Glob(Data, "data/*.txt")
	if err != nil {
		return nil, []error{err}
	}
	var errs []error
	for _, name := range names {
		b, err := Data.ReadFile(name)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		errs = append(errs, k.AddFile(name, b)...)
	}
	return k, errs
}

// New returns an empty KB.
func New() *KB {
	return &KB{Actors: NewMatcher(), People: map[string]*Person{}, Verbs: NewVerbs(), offices: map[string][]term{}}
}

// AddFile adds the entries of one dictionary file in dyad's block format,
// its kind taken from its name. Bad entries are reported with file:line and
// skipped; the rest of the file is kept.
//
// A TABARI/PETRARCH file (a name with "actors", "agents", "discards",
// "verbs" or "CAMEO.", and content not in the block format: see
// isPETRARCH) goes to AddPETRARCH.
func (k *KB) AddFile(name string, data []byte) []error {
	if isPETRARCH(name, data) {
		return k.AddPETRARCH(name, data)
	}
	blocks, errs := ParseBlocks(bytes.NewReader(data), name)
	kind := kindOf(name)
	if kind == unknownFile {
		return append(errs, fmt.Errorf("%s: unknown dictionary kind (the name must start with countries, agents, groups, people or verbs)", name))
	}
	for i := range blocks {
		b := &blocks[i]
		var err error
		switch kind {
		case countriesFile:
			err = k.addCountry(b)
		case agentsFile:
			err = k.addAgents(b)
		case groupsFile:
			err = k.addGroup(b)
		case peopleFile:
			err = k.addPerson(b)
		case verbsFile:
			errs = append(errs, k.Verbs.addBlock(b)...)
		}
		if err != nil {
			errs = append(errs, fmt.Errorf("%s:%d: %s: %w", b.File, b.Line, b.Code, err))
		}
	}
	if kind == peopleFile {
		k.settleShared()
	}
	return errs
}

func isCountryCode(c string) bool {
	if len(c) != 3 {
		return false
	}
	for i := 0; i < 3; i++ {
		if c[i] < 'A' || c[i] > 'Z' {
			return false
		}
	}
	return true
}

// addPhrases adds the phrases of a field, less those the block lists as
// "shared:" (owned by another entry: "Congo" is COD's, shared by COG).
func (k *KB) addPhrases(b *Block, key string, e Entry) error {
	shared := b.Get("shared")
	for _, p := range b.Get(key) {
		if slices.Contains(shared, p) {
			continue
		}
		if err := k.Actors.Add(p, e); err != nil {
			return fmt.Errorf("%s %q: %w", key, p, err)
		}
	}
	return nil
}

func (k *KB) addCountry(b *Block) error {
	if !isCountryCode(b.Code) {
		return fmt.Errorf("country code must be three capital letters")
	}
	e := Entry{Code: b.Code, Country: b.Code, ID: b.Code, File: b.File, Line: b.Line}
	for _, f := range []struct {
		key    string
		kind   doc.MentionKind
		sector string
	}{
		{"name", doc.CountryName, ""}, {"part", doc.CountryName, ""},
		{"adj", doc.CountryAdj, ""}, {"people", doc.CountryPeople, ""},
		{"capital", doc.Capital, "GOV"}, {"seat", doc.Seat, "GOV"},
		{"seat-mil", doc.Seat, "MIL"}, {"seat-leg", doc.Seat, "LEG"},
	} {
		e.Kind, e.Sector = f.kind, f.sector
		e.Code = b.Code + f.sector
		if err := k.addPhrases(b, f.key, e); err != nil {
			return err
		}
	}
	return nil
}

func (k *KB) addAgents(b *Block) error {
	if !validSector(b.Code) {
		return fmt.Errorf("sector code must be three capital letters")
	}
	e := Entry{Kind: doc.Agent, Code: b.Code, Sector: b.Code, File: b.File, Line: b.Line}
	if err := k.addPhrases(b, "agent", e); err != nil {
		return err
	}
	return k.addPhrases(b, "title", e)
}

func validSector(s string) bool { return isCountryCode(s) }

var groupKinds = map[string]doc.MentionKind{
	"igo": doc.Organisation, "ngo": doc.Organisation, "party": doc.Organisation,
	"company": doc.Organisation, "armed-group": doc.ArmedGroup, "media": doc.Media,
}

func (k *KB) addGroup(b *Block) error {
	kinds := b.Get("kind")
	if len(kinds) != 1 {
		return fmt.Errorf("want one kind: (igo, ngo, party, company, armed-group, media)")
	}
	mk, ok := groupKinds[kinds[0]]
	if !ok {
		return fmt.Errorf("unknown kind %q", kinds[0])
	}
	e := Entry{Kind: mk, Code: b.Code, ID: b.Code, File: b.File, Line: b.Line}
	if c := b.Get("country"); len(c) > 0 {
		if !isCountryCode(c[0]) {
			return fmt.Errorf("country %q is not a three-letter code", c[0])
		}
		e.Country = c[0]
	}
	if s := b.Get("sector"); len(s) > 0 {
		e.Sector = s[0]
	}
	return k.addPhrases(b, "name", e)
}

func (k *KB) addPerson(b *Block) error {
	p := &Person{ID: b.Code, Name: b.Name}
	for _, f := range b.Fields {
		if f.Key != "role" {
			continue
		}
		r, err := parseRole(f.Values)
		if err != nil {
			return fmt.Errorf("line %d: %w", f.Line, err)
		}
		p.Roles = append(p.Roles, r)
	}
	if _, dup := k.People[p.ID]; dup {
		return fmt.Errorf("id defined twice")
	}
	k.People[p.ID] = p
	for _, r := range p.Roles {
		key := r.Country + " " + r.Office
		k.offices[key] = append(k.offices[key], term{p, r})
	}
	e := Entry{Kind: doc.Person, Code: "", ID: p.ID, File: b.File, Line: b.Line}
	if err := k.addPhrases(b, "name", e); err != nil {
		return err
	}
	for _, s := range b.Get("short") {
		if err := k.Actors.AddSurname(s, e); err != nil {
			return fmt.Errorf("short %q: %w", s, err)
		}
		k.shorts = append(k.shorts, shortRef{phrase: s, who: p, entry: e})
	}
	return nil
}

// parseRole reads "COUNTRY SECTOR office | FROM | TO".
func parseRole(v []string) (Role, error) {
	if len(v) != 3 {
		return Role{}, fmt.Errorf("role wants 3 values (COUNTRY SECTOR office | FROM | TO), got %d", len(v))
	}
	words := strings.Fields(v[0])
	if len(words) < 3 {
		return Role{}, fmt.Errorf("role %q wants COUNTRY SECTOR office", v[0])
	}
	r := Role{Country: words[0], Sector: words[1], Office: strings.Join(words[2:], " "), From: v[1], To: v[2]}
	if r.To == "now" {
		r.To = ""
	}
	for _, d := range []string{r.From, r.To} {
		if d == "" {
			continue
		}
		if _, err := time.Parse("2006-01-02", d); err != nil {
			return Role{}, fmt.Errorf("bad date %q (want YYYY-MM-DD)", d)
		}
	}
	if r.To != "" && r.To < r.From {
		return Role{}, fmt.Errorf("role ends (%s) before it starts (%s)", r.To, r.From)
	}
	return r, nil
}

// Readable reports whether AddFile knows the kind of a dictionary file:
// one of dyad's (by name) or TABARI/PETRARCH (by name and content).
func Readable(name string, data []byte) bool {
	return isPETRARCH(name, data) || kindOf(name) != unknownFile
}
