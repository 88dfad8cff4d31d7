package parse

import (
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"slices"
	"time"

	"dyad/internal/doc"
	"dyad/internal/learn"
)

// Sentence is one training or evaluation sentence: words, their tags
// (predicted ones for training, so the parser learns from tags as noisy as
// at run time), and the gold tree: Heads[i] is 0 for the root or j for
// word j-1, Rels[i] the relation.
type Sentence struct {
	Words []string
	Tags  []doc.Tag
	Heads []int32
	Rels  []doc.Rel
}

// TrainOptions control training. The zero value gives the defaults.
type TrainOptions struct {
	Iterations int       // epochs (default 15)
	Seed       uint64    // shuffling and exploration seed (default 1)
	Explore    float64   // chance of following a wrong move after the first epoch (default 0.9)
	Prune      float64   // drop averaged weights below this share of the largest (default 1e-3)
	MinUpdates int       // drop features updated fewer times (default 1: keep all)
	Log        io.Writer // progress lines; nil for none
}

func (o *TrainOptions) defaults() {
	if o.Iterations <= 0 {
		o.Iterations = 15
	}
	if o.Seed == 0 {
		o.Seed = 1
	}
	if o.Explore == 0 {
		o.Explore = 0.9
	}
	if o.Prune == 0 {
		o.Prune = 1e-3
	}
	if o.MinUpdates <= 0 {
		o.MinUpdates = 1
	}
	if o.Log == nil {
		o.Log = io.Discard
	}
}

// Train trains a parser on projective gold trees (Projectivize first;
// a non-projective tree trains, but its crossing arcs cannot all be made)
// with the dynamic oracle of the arc-hybrid system (Goldberg and Nivre
// 2013): after the first epoch, the trainer follows its own wrong moves
// most of the time and learns the best moves from the states they lead to.
// The same sentences, options and seed give the same model, byte for byte.
func Train(sents []Sentence, opt TrainOptions) (*Model, error) {
	opt.defaults()
	if len(sents) == 0 {
		return nil, errors.New("parse: no training sentences")
	}
	moves := learn.NewPerceptron(nMoves)
	rels := learn.NewPerceptron(int(doc.NumRels))
	rng := rand.New(rand.NewPCG(opt.Seed, 0x9a75e))
	// A sentence whose heads are not a tree (a malformed treebank line)
	// would have no oracle: it is skipped.
	var order []int
	for i, t := range sents {
		if ValidTree(t.Heads) && len(t.Tags) == len(t.Words) && len(t.Rels) == len(t.Words) {
			order = append(order, i)
		}
	}
	if skipped := len(sents) - len(order); skipped > 0 {
		fmt.Fprintf(opt.Log, "skipped %d sentences whose heads are not a tree\n", skipped)
	}
	if len(order) == 0 {
		return nil, errors.New("parse: no training sentence is a tree")
	}
	var s state
	var mf [nMoveFeats]uint64
	var rf [nRelFeats]uint64
	gh := make([]int32, 0, 256)
	start := time.Now()
	for it := range opt.Iterations {
		rng.Shuffle(len(order), func(a, b int) { order[a], order[b] = order[b], order[a] })
		correct, total, relOK := 0, 0, 0
		for _, si := range order {
			t := &sents[si]
			n := len(t.Words)
			s.reset(n)
			gh = append(gh[:0], -1)
			for i := range n {
				s.set(i+1, t.Words[i], t.Tags[i])
				gh = append(gh, t.Heads[i])
			}
			gh = append(gh, -1)
			for !s.terminal() {
				v := s.valid()
				cost := s.costs(gh, v)
				m := onlyMove(v)
				if m < 0 {
					s.moveFeatures(&mf)
					var sc [nMoves]int64
					moves.Score(mf[:], sc[:])
					pred := bestMove(sc[:], v)
					minCost := 1 << 30
					for mv := range nMoves {
						if v&(1<<mv) != 0 {
							minCost = min(minCost, cost[mv])
						}
					}
					gold := -1
					for mv := range nMoves {
						if v&(1<<mv) != 0 && cost[mv] == minCost && (gold < 0 || sc[mv] > sc[gold]) {
							gold = mv
						}
					}
					moves.Tick()
					m = pred
					if cost[pred] > minCost {
						moves.Update(mf[:], gold, pred)
						if it == 0 || rng.Float64() >= opt.Explore {
							m = gold
						}
					}
				}
				r := doc.NoRel
				if m != shift {
					h, d := s.arc(m)
					total++
					if h == gh[d] {
						correct++
					}
					r = doc.RelRoot
					if h != 0 && isPunct(s.tag[d]) {
						r = doc.RelPunct
					} else if h != 0 {
						s.relFeatures(h, d, &rf)
						var sc [doc.NumRels]int64
						rels.Score(rf[:], sc[:])
						pr := bestRel(sc[:])
						g := t.Rels[d-1]
						rels.Tick()
						r = pr
						if g != doc.RelRoot {
							if pr != g {
								rels.Update(rf[:], int(g), int(pr))
								// Like moves, a wrong relation is kept
								// after the first epoch, so later
								// features see relations as at run time.
								if it == 0 || rng.Float64() >= opt.Explore {
									r = g
								}
							} else {
								relOK++
							}
						}
					}
				}
				s.apply(m, r)
			}
		}
		fmt.Fprintf(opt.Log, "epoch %d: heads %.2f%%, relations %.2f%% on training data; %d move and %d relation features; %s\n",
			it+1, 100*float64(correct)/float64(max(total, 1)), 100*float64(relOK)/float64(max(total, 1)),
			moves.Features(), rels.Features(), time.Since(start).Round(time.Second))
	}
	m := &Model{}
	m.moveKeys, m.moveRows, m.moveUpdates = moves.Quantised(opt.Prune)
	m.relKeys, m.relRows, m.relUpdates = rels.Quantised(opt.Prune)
	m = m.Pruned(opt.MinUpdates)
	fmt.Fprintf(opt.Log, "kept %d move and %d relation features\n", len(m.moveKeys), len(m.relKeys))
	return m, nil
}

