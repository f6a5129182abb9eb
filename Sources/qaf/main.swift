// qaf: the thin demo CLI over the library.
