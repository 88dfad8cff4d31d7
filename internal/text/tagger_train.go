package text

import (
	"cmp"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"slices"
	"time"

	"dyad/internal/doc"
)

// TrainOptions control tagger training. The zero value gives the defaults.
type TrainOptions struct {
	Iterations int       // perceptron epochs per pass (default 10)
	Folds      int       // jackknife folds for the second pass's right tags (default 4)
	Seed       uint64    // shuffling seed (default 1): same data, same seed, same model
	MinCount   int       // features seen fewer times are dropped (default 1: keep all)
	Log        io.Writer // progress lines; nil for none
}

func (o *TrainOptions) defaults() {
	if o.Iterations <= 0 {
		o.Iterations = 10
	}
	if o.Folds <= 1 {
		o.Folds = 4
	}
	if o.Seed == 0 {
		o.Seed = 1
	}
	if o.MinCount <= 0 {
		o.MinCount = 1
	}
	if o.Log == nil {
		o.Log = io.Discard
	}
}

// Tag-dictionary thresholds: a word enters the dictionary when seen
// ambCount times; a tag enters its class at ambShare of its uses; a word is
// fixed (never scored) when seen fixedCount times with one tag fixedShare of
// the time.
const (
	ambCount   = 3
	ambShare   = 0.02
	fixedCount = 20
	fixedShare = 0.98
	allowCount = 10
)

// Train trains a two-pass tagger on gold-tagged sentences.
func Train(sents []TaggedSentence, opt TrainOptions) (*Model, error) {
	opt.defaults()
	if len(sents) == 0 {
		return nil, fmt.Errorf("text: no training sentences")
	}
	m := &Model{words: buildWordTable(sents)}
	// Word facts once per token.
	info := make([][]wordInfo, len(sents))
	for i, s := range sents {
		info[i] = make([]wordInfo, len(s.Words))
		for j, w := range s.Words {
			m.describe(w, j == 0, wordSpace(s.SpaceAfter, j), &info[i][j])
		}
		markAux(info[i])
	}
	start := time.Now()
	all := make([]int, len(sents))
	for i := range all {
		all[i] = i
	}

	// Right tags for the second pass come from first-pass models that did
	// not see the sentence (jackknifing), so the second pass learns how far
	// to trust them.
	right := make([][]doc.Tag, len(sents))
	for f := 0; f < opt.Folds; f++ {
		var train, held []int
		for _, i := range all {
			if i%opt.Folds == f {
				held = append(held, i)
			} else {
				train = append(train, i)
			}
		}
		p := trainPass(sents, info, nil, train, opt, fmt.Sprintf("fold %d/%d", f+1, opt.Folds))
		fold := NewTagger(&Model{words: m.words, w: mergePasses(p, nil)})
		for _, i := range held {
			right[i] = slices.Clone(fold.tagInfo(info[i], 1))
		}
	}
	p1 := trainPass(sents, info, nil, all, opt, "pass 1")
	p2 := trainPass(sents, info, right, all, opt, "pass 2")
	m.w = mergePasses(p1, p2)
	fmt.Fprintf(opt.Log, "trained on %d sentences in %s\n", len(sents), time.Since(start).Round(time.Millisecond))
	return m, nil
}

func buildWordTable(sents []TaggedSentence) map[uint64]wordEntry {
	counts := map[uint64]*[doc.NumTags]int{}
	var buf [maxWordBytes + 8]byte
	for _, s := range sents {
		for j, w := range s.Words {
			norm, _ := normalize(w, &buf)
			h := hashBytes(norm)
			c := counts[h]
			if c == nil {
				c = new([doc.NumTags]int)
				counts[h] = c
			}
			c[s.Tags[j]]++
		}
	}
	words := map[uint64]wordEntry{}
	for h, c := range counts {
		total, top, topTag := 0, 0, doc.NoTag
		for tg, n := range c {
			total += n
			if n > top {
				top, topTag = n, doc.Tag(tg)
			}
		}
		if total < ambCount {
			continue
		}
		var e wordEntry
		for tg, n := range c {
			if n > 0 && float64(n) >= ambShare*float64(total) {
				e.amb |= 1 << tg
			}
		}
		if total >= allowCount {
			for tg, n := range c {
				if n > 0 {
					e.allowed |= 1 << tg
				}
			}
		}
		if total >= fixedCount && float64(top) >= fixedShare*float64(total) {
			e.fixed = topTag
		}
		words[h] = e
	}
	return words
}

