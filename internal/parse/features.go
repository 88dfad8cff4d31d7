package parse

import "dyad/internal/doc"

// Features are 64-bit hashes of a template number and the facts it reads
// (word hashes, tags, relations, distances, valencies), after Zhang and
// Nivre (2011), "Transition-based dependency parsing with rich non-local
// features", adapted to the arc-hybrid system: words and tags of s0, s1,
// s2, b0, b1, b2; pairs and triples of them; the leftmost and rightmost
// children of s0, s1 and b0 and their relations; distance; valency; the
// sets of relations of a token's children.

const (
	k1 = 0x9e3779b97f4a7c15
	k2 = 0xc2b2ae3d27d4eb4f
	k3 = 0x165667b19e3779f9
)

func mix(h uint64) uint64 {
	h ^= h >> 33
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	h *= 0xc4ceb9fe1a85ec53
	h ^= h >> 33
	return h
}

// The feature hashes: one multiplication per fact, then the high bits
// folded into the low ones that index the weight table. (A full mix per
// fact cost 3 multiplications each and showed in the profile.)
const k0 = 0xd6e8feb86659fd93

func fin(x uint64) uint64 { return x ^ x>>29 }

func h1(t int, a uint64) uint64    { return fin((uint64(t)*k0 ^ a) * k1) }
func h2(t int, a, b uint64) uint64 { return fin(((uint64(t)*k0^a)*k1 ^ b) * k2) }
func h3(t int, a, b, c uint64) uint64 {
	return fin((((uint64(t)*k0^a)*k1^b)*k2 ^ c) * k3)
}

// dist buckets a distance between two positions.
func dist(a, b int32) uint64 {
	d := b - a
	if d < 0 {
		d = -d
	}
	switch {
	case d <= 4:
		return uint64(d)
	case d <= 6:
		return 5
	case d <= 10:
		return 6
	}
	return 7
}

// nMoveFeats is the number of features of a transition.
const nMoveFeats = 82

// moveFeatures fills f with the features of the current configuration.
func (s *state) moveFeatures(f *[nMoveFeats]uint64) {
	s0, s1, s2 := s.top(0), s.top(1), s.top(2)
	b0, b1, b2 := s.buf(0), s.buf(1), s.buf(2)
	w, t := s.word, s.tag
	s0w, s0p := w[s0], uint64(t[s0])
	s1w, s1p := w[s1], uint64(t[s1])
	b0w, b0p := w[b0], uint64(t[b0])
	b1w, b1p := w[b1], uint64(t[b1])
	b2w, b2p := w[b2], uint64(t[b2])
	s2p := uint64(t[s2])
	s0l, s0r, b0l := s.lc1[s0], s.rc1[s0], s.lc1[b0]
	s0l2, s0r2, b0l2 := s.lc2[s0], s.rc2[s0], s.lc2[b0]
	s1l, s1r := s.lc1[s1], s.rc1[s1]
	s0lp, s0rp, b0lp := uint64(t[s0l]), uint64(t[s0r]), uint64(t[b0l])
	s1rp := uint64(t[s1r])
	s0wp, s1wp, b0wp := h1(0, s0w)^s0p, h1(0, s1w)^s1p, h1(0, b0w)^b0p
	d1, d2 := dist(s0, b0), dist(s1, s0)
	if b0 == s.none() {
		d1 = 8
	}
	if s1 == s.none() {
		d2 = 8
	}
	i := 0
	put := func(h uint64) { f[i] = h; i++ }
	// Single tokens.
	put(h1(1, s0w))
	put(h1(2, s0p))
	put(h1(3, s0wp))
	put(h1(4, s1w))
	put(h1(5, s1p))
	put(h1(6, s1wp))
	put(h1(7, b0w))
	put(h1(8, b0p))
	put(h1(9, b0wp))
	put(h1(10, b1w))
	put(h1(11, b1p))
	put(h2(12, b1w, b1p))
	put(h1(13, b2w))
	put(h1(14, b2p))
	put(h1(15, s2p))
	put(h1(16, w[s2]))
	// Pairs.
	put(h2(17, s0wp, b0wp))
	put(h2(18, s0wp, b0w))
	put(h2(19, s0w, b0wp))
	put(h2(20, s0wp, b0p))
	put(h2(21, s0p, b0wp))
	put(h2(22, s0w, b0w))
	put(h2(23, s0p, b0p))
	put(h2(24, b0p, b1p))
	put(h2(25, s1wp, s0wp))
	put(h2(26, s1w, s0w))
	put(h2(27, s1p, s0p))
	put(h2(28, s1p, s0wp))
	put(h2(29, s1wp, s0p))
	put(h2(30, s1p, b0p))
	put(h2(31, s1w, b0w))
	put(h2(32, b0w, b1w))
	put(h2(33, b0wp, b1p))
	// Triples of tags.
	put(h3(34, b0p, b1p, b2p))
	put(h3(35, s0p, b0p, b1p))
	put(h3(36, s1p, s0p, b0p))
	put(h3(37, s2p, s1p, s0p))
	put(h3(38, s0p, s0lp, b0p))
	put(h3(39, s0p, s0rp, b0p))
	put(h3(40, s0p, b0p, b0lp))
	put(h3(41, s1p, s0p, s0rp))
	put(h3(42, s1p, s1rp, s0p))
	put(h3(43, s1p, s0p, s0lp))
	put(h3(44, s1p, s0p, b1p))
	// Distance.
	put(h2(45, s0w, d1))
	put(h2(46, s0p, d1))
	put(h2(47, b0w, d1))
	put(h2(48, b0p, d1))
	put(h3(49, s0w, b0w, d1))
	put(h3(50, s0p, b0p, d1))
	put(h3(51, s1p, s0p, d2))
	put(h3(52, s1w, s0w, d2))
	// Valency.
	put(h2(53, s0w, uint64(s.nr[s0])))
	put(h2(54, s0p, uint64(s.nr[s0])))
	put(h2(55, s0w, uint64(s.nl[s0])))
	put(h2(56, s0p, uint64(s.nl[s0])))
	put(h2(57, b0w, uint64(s.nl[b0])))
	put(h2(58, b0p, uint64(s.nl[b0])))
	put(h2(59, s1p, uint64(s.nr[s1])))
	// Children.
	put(h2(60, w[s0l], uint64(s.rel[s0l])))
	put(h3(61, s0p, s0lp, uint64(s.rel[s0l])))
	put(h2(62, w[s0r], uint64(s.rel[s0r])))
	put(h3(63, s0p, s0rp, uint64(s.rel[s0r])))
	put(h2(64, w[b0l], uint64(s.rel[b0l])))
	put(h3(65, b0p, b0lp, uint64(s.rel[b0l])))
	put(h3(66, s1p, s1rp, uint64(s.rel[s1r])))
	put(h3(67, s1p, uint64(t[s1l]), uint64(s.rel[s1l])))
	// Second children (third order).
	put(h3(68, s0p, s0lp, uint64(t[s0l2])))
	put(h3(69, s0p, s0rp, uint64(t[s0r2])))
	put(h3(70, b0p, b0lp, uint64(t[b0l2])))
	put(h3(71, s0p, uint64(s.rel[s0l]), uint64(s.rel[s0l2])))
	// Sets of the children's relations.
	put(h2(72, s0wp, s.rs[s0]))
	put(h2(73, s0p, s.ls[s0]))
	put(h2(74, b0p, s.ls[b0]))
	put(h3(75, s1p, s.rs[s1], s0p))
	put(h2(76, b0wp, s.ls[b0]))
	// Unknown words: suffix and shape; punctuation between s0 and b0.
	put(h2(77, s.suf[s0], s0p))
	put(h2(78, s.suf[b0], b0p))
	put(h3(79, s.suf[s0], s.suf[b0], s0p))
	put(h2(80, s.suf[b1], b1p))
	put(h3(81, s0p, b0p, s.punctBetween(s0, b0)))
	put(h3(82, s1p, s0p, s.punctBetween(s1, s0)))
	_ = i
}

