package main

import (
	"context"
	"errors"
	"fmt"

	"dyad/internal/server"
	"dyad/internal/store"
)

// openStore opens the store a -db flag names. Unless create, the store
// must exist: a typo must not silently become an empty store. hint says
// how to make one.
func openStore(ctx context.Context, dsn string, create bool, hint string) (store.Store, error) {
	st, err := store.Open(ctx, dsn, store.Options{Existing: !create})
	if errors.Is(err, store.ErrNoStore) {
		return nil, fmt.Errorf("%w (%s)", err, hint)
	}
	return st, err
}

// checkEventFilter validates the event filters of a command as the API
// validates its query parameters (server.CheckEventFilter): the same
// mistakes refused with the same message, the parameter named as a flag.
func checkEventFilter(f store.EventFilter) error {
	if err := server.CheckEventFilter(f); err != nil {
		return fmt.Errorf("%w: -%v", errUsage, err)
	}
	return nil
}
