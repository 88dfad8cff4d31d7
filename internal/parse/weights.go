package parse

import "dyad/internal/doc"

// moveTable holds the transition weights in an open-addressing table
// (linear probing, load at most 2/3) with the three weights inline in an
// 8-byte slot, so a feature costs one cache line at most. The slot keeps
// 16 bits of the key as a check: a feature the model lacks passes it by
// chance once in 65,536 probes and adds a stray weight.
type moveTable struct {
	slots []moveSlot
	mask  uint64
}

type moveSlot struct {
	check uint16 // key>>48 | 1; 0 marks an empty slot
	w     [nMoves]int16
}

func moveCheck(key uint64) uint16 { return uint16(key>>48) | 1 }

func slotCheck(key uint64) uint32 { return uint32(key>>32) | 1 }

func tableSize(n int) int {
	size := 16
	for size < n+n/2 {
		size *= 2
	}
	return size
}

func (t *moveTable) build(keys []uint64, rows [][]int16) {
	size := tableSize(len(keys))
	t.slots = make([]moveSlot, size)
	t.mask = uint64(size - 1)
	for k, key := range keys {
		i := key & t.mask
		for t.slots[i].check != 0 {
			i = (i + 1) & t.mask
		}
		s := moveSlot{check: moveCheck(key)}
		copy(s.w[:], rows[k])
		t.slots[i] = s
	}
}

// score adds the weights of feats to sc. It reads every feature's home
// slot before resolving any, so the processor overlaps their cache misses
// rather than waiting on each behind a mispredicted branch.
func (t *moveTable) score(feats []uint64, sc *[nMoves]int32) {
	var home [maxFeats]*moveSlot
	var chk [maxFeats]uint16
	feats = feats[:min(len(feats), maxFeats)]
	for k, key := range feats {
		home[k] = &t.slots[key&t.mask]
		chk[k] = home[k].check
	}
	for k, key := range feats {
		c := moveCheck(key)
		s := home[k]
		if chk[k] != c {
			if chk[k] == 0 {
				continue
			}
			s = nil
			for i := (key + 1) & t.mask; ; i = (i + 1) & t.mask {
				if t.slots[i].check == c {
					s = &t.slots[i]
					break
				}
				if t.slots[i].check == 0 {
					break
				}
			}
			if s == nil {
				continue
			}
		}
		sc[0] += int32(s.w[0])
		sc[1] += int32(s.w[1])
		sc[2] += int32(s.w[2])
	}
}

// maxFeats bounds the features of one score call.
const maxFeats = 96

// relTable holds the relation weights: slots point into rows of packed
// entries (relation << 16 | uint16(weight)), the first entry of a row
// its length.
type relTable struct {
	slots []relSlot
	rows  []uint32
	mask  uint64
}

type relSlot struct {
	check uint32
	off   uint32
}

func (t *relTable) build(keys []uint64, rows [][]int16) {
	size := tableSize(len(keys))
	t.slots = make([]relSlot, size)
	t.mask = uint64(size - 1)
	t.rows = t.rows[:0]
	for k, key := range keys {
		off := uint32(len(t.rows))
		t.rows = append(t.rows, 0)
		for r, w := range rows[k] {
			if w != 0 {
				t.rows = append(t.rows, uint32(r)<<16|uint32(uint16(w)))
			}
		}
		t.rows[off] = uint32(len(t.rows)) - off - 1
		i := key & t.mask
		for t.slots[i].check != 0 {
			i = (i + 1) & t.mask
		}
		t.slots[i] = relSlot{check: slotCheck(key), off: off}
	}
}

// score adds the weights of feats to sc, finding all rows before reading
// any (as moveTable.score).
func (t *relTable) score(feats []uint64, sc *[doc.NumRels]int32) {
	var offs [maxFeats]uint32
	var chk [maxFeats]uint32
	feats = feats[:min(len(feats), maxFeats)]
	for k, key := range feats {
		s := t.slots[key&t.mask]
		chk[k], offs[k] = s.check, s.off
	}
	n := 0
	for k, key := range feats {
		c := slotCheck(key)
		if chk[k] != c {
			if chk[k] == 0 {
				continue
			}
			found := false
			for i := (key + 1) & t.mask; ; i = (i + 1) & t.mask {
				if t.slots[i].check == c {
					offs[k], found = t.slots[i].off, true
					break
				}
				if t.slots[i].check == 0 {
					break
				}
			}
			if !found {
				continue
			}
		}
		offs[n] = offs[k]
		n++
	}
	var lens [maxFeats]uint32
	for k, off := range offs[:n] {
		lens[k] = t.rows[off]
	}
	for k, off := range offs[:n] {
		for _, e := range t.rows[off+1 : off+1+lens[k]] {
			if r := e >> 16; r < uint32(doc.NumRels) {
				sc[r] += int32(int16(e))
			}
		}
	}
}
