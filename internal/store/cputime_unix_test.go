//go:build unix

package store

import (
	"syscall"
	"time"
)

// cpuTime is the CPU time (user and system) the process has used: a
// figure that other work on a shared machine disturbs less than the
// wall clock does.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
