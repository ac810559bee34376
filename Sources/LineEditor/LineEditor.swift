// LineEditor: to be written.
