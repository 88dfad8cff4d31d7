package text

import (
	"dyad/internal/doc"
)

// Model is a trained two-pass averaged-perceptron tagger. It is read-only
// after loading and safe to share between goroutines; each goroutine tags
// through its own Tagger.
//
// The first pass tags left to right from word features and the tags already
// chosen; the second pass tags again with the first pass's tags to the
// right as extra features. Frequent unambiguous words skip scoring.
type Model struct {
	words map[uint64]wordEntry // tag dictionary, by normalised-word hash
	w     weights
}

type wordEntry struct {
	amb uint64 // bit i set when tag i was seen with the word
	// allowed is, for a word seen allowCount times, every tag it was seen
	// with: the only tags it may take (0: any).
	allowed uint64
	fixed   doc.Tag // the word's tag when it is frequent and unambiguous
}

// nScores is the length of a score vector: the tags of both passes, the
// second pass's tag t at index NumTags+t.
const nScores = 2 * int(doc.NumTags)

// weights maps feature hashes to sparse rows of quantised weights, for
// both passes at once, in an open-addressing table (linear probing, load
// at most 2/3). One row serves both passes, so a word feature costs one
// lookup per token rather than one per pass.
//
// Layout, for the cache: tagging is bound by memory latency on the rare
// features (measured: 60% of tagging time in the lookup and the first read
// of the row, with 16-byte slots in a 16 MB table). A slot is 8 bytes
// (the key's high 32 bits as a check, and the row offset); a row is its
// length followed by its entries, so a lookup touches two cache lines.
type weights struct {
	slots []slot
	rows  []uint32 // per row: n, then n × (score index << 16 | uint16(int16 weight))
	mask  uint64
	// keys and offs list the features and their row offsets in build
	// order, for writing the model; tagging does not read them.
	keys []uint64
	offs []uint32
}

type slot struct {
	check uint32 // key >> 32, never 0 in a used slot
	off   uint32
}

func slotCheck(key uint64) uint32 { return uint32(key>>32) | 1 }

// find returns the row offset of key, or -1.
func (ws *weights) find(key uint64) int {
	c := slotCheck(key)
	for i := key & ws.mask; ; i = (i + 1) & ws.mask {
		s := ws.slots[i]
		if s.check == c {
			return int(s.off)
		}
		if s.check == 0 {
			return -1
		}
	}
}

func (ws *weights) row(key uint64) []uint32 {
	off := ws.find(key)
	if off < 0 {
		return nil
	}
	n := ws.rows[off]
	return ws.rows[off+1 : off+1+int(n)]
}

// add adds the rows of the features to scores, entries for score indexes
// lo <= i < lo+len(scores) only. All slots are read before any row, so the
// processor overlaps their cache misses.
func (ws *weights) add(feats []uint64, offs []int32, scores []int32, lo int) {
	offs = offs[:len(feats)]
	for k, key := range feats {
		offs[k] = int32(ws.find(key))
	}
	n := uint(len(scores))
	for _, off := range offs {
		if off < 0 {
			continue
		}
		row := ws.rows[off+1 : off+1+int32(ws.rows[off])]
		for _, e := range row {
			idx, w := unpackEntry(e)
			if i := uint(idx - lo); i < n {
				scores[i] += w
			}
		}
	}
}

// build fills the table from rows given per feature key. Two keys with
// the same low bits and the same check are one feature: the later is
// dropped (at 2^-32 per pair, it does not happen at real sizes).
func (ws *weights) build(feats map[uint64][]uint32) {
	size := 16
	for size < len(feats)+len(feats)/2 {
		size *= 2
	}
	ws.slots = make([]slot, size)
	ws.mask = uint64(size - 1)
	ws.rows = make([]uint32, 0, len(feats)*6)
	for _, key := range sortedKeys(feats) {
		if ws.find(key) >= 0 {
			continue
		}
		row := feats[key]
		i := key & ws.mask
		for ws.slots[i].check != 0 {
			i = (i + 1) & ws.mask
		}
		ws.slots[i] = slot{check: slotCheck(key), off: uint32(len(ws.rows))}
		ws.keys = append(ws.keys, key)
		ws.offs = append(ws.offs, uint32(len(ws.rows)))
		ws.rows = append(ws.rows, uint32(len(row)))
		ws.rows = append(ws.rows, row...)
	}
}

func packEntry(idx int, w int16) uint32 { return uint32(idx)<<16 | uint32(uint16(w)) }

func unpackEntry(e uint32) (int, int32) { return int(e >> 16), int32(int16(e)) }

// Tagger tags sentences with a shared Model. It holds scratch buffers: one
// per goroutine.
type Tagger struct {
	m      *Model
	info   []wordInfo
	static [][nScores]int32
	first  []doc.Tag
	tags   []doc.Tag
	sc     scratch
}

// scratch holds the feature buffers of one token.
type scratch struct {
	feats []uint64
	offs  []int32
}

