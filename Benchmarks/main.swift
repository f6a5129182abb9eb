// The benchmark executable.
