package learn

import (
	"math"
	"slices"
)

// Perceptron is a multi-class averaged perceptron over hashed features,
// with integer weights so training is exact and reproducible. A feature
// gets a row of weights the first time an update touches it; features
// that never took part in a mistake cost nothing.
type Perceptron struct {
	classes int
	ids     map[uint64]int32
	keys    []uint64
	w       []int32  // current weights, id*classes + class
	u       []int64  // sum of clock*delta, for averaging: avg = w - u/clock
	n       []uint32 // updates per feature
	clock   int64
}

// NewPerceptron returns a perceptron over the given number of classes.
func NewPerceptron(classes int) *Perceptron {
	return &Perceptron{classes: classes, ids: map[uint64]int32{}}
}

// Features returns the number of features with weights.
func (p *Perceptron) Features() int { return len(p.keys) }

// Score adds the current weights of feats to scores (len = classes).
func (p *Perceptron) Score(feats []uint64, scores []int64) {
	for _, f := range feats {
		id, ok := p.ids[f]
		if !ok {
			continue
		}
		row := p.w[int(id)*p.classes:][:p.classes]
		for c, v := range row {
			scores[c] += int64(v)
		}
	}
}

// Tick advances the averaging clock by one example.
func (p *Perceptron) Tick() { p.clock++ }

// Update moves the weights of feats towards class good and away from bad.
func (p *Perceptron) Update(feats []uint64, good, bad int) {
	for _, f := range feats {
		id, ok := p.ids[f]
		if !ok {
			id = int32(len(p.keys))
			p.ids[f] = id
			p.keys = append(p.keys, f)
			p.w = append(p.w, make([]int32, p.classes)...)
			p.u = append(p.u, make([]int64, p.classes)...)
			p.n = append(p.n, 0)
		}
		p.n[id]++
		k := int(id) * p.classes
		p.w[k+good]++
		p.u[k+good] += p.clock
		p.w[k+bad]--
		p.u[k+bad] -= p.clock
	}
}

// Quantised returns the averaged weights scaled to 16 bits (the largest
// magnitude maps to 32767), per feature key in ascending key order, with
// the number of updates each feature took. Weights smaller than prune
// times the largest are zero; features left with no weight are dropped.
func (p *Perceptron) Quantised(prune float64) (keys []uint64, rows [][]int16, updates []uint32) {
	avg := make([]float64, len(p.w))
	maxAbs := 0.0
	c := float64(max(p.clock, 1))
	for k := range p.w {
		avg[k] = float64(p.w[k]) - float64(p.u[k])/c
		maxAbs = math.Max(maxAbs, math.Abs(avg[k]))
	}
	if maxAbs == 0 {
		return nil, nil, nil
	}
	scale := 32767 / maxAbs
	order := slices.Clone(p.keys)
	slices.Sort(order)
	for _, key := range order {
		id := int(p.ids[key])
		row := make([]int16, p.classes)
		nz := false
		for cl := range row {
			a := avg[id*p.classes+cl]
			if math.Abs(a) < prune*maxAbs {
				continue
			}
			row[cl] = int16(math.Round(a * scale))
			nz = nz || row[cl] != 0
		}
		if nz {
			keys = append(keys, key)
			rows = append(rows, row)
			updates = append(updates, p.n[id])
		}
	}
	return keys, rows, updates
}
