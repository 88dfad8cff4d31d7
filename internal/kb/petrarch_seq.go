package kb

import (
	"strings"
)

// Seq is a TABARI/PETRARCH pattern as PETRARCH matches it: words and marks
// around the verb, matched against the sentence's tokens in order rather
// than against the verb's arguments. "- NOT * RELATIONS [112]" needs
// "not" somewhere before the verb and "relations" somewhere after it;
// "- MOST_CERTAINLY_&NEG_EVER * [907]" needs its words next to each other
// ('_') and next to the verb.
type Seq struct {
	// Before are the tokens before the verb, nearest first; After the
	// tokens after it, in order.
	Before, After []SeqTok
}

// SeqTok is one token of a Seq.
type SeqTok struct {
	Word string // lowercase word; "" for a mark
	// Mark is 0 for a word, else '$' (the source: the next actor after the
	// verb, or the subject before it), '+' (the target: likewise), '%' (a
	// coordination of actors) or '^' (skip an actor).
	Mark byte
	// Next is true when no word may come between this token and the one
	// before it in matching order: after the verb, the token before it
	// (the verb for the first); before the verb, the token nearer the verb.
	Next bool
}

// Len is the number of tokens, the pattern's weight: a longer pattern that
// fits wins over a shorter one.
func (s *Seq) Len() int { return len(s.Before) + len(s.After) }

// petrSeqTokens splits a pattern into tokens as petrTokens does, but marks
// a token joined to the one before it by '_' with a leading '_'
// ("IN_*" is "IN", "_*"). Brackets are dropped from the tokens' text.
func petrSeqTokens(s string) []string {
	var out []string
	var cur strings.Builder
	joined := false // the next token is joined to the previous one
	flush := func() {
		if cur.Len() == 0 {
			return
		}
		t := cur.String()
		if joined && len(out) > 0 {
			t = "_" + t
		}
		out = append(out, t)
		cur.Reset()
		joined = false
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '_':
			flush()
			joined = len(out) > 0
		case ' ', '\t':
			flush()
			joined = false
		case '*', '$', '%', '^', '(', ')', '{', '}', '+':
			j := joined
			flush()
			joined = j
			cur.WriteByte(c)
			flush()
		default:
			cur.WriteByte(c)
		}
	}
	flush()
	return out
}

// plainTokens drops the '_' joins of petrSeqTokens' tokens.
func plainTokens(toks []string) []string {
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = strings.TrimPrefix(t, "_")
	}
	return out
}

// buildSeq makes a Seq of the tokens of one pattern (synsets expanded), or
// reports false when it has no single '*'. Brackets are left out: their
// words count as words.
func buildSeq(toks []string) (*Seq, bool) {
	type tok struct {
		t    SeqTok
		star bool
	}
	var ts []tok
	pendingJoin := false
	for _, raw := range toks {
		joined := strings.HasPrefix(raw, "_")
		w := strings.TrimPrefix(raw, "_")
		switch w {
		case "(", ")", "{", "}":
			// A bracket passes its join on to the next token.
			pendingJoin = pendingJoin || joined
			continue
		}
		t := tok{t: SeqTok{Next: joined || pendingJoin}}
		pendingJoin = false
		switch w {
		case "*":
			t.star = true
		case "$", "+", "%", "^":
			t.t.Mark = w[0]
		default:
			t.t.Word = strings.ToLower(w)
		}
		ts = append(ts, t)
	}
	star := -1
	for i, t := range ts {
		if t.star {
			if star >= 0 {
				return nil, false
			}
			star = i
		}
	}
	if star < 0 {
		return nil, false
	}
	s := &Seq{}
	for i := star + 1; i < len(ts); i++ {
		s.After = append(s.After, ts[i].t)
	}
	// Before the verb, nearest first: a token is next to the one nearer
	// the verb when that one was joined to it.
	for i := star - 1; i >= 0; i-- {
		t := ts[i].t
		t.Next = ts[i+1].t.Next
		s.Before = append(s.Before, t)
	}
	return s, true
}
