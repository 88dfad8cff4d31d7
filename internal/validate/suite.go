package validate

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// Suite is a parsed validation file.
type Suite struct {
	Env     Environment
	Records []Record
}

// Environment is the <Environment> of a suite: the dictionary files, as
// paths relative to the suite file, and the categories it includes.
type Environment struct {
	Verbfile, Actorfile, Agentfile, Discardfile string
	Include                                     []string
}

// Record is one <Sentence> of a suite.
type Record struct {
	ID, Category string
	Date         string // YYYY-MM-DD
	Text         string // white space collapsed: a record is one sentence
	Line         int
	// Expect are the events the record should code; empty for a record
	// that expects none (noevents, or an error PETRARCH reports instead of
	// coding: "storydiscard", "bad_input_parse", "dateline").
	Expect []Event
	// Error is the error the record expects PETRARCH to report, "" for none.
	Error string
	// RequireDyad is the suite's require_dyad option where the record
	// stands (true unless a <Config> turned it off): events without a
	// target are only coded when it is false.
	RequireDyad bool
}

// Event is one coded event as PETRARCH writes it: source and target actor
// codes ("ARNGOV", "---GOV" for an agent of no known actor, "---" for no
// target) and the event code.
type Event struct {
	Source, Target, Code string
}

func (e Event) String() string { return e.Source + ">" + e.Target + " " + e.Code }

// ErrNoRecords reports a suite file without any <Sentence> record.
var ErrNoRecords = errors.New("no <Sentence> records")

// Parse reads a suite. name is used in errors ("name:line: ...").
func Parse(r io.Reader, name string) (*Suite, error) {
	d := xml.NewDecoder(r)
	d.Strict = true
	d.Entity = xml.HTMLEntity
	s := &Suite{}
	requireDyad := true
	var path []string
	var rec *Record
	var text strings.Builder
	inText := false
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			line, _ := d.InputPos()
			return nil, fmt.Errorf("%s:%d: %w", name, line, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			path = append(path, t.Name.Local)
			line, _ := d.InputPos()
			switch t.Name.Local {
			case "Sentence":
				rec = &Record{Line: line, RequireDyad: requireDyad}
				for _, a := range t.Attr {
					v := strings.TrimSpace(a.Value)
					switch a.Name.Local {
					case "id":
						rec.ID = v
					case "category":
						rec.Category = v
					case "date":
						rec.Date = v
					}
				}
				if len(rec.Date) == 8 && !strings.Contains(rec.Date, "-") {
					rec.Date = rec.Date[:4] + "-" + rec.Date[4:6] + "-" + rec.Date[6:]
				}
			case "EventCoding":
				if rec == nil {
					return nil, fmt.Errorf("%s:%d: <EventCoding> outside a <Sentence>", name, line)
				}
				var e Event
				for _, a := range t.Attr {
					v := strings.TrimSpace(a.Value)
					switch a.Name.Local {
					case "sourcecode":
						e.Source = v
					case "targetcode":
						e.Target = v
					case "eventcode":
						e.Code = v
					case "error":
						rec.Error = v
					}
				}
				if e.Code != "" {
					rec.Expect = append(rec.Expect, e)
				}
			case "Config":
				var opt, val string
				for _, a := range t.Attr {
					switch a.Name.Local {
					case "option":
						opt = a.Value
					case "value":
						val = a.Value
					}
				}
				if opt == "require_dyad" {
					requireDyad = !strings.EqualFold(strings.TrimSpace(val), "false")
				}
			case "Text":
				inText = rec != nil
				text.Reset()
			}
		case xml.EndElement:
			path = path[:len(path)-1]
			switch t.Name.Local {
			case "Sentence":
				if rec != nil {
					if rec.ID == "" {
						rec.ID = fmt.Sprintf("line-%d", rec.Line)
					}
					s.Records = append(s.Records, *rec)
				}
				rec = nil
			case "Text":
				if rec != nil {
					rec.Text = strings.Join(strings.Fields(text.String()), " ")
				}
				inText = false
			}
		case xml.CharData:
			if inText {
				text.Write(t)
				continue
			}
			if len(path) >= 2 && path[len(path)-2] == "Environment" {
				v := strings.TrimSpace(string(t))
				switch path[len(path)-1] {
				case "Verbfile":
					s.Env.Verbfile = v
				case "Actorfile":
					s.Env.Actorfile = v
				case "Agentfile":
					s.Env.Agentfile = v
				case "Discardfile":
					s.Env.Discardfile = v
				case "Include":
					s.Env.Include = strings.Fields(v)
				}
			}
		}
	}
	if len(s.Records) == 0 {
		return nil, fmt.Errorf("%s: %w", name, ErrNoRecords)
	}
	return s, nil
}
