package parse

import (
	"os"
	"path/filepath"
	"testing"

	"dyad/internal/doc"
	"dyad/internal/text"
)

const treebankDir = "../../../shared/treebank"

func readTreebank(t testing.TB, name string) []text.TaggedSentence {
	t.Helper()
	p := filepath.Join(treebankDir, name)
	f, err := os.Open(p)
	if err != nil {
		t.Skipf("treebank not present (%v): skipping", err)
	}
	defer f.Close()
	tb, err := text.ReadCoNLLU(f, p)
	if err != nil {
		t.Fatal(err)
	}
	return tb
}

// followOracle parses a sentence by always taking a zero-cost move and
// returns the heads it built, or false when some state had no zero-cost
// move.
func followOracle(t Sentence) ([]int32, bool) {
	var s state
	n := len(t.Words)
	s.reset(n)
	gh := []int32{-1}
	for i := range n {
		s.set(i+1, t.Words[i], t.Tags[i])
		gh = append(gh, t.Heads[i])
	}
	gh = append(gh, -1)
	for !s.terminal() {
		v := s.valid()
		c := s.costs(gh, v)
		m := -1
		for mv := range nMoves {
			if v&(1<<mv) != 0 && c[mv] == 0 {
				m = mv
				break
			}
		}
		if m < 0 {
			return nil, false
		}
		s.apply(m, doc.RelDep)
	}
	return s.head[1 : n+1], true
}

// The dynamic oracle is exact on projective trees: following zero-cost
// moves rebuilds the gold tree.
func TestOracleRebuildsProjectiveTrees(t *testing.T) {
	tb := readTreebank(t, "gum/court.conllu")
	sents := FromTreebank(tb)
	ns, na := Projectivize(sents)
	t.Logf("%d sentences, %d lifted (%d arcs)", len(sents), ns, na)
	for i, st := range sents {
		if !ValidTree(st.Heads) {
			t.Fatalf("sentence %d: not a tree after Projectivize", i)
		}
		if nonProjective(st.Heads) != 0 {
			t.Fatalf("sentence %d: still non-projective", i)
		}
		got, ok := followOracle(st)
		if !ok {
			t.Fatalf("sentence %d: a state without a zero-cost move", i)
		}
		for k := range got {
			if got[k] != st.Heads[k] {
				t.Fatalf("sentence %d word %d: head %d; want %d", i, k+1, got[k], st.Heads[k])
			}
		}
	}
}