func (sc *scratch) offsets(n int) []int32 {
	if cap(sc.offs) < n {
		sc.offs = make([]int32, n, 2*n)
	}
	return sc.offs[:n]
}

// NewTagger returns a Tagger using m.
func NewTagger(m *Model) *Tagger { return &Tagger{m: m} }

// TagTokens sets the Tag of each token of one sentence; text is the
// document text the token spans point into.
func (t *Tagger) TagTokens(text string, toks []doc.Token) {
	n := len(toks)
	t.prepare(n)
	for i := range toks {
		before := toks[i].Flags&doc.SpaceBefore != 0
		after := i+1 == n || toks[i+1].Flags&doc.SpaceBefore != 0
		t.m.describe(text[toks[i].Start:toks[i].End], i == 0, spaceBits(before, after), &t.info[i])
	}
	t.run()
	for i := range toks {
		toks[i].Tag = t.tags[i]
	}
}

// TagWords returns the tags of a sentence given as words (as in a
// treebank); spaceAfter[i] tells whether white space follows word i (nil:
// everywhere). The result is reused by the next call.
func (t *Tagger) TagWords(words []string, spaceAfter []bool) []doc.Tag {
	t.prepare(len(words))
	for i, w := range words {
		t.m.describe(w, i == 0, wordSpace(spaceAfter, i), &t.info[i])
	}
	t.run()
	return t.tags
}

func (t *Tagger) prepare(n int) {
	if cap(t.info) < n {
		c := n + n/2
		t.info = make([]wordInfo, n, c)
		t.static = make([][nScores]int32, n, c)
		t.first = make([]doc.Tag, n, c)
		t.tags = make([]doc.Tag, n, c)
	}
	t.info, t.static, t.first, t.tags = t.info[:n], t.static[:n], t.first[:n], t.tags[:n]
}

// tagInfo tags a sentence whose word facts are known (in training), with
// the first pass only or both; the result is reused by the next call.
func (t *Tagger) tagInfo(info []wordInfo, passes int) []doc.Tag {
	t.prepare(len(info))
	copy(t.info, info)
	t.m.staticScores(t.info, t.static, &t.sc)
	t.m.decode(0, t.info, t.static, nil, t.first, &t.sc)
	if passes == 1 {
		return t.first
	}
	t.m.decode(1, t.info, t.static, t.first, t.tags, &t.sc)
	return t.tags
}

func (t *Tagger) run() {
	markAux(t.info)
	t.m.staticScores(t.info, t.static, &t.sc)
	t.m.decode(0, t.info, t.static, nil, t.first, &t.sc)
	t.m.decode(1, t.info, t.static, t.first, t.tags, &t.sc)
}

// staticScores sums, for each token that will be scored, the weights of
// its word features for both passes.
func (m *Model) staticScores(info []wordInfo, static [][nScores]int32, sc *scratch) {
	for i := range info {
		if info[i].fixed != doc.NoTag {
			continue
		}
		s := &static[i]
		*s = [nScores]int32{}
		f := staticFeatures(info, i, sc.feats[:0])
		sc.feats = f
		m.w.add(f, sc.offsets(len(f)), s[:], 0)
	}
}

// decode tags one sentence greedily, left to right, in pass 0 or 1.
func (m *Model) decode(pass int, info []wordInfo, static [][nScores]int32, right, out []doc.Tag, sc *scratch) {
	const nt = int(doc.NumTags)
	lo := pass * nt
	for i := range info {
		if f := info[i].fixed; f != doc.NoTag {
			out[i] = f
			continue
		}
		var scores [doc.NumTags]int32
		copy(scores[:], static[i][lo:lo+nt])
		f := historyFeatures(info, out, right, i, sc.feats[:0])
		sc.feats = f
		m.w.add(f, sc.offsets(len(f)), scores[:], lo)
		out[i] = best(&scores, info[i].allowed)
	}
}

// best returns the highest-scoring tag, among the tags in allowed when it
// is not 0: a word seen often enough in training to be in the tag
// dictionary takes only a tag it was seen with ("fought" is never RB,
// whatever its neighbours suggest).
func best[T int32 | float32](scores *[doc.NumTags]T, allowed uint64) doc.Tag {
	if allowed == 0 {
		allowed = ^uint64(0)
	}
	bt, found := doc.Tag(1), false
	var bs T
	for tg := doc.Tag(1); tg < doc.NumTags; tg++ {
		if allowed&(1<<tg) != 0 && (!found || scores[tg] > bs) {
			bt, bs, found = tg, scores[tg], true
		}
	}
	return bt
}

func spaceBits(before, after bool) uint64 {
	var b uint64
	if before {
		b |= flagSpaceBefore
	}
	if after {
		b |= flagSpaceAfter
	}
	return b
}

// wordSpace returns the space bits of word i given treebank SpaceAfter marks.
func wordSpace(spaceAfter []bool, i int) uint64 {
	if spaceAfter == nil {
		return spaceBits(true, true)
	}
	return spaceBits(i == 0 || spaceAfter[i-1], spaceAfter[i])
}
