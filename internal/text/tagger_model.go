package text

import (
	"bytes"
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"sync"

	"dyad/internal/doc"
	"dyad/internal/learn"
)

// The model file: gzip of
//
//	magic "DYADTAG3", numTags u8
//	nWords u32, then per word: hash u64, amb u64, allowed u64, fixed u8
//	nFeats u32, then per feature: key u64, n u8,
//	        n × (score index u8, weight i16)
//
// little-endian; score index t is tag t of the first pass, NumTags+t tag t
// of the second.
const modelMagic = "DYADTAG3"

// ErrBadModel is returned for a model file that is not a dyad tagger model
// or does not fit the tag set of this build.
var ErrBadModel = errors.New("text: not a dyad tagger model")

// WriteModel writes m in the model file format.
func WriteModel(w io.Writer, m *Model) error {
	le := binary.LittleEndian
	var b []byte
	b = append(b, modelMagic...)
	b = append(b, byte(doc.NumTags))
	b = le.AppendUint32(b, uint32(len(m.words)))
	for _, h := range sortedKeys(m.words) {
		e := m.words[h]
		b = le.AppendUint64(b, h)
		b = le.AppendUint64(b, e.amb)
		b = le.AppendUint64(b, e.allowed)
		b = append(b, byte(e.fixed))
	}
	feats := m.w.features()
	b = le.AppendUint32(b, uint32(len(feats)))
	for _, k := range sortedKeys(feats) {
		row := feats[k]
		b = le.AppendUint64(b, k)
		b = append(b, byte(len(row)))
		for _, e := range row {
			idx, w := unpackEntry(e)
			b = append(b, byte(idx))
			b = le.AppendUint16(b, uint16(int16(w)))
		}
	}
	return learn.WriteGzip(w, b)
}

func (ws *weights) features() map[uint64][]uint32 {
	out := make(map[uint64][]uint32)
	for i, key := range ws.keys {
		out[key] = ws.entries(ws.offs[i])
	}
	return out
}

// ReadModel reads a model written by WriteModel.
func ReadModel(r io.Reader) (*Model, error) {
	d, err := learn.Open(r, modelMagic, ErrBadModel)
	if err != nil {
		return nil, err
	}
	if nt := d.U8(); nt != uint8(doc.NumTags) {
		return nil, fmt.Errorf("%w: model has %d tags, this build %d", ErrBadModel, nt, doc.NumTags)
	}
	m := &Model{}
	nw := d.U32()
	if int(nw) > len(d.B)/25 {
		return nil, fmt.Errorf("%w: truncated", ErrBadModel)
	}
	m.words = make(map[uint64]wordEntry, nw)
	for i := uint32(0); i < nw && d.Err == nil; i++ {
		h, amb, allowed, fixed := d.U64(), d.U64(), d.U64(), doc.Tag(d.U8())
		if fixed >= doc.NumTags {
			return nil, fmt.Errorf("%w: tag %d out of range", ErrBadModel, fixed)
		}
		m.words[h] = wordEntry{amb: amb, allowed: allowed, fixed: fixed}
	}
	nf := d.U32()
	if int(nf) > len(d.B)/9 {
		return nil, fmt.Errorf("%w: truncated", ErrBadModel)
	}
	feats := make(map[uint64][]uint32, nf)
	for i := uint32(0); i < nf && d.Err == nil; i++ {
		k, n := d.U64(), int(d.U8())
		row := make([]uint32, 0, n)
		for j := 0; j < n && d.Err == nil; j++ {
			idx, w := int(d.U8()), int16(d.U16())
			if idx%int(doc.NumTags) == 0 || idx >= nScores {
				return nil, fmt.Errorf("%w: score index %d out of range", ErrBadModel, idx)
			}
			row = append(row, packEntry(idx, w))
		}
		feats[k] = row
	}
	if d.Err != nil {
		return nil, fmt.Errorf("%w: %v", ErrBadModel, d.Err)
	}
	if len(d.B) != 0 {
		return nil, fmt.Errorf("%w: %d trailing bytes", ErrBadModel, len(d.B))
	}
	m.w.build(feats)
	return m, nil
}

//go:embed model/tagger.bin.gz
var embeddedModel []byte

var defaultModel = sync.OnceValues(func() (*Model, error) {
	return ReadModel(bytes.NewReader(embeddedModel))
})

// DefaultModel returns the embedded model, trained by `dyad tagger train`
// on the UD English treebanks (see NOTICE). It is loaded once.
func DefaultModel() (*Model, error) { return defaultModel() }
