package parse

import "dyad/internal/doc"

// The transitions of the arc-hybrid system (Kuhlmann, Gómez-Rodríguez and
// Satta 2011): SHIFT pushes the front of the buffer onto the stack; LEFT
// makes the front of the buffer the head of the stack's top and pops it;
// RIGHT makes the second item of the stack the head of the top and pops
// it. A token gets its head when it is popped, so by then all its
// dependents are known: the labeller reads them.
const (
	shift = iota
	left
	right
	nMoves
)

// state is a parser configuration over one sentence. Positions are 1..n
// for the tokens, 0 for the root, n+1 for "no token" (a sentinel whose
// features read as absent). All slices are reused between sentences.
type state struct {
	n     int32
	word  []uint64  // normalised word hash per position
	suf   []uint64  // its last three bytes, hashed with its shape
	tag   []doc.Tag // tag per position (root and none get tags of their own)
	head  []int32
	rel   []doc.Rel
	lc1   []int32 // leftmost child
	lc2   []int32 // second leftmost
	rc1   []int32 // rightmost child
	rc2   []int32 // second rightmost
	nl    []uint8 // number of left children
	nr    []uint8 // number of right children
	ls    []uint64
	rs    []uint64 // sets of the relations of left and right children
	casew []uint64 // word of the first case or mark child (0: none)
	stack []int32
	b     int32 // front of the buffer; n+1 when empty
}

// Tags of the root and of the absent token, beyond the Penn tags.
const (
	tagRoot = doc.NumTags
	tagNone = doc.NumTags + 1
)

// reset prepares s for a sentence of n tokens; the caller fills word[1..n]
// and tag[1..n].
func (s *state) reset(n int) {
	m := n + 2
	if cap(s.word) < m {
		c := m + m/2
		s.word = make([]uint64, m, c)
		s.suf = make([]uint64, m, c)
		s.tag = make([]doc.Tag, m, c)
		s.head = make([]int32, m, c)
		s.rel = make([]doc.Rel, m, c)
		s.lc1 = make([]int32, m, c)
		s.lc2 = make([]int32, m, c)
		s.rc1 = make([]int32, m, c)
		s.rc2 = make([]int32, m, c)
		s.nl = make([]uint8, m, c)
		s.nr = make([]uint8, m, c)
		s.ls = make([]uint64, m, c)
		s.rs = make([]uint64, m, c)
		s.casew = make([]uint64, m, c)
		s.stack = make([]int32, 0, c)
	}
	s.word, s.suf, s.tag, s.head, s.rel = s.word[:m], s.suf[:m], s.tag[:m], s.head[:m], s.rel[:m]
	s.lc1, s.lc2, s.rc1, s.rc2 = s.lc1[:m], s.lc2[:m], s.rc1[:m], s.rc2[:m]
	s.nl, s.nr, s.ls, s.rs, s.casew = s.nl[:m], s.nr[:m], s.ls[:m], s.rs[:m], s.casew[:m]
	none := int32(n + 1)
	s.n = int32(n)
	for i := range m {
		s.head[i] = -1
		s.rel[i] = doc.NoRel
		s.lc1[i], s.lc2[i], s.rc1[i], s.rc2[i] = none, none, none, none
		s.nl[i], s.nr[i], s.ls[i], s.rs[i], s.casew[i] = 0, 0, 0, 0, 0
	}
	s.word[0], s.suf[0], s.tag[0] = wordRoot, wordRoot, tagRoot
	s.word[none], s.suf[none], s.tag[none] = wordNone, wordNone, tagNone
	s.stack = append(s.stack[:0], 0)
	s.b = 1
}

// set fills position i (1-based) with word w tagged tg.
func (s *state) set(i int, w string, tg doc.Tag) {
	s.word[i], s.suf[i] = wordHash(w)
	s.tag[i] = tg
}

// Word hashes of the root and of the absent token.
const (
	wordRoot = 0x9e3779b97f4a7c15
	wordNone = 0xbf58476d1ce4e5b9
)

func (s *state) none() int32 { return s.n + 1 }

func (s *state) terminal() bool { return s.b > s.n && len(s.stack) == 1 }

// valid returns the moves allowed now as a bit set. RIGHT onto the root
// waits until the buffer is empty, so exactly one token attaches to the
// root.
func (s *state) valid() uint8 {
	var v uint8
	k := len(s.stack)
	if s.b <= s.n {
		v |= 1 << shift
		if k >= 1 && s.stack[k-1] != 0 {
			v |= 1 << left
		}
	}
	if k >= 2 && (s.stack[k-2] != 0 || s.b > s.n) {
		v |= 1 << right
	}
	return v
}

// arc returns the head and dependent of move m (an arc move).
func (s *state) arc(m int) (h, d int32) {
	k := len(s.stack)
	d = s.stack[k-1]
	if m == left {
		return s.b, d
	}
	return s.stack[k-2], d
}

// apply makes move m; r is the relation of the arc it adds.
func (s *state) apply(m int, r doc.Rel) {
	if m == shift {
		s.stack = append(s.stack, s.b)
		s.b++
		return
	}
	h, d := s.arc(m)
	s.stack = s.stack[:len(s.stack)-1]
	s.addArc(h, d, r)
}

func (s *state) addArc(h, d int32, r doc.Rel) {
	s.head[d], s.rel[d] = h, r
	none := s.none()
	if d < h {
		if s.lc1[h] == none || d < s.lc1[h] {
			s.lc2[h], s.lc1[h] = s.lc1[h], d
		} else if s.lc2[h] == none || d < s.lc2[h] {
			s.lc2[h] = d
		}
		if s.nl[h] < 255 {
			s.nl[h]++
		}
		s.ls[h] |= 1 << r
	} else {
		if s.rc1[h] == none || d > s.rc1[h] {
			s.rc2[h], s.rc1[h] = s.rc1[h], d
		} else if s.rc2[h] == none || d > s.rc2[h] {
			s.rc2[h] = d
		}
		if s.nr[h] < 255 {
			s.nr[h]++
		}
		s.rs[h] |= 1 << r
	}
	if (r == doc.RelCase || r == doc.RelMark) && s.casew[h] == 0 {
		s.casew[h] = s.word[d]
	}
}

// top returns the i-th item of the stack from the top (0: s0), or none.
func (s *state) top(i int) int32 {
	k := len(s.stack) - 1 - i
	if k < 0 {
		return s.none()
	}
	return s.stack[k]
}

// buf returns the i-th item of the buffer (0: b0), or none.
func (s *state) buf(i int32) int32 {
	if s.b+i > s.n {
		return s.none()
	}
	return s.b + i
}
