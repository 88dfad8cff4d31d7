package kb

import (
	"runtime"
	"testing"
	"time"
)

// BenchmarkLoadPhoenix loads the embedded dictionaries and every Phoenix
// file (three actor files, agents, discards, CAMEO.2.0 verbs), as a user
// who adds the Phoenix set does. It reports the time of one load (ms)
// and the heap the KB holds after a GC (MB). Target: under 1 s and
// 300 MB.
func BenchmarkLoadPhoenix(b *testing.B) {
	names := []string{"Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt",
		"Phoenix.MilNonState.actors.txt", "Phoenix.agents.txt", "Phoenix.discards.txt", "CAMEO.2.0.txt"}
	files := make([][]byte, len(names))
	for i, n := range names {
		files[i] = testdata(b, "phoenix", n)
	}
	b.ReportAllocs()
	var k *KB
	var total time.Duration
	for b.Loop() {
		start := time.Now()
		var errs []error
		k, errs = Default(nil)
		for i, n := range names {
			errs = append(errs, k.AddFile(n, files[i])...)
		}
		total += time.Since(start)
		if len(errs) > 40 {
			b.Fatalf("%d errors loading: %v", len(errs), errs[:5])
		}
	}
	b.ReportMetric(float64(total.Milliseconds())/float64(b.N), "ms/load")
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	b.ReportMetric(float64(ms.HeapAlloc)/(1<<20), "MB-heap")
	runtime.KeepAlive(k)
}
