package learn

import (
	"bytes"
	"io"
	"testing"
)

func TestPerceptronLearnsAndAverages(t *testing.T) {
	p := NewPerceptron(2)
	// Feature 1 means class 0, feature 2 class 1; feature 3 is noise.
	data := []struct {
		feats []uint64
		class int
	}{{[]uint64{1, 3}, 0}, {[]uint64{2, 3}, 1}}
	for range 5 {
		for _, d := range data {
			var sc [2]int64
			p.Score(d.feats, sc[:])
			guess := 0
			if sc[1] > sc[0] {
				guess = 1
			}
			p.Tick()
			if guess != d.class {
				p.Update(d.feats, d.class, guess)
			}
		}
	}
	keys, rows, updates := p.Quantised(0)
	if len(keys) != 3 || keys[0] != 1 || keys[2] != 3 {
		t.Fatalf("Quantised keys = %v; want [1 2 3]", keys)
	}
	if rows[0][0] <= rows[0][1] || rows[1][1] <= rows[1][0] {
		t.Errorf("rows = %v; want feature 1 for class 0, feature 2 for class 1", rows)
	}
	if updates[0] == 0 {
		t.Errorf("updates = %v; want feature 1 updated", updates)
	}
}

func TestDecoderShortRead(t *testing.T) {
	d := Decoder{B: []byte{1, 0, 0}}
	if d.U16() != 1 {
		t.Fatal("U16 misread")
	}
	if d.U32() != 0 || d.Err != io.ErrUnexpectedEOF {
		t.Errorf("short U32: err %v; want ErrUnexpectedEOF", d.Err)
	}
	d = Decoder{B: []byte{200, 0, 0, 0, 1}}
	if _, err := d.Count(8); err == nil {
		t.Error("Count of 200 eight-byte records in 1 byte: no error")
	}
	var buf bytes.Buffer
	if err := WriteGzip(&buf, []byte("model")); err != nil {
		t.Fatal(err)
	}
	if b, err := ReadGzip(&buf); err != nil || string(b) != "model" {
		t.Errorf("ReadGzip = %q, %v", b, err)
	}
}