// Pruned returns a model made by Train without the features that took
// fewer than minUpdates perceptron updates in training (the rare
// features: most of them, and little of the accuracy).
func (m *Model) Pruned(minUpdates int) *Model {
	out := &Model{}
	for i, k := range m.moveKeys {
		if int(m.moveUpdates[i]) >= minUpdates {
			out.moveKeys = append(out.moveKeys, k)
			out.moveRows = append(out.moveRows, m.moveRows[i])
			out.moveUpdates = append(out.moveUpdates, m.moveUpdates[i])
		}
	}
	for i, k := range m.relKeys {
		if int(m.relUpdates[i]) >= minUpdates {
			out.relKeys = append(out.relKeys, k)
			out.relRows = append(out.relRows, m.relRows[i])
			out.relUpdates = append(out.relUpdates, m.relUpdates[i])
		}
	}
	out.moves.build(out.moveKeys, out.moveRows)
	out.rels.build(out.relKeys, out.relRows)
	return out
}

// costs returns, for each valid move, how many gold arcs it makes
// unreachable (the arc-hybrid dynamic oracle, exact for projective trees).
// gh holds the gold head of each position (1-based; 0 the root).
func (s *state) costs(gh []int32, v uint8) [nMoves]int {
	var c [nMoves]int
	k := len(s.stack)
	b, n := s.b, s.n
	var s0, s1 int32 = -1, -1
	if k >= 1 {
		s0 = s.stack[k-1]
	}
	if k >= 2 {
		s1 = s.stack[k-2]
	}
	if v&(1<<left|1<<right) != 0 {
		deps := 0 // gold dependents of s0 still in the buffer
		for j := b; j <= n; j++ {
			if gh[j] == s0 {
				deps++
			}
		}
		h := gh[s0]
		c[left] = deps
		if h != b && (h == s1 || h > b) {
			c[left]++
		}
		c[right] = deps
		if h >= b {
			c[right]++
		}
	}
	if v&(1<<shift) != 0 {
		for _, x := range s.stack {
			if x != s0 && gh[b] == x {
				c[shift]++
			}
			if gh[x] == b {
				c[shift]++
			}
		}
	}
	return c
}

// Clone returns a copy of sents with fresh slices, for callers that change
// trees in place.
func Clone(sents []Sentence) []Sentence {
	out := make([]Sentence, len(sents))
	for i, t := range sents {
		out[i] = Sentence{Words: t.Words, Tags: slices.Clone(t.Tags), Heads: slices.Clone(t.Heads), Rels: slices.Clone(t.Rels)}
	}
	return out
}
