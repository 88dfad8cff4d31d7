package pipeline

import (
	"context"
	"errors"
	"runtime"
	"runtime/metrics"
	"testing"
	"time"

	"dyad/internal/doc"
)

// TestCodeScalesLinearly codes a generated news document of 1 MB and
// one of 10 MB and checks that the time (CPU time of the process, so a
// loaded machine does not make it flaky) grows about as the document:
// at most 15 times for 10 times the text. Issue 16 measured 1.6 s at
// 1 MB, 18.7 s at 4 MB and 184 s at 8 MB: pairwise loops over events,
// quotes and surnames. It also bounds the memory: the heap at its peak
// while coding, and the result kept, per byte of text.
func TestCodeScalesLinearly(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("codes 11 MB of text (-short and -race skip it; the detector's cost is not the coder's)")
	}
	c := NewCoder(embeddedConfig(t))
	measure := func(mb int) (cpu time.Duration, peak, kept uint64, res doc.Result) {
		txt := newsText(t, mb<<20, uint64(mb))
		runtime.GC()
		base := heapBytes()
		stop := watchPeak()
		t0 := cpuTime()
		res, err := c.Code(doc.Document{ID: "big", Date: "2020-01-01", Text: txt})
		cpu = cpuTime() - t0
		peak = stop() - base
		if err != nil {
			t.Fatal(err)
		}
		runtime.GC()
		kept = heapBytes() - base
		t.Logf("%d MB: %v CPU, peak heap %d MB, result %d MB; %d sentences, %d events, %d quotes",
			mb, cpu.Round(time.Millisecond), peak>>20, kept>>20, len(res.Sentences), len(res.Events), len(res.Quotes))
		return cpu, peak, kept, res
	}
	small, _, _, _ := measure(1)
	big, peak, kept, res := measure(10)
	runtime.KeepAlive(res)
	if ratio := float64(big) / float64(small); ratio > 15 {
		t.Errorf("coding 10 MB took %.1f times as long as 1 MB (%v against %v); want at most 15 (linear is 10)", ratio, big, small)
	}
	const perByte = 100 // bytes of heap per byte of text
	if peak > perByte*10<<20 {
		t.Errorf("coding 10 MB peaked at %d MB of heap; want at most %d MB", peak>>20, perByte*10)
	}
	if kept > perByte/2*10<<20 {
		t.Errorf("the result of 10 MB holds %d MB; want at most %d MB", kept>>20, perByte/2*10)
	}
}

// heapBytes returns the bytes of live and unswept heap objects.
func heapBytes() uint64 {
	s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}

// watchPeak samples the heap every millisecond until the returned
// function is called, which returns the highest figure seen.
func watchPeak() func() uint64 {
	done := make(chan struct{})
	peak := make(chan uint64)
	go func() {
		var hi uint64
		tick := time.NewTicker(time.Millisecond)
		defer tick.Stop()
		for {
			hi = max(hi, heapBytes())
			select {
			case <-done:
				peak <- hi
				return
			case <-tick.C:
			}
		}
	}()
	return func() uint64 { close(done); return <-peak }
}

// TestCodeContextCancel: coding a 10 MB document stops within a second
// of its context's cancellation, with an error that wraps it; before,
// the document ran to its end (minutes at 30 MB, deaf to SIGINT).
func TestCodeContextCancel(t *testing.T) {
	c := NewCoder(embeddedConfig(t))
	txt := newsText(t, 10<<20, 3)
	for _, after := range []time.Duration{0, 50 * time.Millisecond, 300 * time.Millisecond, 800 * time.Millisecond} {
		ctx, cancel := context.WithCancel(context.Background())
		time.AfterFunc(after, cancel)
		t0 := time.Now()
		_, err := c.CodeContext(ctx, doc.Document{ID: "big", Date: "2020-01-01", Text: txt})
		late := time.Since(t0) - after
		if !errors.Is(err, context.Canceled) {
			t.Errorf("CodeContext cancelled after %v: err = %v; want context.Canceled", after, err)
		}
		if late > time.Second {
			t.Errorf("CodeContext cancelled after %v returned %v later; want within 1s", after, late.Round(time.Millisecond))
		}
		cancel()
	}
	// The Coder is whole after a cancellation.
	res, err := c.Code(doc.Document{ID: "d", Date: "2020-01-01", Text: "Iran refused an offer from the United States."})
	if err != nil || len(res.Sentences) != 1 {
		t.Errorf("Code after a cancellation = %d sentences, %v; want 1, nil", len(res.Sentences), err)
	}
}
