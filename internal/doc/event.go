package doc

// Actor is a coded participant of an event.
type Actor struct {
	Code       string `json:"code"`                 // "IRNGOV", "USA", "IMGISL"
	Country    string `json:"country"`              // "IRN"; "" for non-state international actors
	Sector     string `json:"sector"`               // "GOV"; "" for a bare country
	Text       string `json:"text"`                 // the words in the article
	Span       Span   `json:"span"`                 // their bytes
	Identifier string `json:"identifier,omitempty"` // a person or organisation id from the dictionaries
}

// Event is one coded event: source did verb to target.
type Event struct {
	// ID is DocID#eN, N from 1 in the order dyad codes the events.
	ID       string `json:"id"`
	DocID    string `json:"doc_id"`
	Sentence int    `json:"sentence"`
	Date     string `json:"date"`
	// DateAssumed is true when the document's date was neither given
	// nor read from its text but assumed (the day it was read): Date and
	// the roles people resolved to may be wrong. Written only when true.
	DateAssumed bool    `json:"date_assumed,omitempty"`
	Source      Actor   `json:"source"`
	Target      *Actor  `json:"target"`
	CAMEO       string  `json:"cameo"`
	PLOVER      string  `json:"plover"`
	Mode        string  `json:"mode"`
	Goldstein   float64 `json:"goldstein"`
	QuadClass   int     `json:"quad_class"`
	Verb        Phrase  `json:"verb"`
	Negated     bool    `json:"negated"`
	Modality    string  `json:"modality"`
	// Status is how the text commits to the event: asserted (the writer
	// states it), claimed (someone says it), denied (someone denies it),
	// negated (it did not happen), hypothetical (would, may, plans to).
	Status     string  `json:"status"`
	ReportedBy []Actor `json:"reported_by"`
	QuoteID    string  `json:"quote_id"`
	// Contests lists the IDs of events in the same document that tell the
	// same thing between the same actors otherwise, by another claimant:
	// each side says it was the one that acted, or one denies what the
	// other claims.
	Contests []string `json:"contests"`
	Location string   `json:"location"`
	Text     string   `json:"text"`
	// Pattern is the verb pattern that coded the event, for --explain.
	Pattern string `json:"pattern"`
}

// Phrase is a piece of text with its span.
type Phrase struct {
	Text string `json:"text"`
	Span Span   `json:"span"`
}

// Result is everything dyad found in one document.
type Result struct {
	Document  Document
	Sentences []Sentence
	Mentions  [][]Mention // per sentence, token indexes relative to it
	Events    []Event
	Quotes    []Quote
}

// Quote is a quotation with its speaker and how it reached the article.
type Quote struct {
	ID      string `json:"id"` // DocID#qN, N from 1 in text order
	DocID   string `json:"doc_id"`
	Speaker *Actor `json:"speaker"` // null when no speaker is found or coded
	// SpeakerText is the words naming the speaker, coded or not ("he").
	SpeakerText Phrase  `json:"speaker_text"`
	Cue         Phrase  `json:"cue"`     // the verb of saying
	Content     Phrase  `json:"content"` // inside the quote marks
	Direct      bool    `json:"direct"`
	Via         []Actor `json:"via"` // who passed it on, innermost first
}
