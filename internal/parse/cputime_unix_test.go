//go:build unix

package parse

import (
	"syscall"
	"time"
)

// cpuTime returns the process's user and system CPU time, so a benchmark
// can report throughput per CPU second on a machine whose other load
// makes wall time noisy.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