// passTrainer is one averaged perceptron over dense feature ids.
type passTrainer struct {
	ids   map[uint64]int32
	keys  []uint64
	w     []float32 // current weights, id*NumTags + tag
	u     []float64 // sum of c*delta, for averaging: avg = w - u/c
	c     float64   // update clock
	right bool
}

func trainPass(sents []TaggedSentence, info [][]wordInfo, right [][]doc.Tag, order []int, opt TrainOptions, name string) *passTrainer {
	p := &passTrainer{ids: map[uint64]int32{}, right: right != nil}
	// Count features with gold histories; keep the frequent ones.
	counts := map[uint64]int{}
	var feats []uint64
	for _, i := range order {
		var r []doc.Tag
		if right != nil {
			r = right[i]
		}
		for j := range info[i] {
			feats = staticFeatures(info[i], j, feats[:0])
			feats = historyFeatures(info[i], sents[i].Tags, r, j, feats)
			for _, f := range feats {
				if counts[f]++; counts[f] == opt.MinCount {
					p.ids[f] = int32(len(p.keys))
					p.keys = append(p.keys, f)
				}
			}
		}
	}
	const nt = int(doc.NumTags)
	p.w = make([]float32, len(p.keys)*nt)
	p.u = make([]float64, len(p.keys)*nt)

	rng := rand.New(rand.NewPCG(opt.Seed, 0x5eed))
	order = slices.Clone(order)
	pred := make([]doc.Tag, 0, 256)
	ids := make([]int32, 0, 64)
	for it := 0; it < opt.Iterations; it++ {
		rng.Shuffle(len(order), func(a, b int) { order[a], order[b] = order[b], order[a] })
		correct, total := 0, 0
		for _, i := range order {
			s := &sents[i]
			var r []doc.Tag
			if right != nil {
				r = right[i]
			}
			pred = pred[:0]
			for j := range info[i] {
				pred = append(pred, 0)
				total++
				if f := info[i][j].fixed; f != doc.NoTag {
					pred[j] = f
					if f == s.Tags[j] {
						correct++
					}
					continue
				}
				feats = staticFeatures(info[i], j, feats[:0])
				feats = historyFeatures(info[i], pred, r, j, feats)
				ids = ids[:0]
				for _, f := range feats {
					if id, ok := p.ids[f]; ok {
						ids = append(ids, id)
					}
				}
				var scores [doc.NumTags]float32
				for _, id := range ids {
					row := p.w[int(id)*nt : int(id)*nt+nt]
					for tg := 1; tg < nt; tg++ {
						scores[tg] += row[tg]
					}
				}
				guess, _ := best(&scores, info[i][j].allowed)
				p.c++
				if guess != s.Tags[j] {
					for _, id := range ids {
						p.update(int(id)*nt+int(s.Tags[j]), 1)
						p.update(int(id)*nt+int(guess), -1)
					}
				} else {
					correct++
				}
				pred[j] = guess
			}
		}
		fmt.Fprintf(opt.Log, "%s: epoch %d: %.2f%% on training data, %d features\n", name, it+1, 100*float64(correct)/float64(total), len(p.keys))
	}
	return p
}

func (p *passTrainer) update(k int, d float32) {
	p.w[k] += d
	p.u[k] += p.c * float64(d)
}

// pruneEps drops averaged weights smaller than this share of the pass's
// largest weight from the model.
const pruneEps = 1e-3

// mergePasses averages the weights of the passes, quantises them to 16 bits
// (each pass with its own scale: only the order of scores within a pass
// matters) and returns them as one lookup table.
func mergePasses(passes ...*passTrainer) weights {
	const nt = int(doc.NumTags)
	feats := map[uint64][]uint32{}
	for pi, p := range passes {
		if p == nil {
			continue
		}
		avg := make([]float64, len(p.w))
		maxAbs := 0.0
		for k := range p.w {
			avg[k] = float64(p.w[k]) - p.u[k]/math.Max(p.c, 1)
			maxAbs = math.Max(maxAbs, math.Abs(avg[k]))
		}
		if maxAbs == 0 {
			continue
		}
		scale := 32767 / maxAbs
		for id, key := range p.keys {
			for tg := 1; tg < nt; tg++ {
				q := math.Round(avg[id*nt+tg] * scale)
				if q != 0 && math.Abs(avg[id*nt+tg]) >= pruneEps*maxAbs {
					feats[key] = append(feats[key], packEntry(pi*nt+tg, int16(q)))
				}
			}
		}
	}
	var ws weights
	ws.build(feats)
	return ws
}

func sortedKeys[K cmp.Ordered, V any](m map[K]V) []K {
	keys := make([]K, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
