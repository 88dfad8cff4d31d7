package doc

// MentionKind says what sort of dictionary entry a mention matched.
type MentionKind uint8

// Mention kinds.
const (
	NoKind        MentionKind = iota
	CountryName               // "Iran", "the United States"
	CountryAdj                // "Iranian", "Saudi"
	CountryPeople             // "Iranians", "the Saudis"
	Capital                   // "Tehran", "Washington" (a metonym for the government)
	Seat                      // "the White House", "the Kremlin"
	Organisation              // international or national organisations: "the UN", "NATO"
	ArmedGroup                // "Islamic State", "Hezbollah"
	Agent                     // a role noun: "president", "rebels", "police"
	Person                    // a named person: "Khamenei"
	Media                     // a news outlet or agency: "Reuters", "IRNA"
	NumMentionKinds
)

var mentionKindNames = [NumMentionKinds]string{
	"", "country", "country-adj", "country-people", "capital", "seat",
	"organisation", "armed-group", "agent", "person", "media",
}

// String returns the kind's name ("country", "agent").
func (k MentionKind) String() string {
	if k < NumMentionKinds {
		return mentionKindNames[k]
	}
	return "?"
}

// Mention is a dictionary phrase found in a sentence.
type Mention struct {
	Span        Span        // bytes of the document text
	First, Last int         // tokens [First, Last) of the sentence
	Kind        MentionKind //
	Code        string      // actor code the entry gives: "IRN", "IMGISL", "GOV" for a bare agent
	Country     string      // ISO 3166-1 alpha-3, or "" for non-state and international actors
	Sector      string      // role code: GOV, MIL, REB, ... ("" for a bare country)
	ID          string      // the entry's identifier (a person's or organisation's key)
	// From and To bound the dates (YYYY-MM-DD, inclusive; "" open) on
	// which the entry holds, for dictionaries with dated codes.
	From, To string
	// Affix is where a TABARI/PETRARCH agent's code goes in the actor's.
	Affix Affix
}

// Affix says how an agent's code joins the code of the actor it belongs to.
type Affix uint8

const (
	// NoAffix: dyad's agents, whose sector replaces the actor's ("IRN" +
	// "GOV" is IRNGOV).
	NoAffix Affix = iota
	// Suffix: a TABARI/PETRARCH [~CODE] agent, appended in 3-letter parts
	// the code lacks ("ARN" + "GOVFRM" is ARNGOVFRM, "USAGOV" + "GOV" is
	// USAGOV).
	Suffix
	// Prefix: a [CODE~] agent, put before the actor's code ("NGO" +
	// "ARN" is NGOARN).
	Prefix
)

// ValidOn reports whether the mention's entry holds on date (YYYY-MM-DD);
// an undated document or entry always holds.
func (m *Mention) ValidOn(date string) bool {
	if date == "" {
		return true
	}
	return (m.From == "" || m.From <= date) && (m.To == "" || date <= m.To)
}