// punctBetween returns 0, 1 or 2 for no, one, or more commas, colons
// and dashes strictly between positions a < b (capped scan).
func (s *state) punctBetween(a, b int32) uint64 {
	if a >= b || b > s.n {
		return 3
	}
	n := uint64(0)
	for k := a + 1; k < b && k < a+20; k++ {
		if t := s.tag[k]; t == doc.Comma || t == doc.Colon {
			if n++; n == 2 {
				break
			}
		}
	}
	return n
}

// nRelFeats is the number of features of a relation.
const nRelFeats = 33

// relFeatures fills f with the features for labelling the arc h -> d.
// The dependent has all its children when it gets its head.
func (s *state) relFeatures(h, d int32, f *[nRelFeats]uint64) {
	w, t := s.word, s.tag
	dw, dp, hw, hp := w[d], uint64(t[d]), w[h], uint64(t[h])
	dir := uint64(0)
	if d < h {
		dir = 1
	}
	dd := dist(h, d)<<1 | dir
	dwp, hwp := h1(0, dw)^dp, h1(0, hw)^hp
	dl, dr := s.lc1[d], s.rc1[d]
	pp := uint64(t[d-1])
	np := uint64(tagNone)
	if d < s.n {
		np = uint64(t[d+1])
	}
	i := 0
	put := func(x uint64) { f[i] = x; i++ }
	put(h1(101, dw))
	put(h1(102, dp))
	put(h1(103, dwp))
	put(h1(104, hw))
	put(h1(105, hp))
	put(h1(106, hwp))
	put(h3(107, dp, hp, dir))
	put(h3(108, dw, hp, dir))
	put(h3(109, dp, hw, dir))
	put(h3(110, dw, hw, dir))
	put(h3(111, dp, hp, dd))
	put(h2(112, dp, s.ls[d]))
	put(h2(113, dp, s.rs[d]))
	put(h3(114, dp, hp, s.ls[d]))
	put(h3(115, w[dl], dp, hp))
	put(h3(116, uint64(t[dl]), dp, uint64(s.rel[dl])))
	put(h3(117, uint64(t[dr]), dp, uint64(s.rel[dr])))
	put(h3(118, s.casew[d], hp, dir))
	put(h2(119, s.casew[d], dp))
	put(h3(120, s.casew[d], hw, dp))
	put(h3(121, hp, dir, s.ls[h]|s.rs[h]))
	put(h3(122, dp, dir, s.ls[h]))
	put(h3(123, dp, pp, np))
	put(h3(124, dp, hp, uint64(t[h-1+2*int32(dir)])))
	put(h3(125, dwp, hp, dd))
	put(h2(126, dp, uint64(s.nl[d])<<8|uint64(s.nr[d])))
	put(h3(127, dw, hwp, dir))
	put(h3(128, s.casew[d], dwp, hp))
	put(h2(129, s.suf[d], dp))
	put(h3(130, s.suf[d], hp, dir))
	put(h3(131, dp, hp, s.punctBetween(min(h, d), max(h, d))<<1|dir))
	put(h3(132, dwp, s.casew[h], hp))
	put(h3(133, dp, hp, uint64(s.rel[s.lc1[h]])))
	_ = i
}
