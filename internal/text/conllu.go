package text

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"

	"dyad/internal/doc"
)

// TaggedSentence is a sentence of words with their gold Penn tags, as read
// from a treebank for training and evaluating the tagger and the parser.
type TaggedSentence struct {
	Words []string
	Tags  []doc.Tag
	// SpaceAfter[i] is false when the treebank marks word i SpaceAfter=No.
	SpaceAfter []bool
	// Heads[i] is the HEAD column of word i: 0 for the root, j for word
	// j-1. Rels[i] is its DEPREL (doc.ParseRel). AugmentHyphens leaves
	// both nil in the copies it adds.
	Heads []int32
	Rels  []doc.Rel
}

// ReadCoNLLU reads the word forms and XPOS tags of a CoNLL-U file. Multiword
// token ranges (1-2) and empty nodes (1.1) are skipped. A malformed line is
// an error naming name:line; reading stops there, returning what came before.
func ReadCoNLLU(r io.Reader, name string) ([]TaggedSentence, error) {
	var out []TaggedSentence
	var cur TaggedSentence
	flush := func() {
		if len(cur.Words) > 0 {
			out = append(out, cur)
		}
		cur = TaggedSentence{}
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 4*1024*1024)
	line := 0
	for sc.Scan() {
		line++
		s := sc.Text()
		if s == "" {
			flush()
			continue
		}
		if s[0] == '#' {
			continue
		}
		cols := strings.Split(s, "\t")
		if len(cols) != 10 {
			return out, fmt.Errorf("%s:%d: %d columns, want 10", name, line, len(cols))
		}
		if strings.ContainsAny(cols[0], "-.") {
			continue
		}
		if cols[1] == "" {
			return out, fmt.Errorf("%s:%d: empty FORM", name, line)
		}
		tag, ok := doc.ParseTag(cols[4])
		if !ok {
			return out, fmt.Errorf("%s:%d: unknown XPOS tag %q", name, line, cols[4])
		}
		head, err := strconv.Atoi(cols[6])
		if err != nil || head < 0 {
			return out, fmt.Errorf("%s:%d: bad HEAD %q", name, line, cols[6])
		}
		rel, _ := doc.ParseRel(cols[7])
		cur.Heads = append(cur.Heads, int32(head))
		cur.Rels = append(cur.Rels, rel)
		cur.Words = append(cur.Words, cols[1])
		cur.Tags = append(cur.Tags, tag)
		cur.SpaceAfter = append(cur.SpaceAfter, !strings.Contains(cols[9], "SpaceAfter=No"))
	}
	if err := sc.Err(); err != nil {
		return out, fmt.Errorf("%s:%d: %w", name, line+1, err)
	}
	flush()
	return out, nil
}

// AugmentHyphens returns sents plus, for each sentence with a hyphenated
// compound that the treebank split ("anti", "-", "aircraft" written without
// spaces), a copy where the compound is one word tagged as its last part.
// dyad's tokenizer keeps such compounds whole ("US-led"), so the tagger
// learns both forms.
func AugmentHyphens(sents []TaggedSentence) []TaggedSentence {
	out := sents
	for _, s := range sents {
		merged, ok := mergeHyphens(s)
		if ok {
			out = append(out, merged)
		}
	}
	return out
}

func mergeHyphens(s TaggedSentence) (TaggedSentence, bool) {
	var m TaggedSentence
	changed := false
	for i := 0; i < len(s.Words); i++ {
		w, tg, sp := s.Words[i], s.Tags[i], s.SpaceAfter[i]
		// Join while the next token is a hyphen glued to both neighbours.
		for i+2 < len(s.Words) && !sp && s.Tags[i+1] == doc.HYPH && !s.SpaceAfter[i+1] {
			w += s.Words[i+1] + s.Words[i+2]
			tg, sp = s.Tags[i+2], s.SpaceAfter[i+2]
			i += 2
			changed = true
		}
		m.Words = append(m.Words, w)
		m.Tags = append(m.Tags, tg)
		m.SpaceAfter = append(m.SpaceAfter, sp)
	}
	return m, changed
}
